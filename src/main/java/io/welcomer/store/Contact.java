package io.welcomer.store;

import io.welcomer.routing.Arrived;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Outcome;
import java.time.Instant;

/**
 * A contact as the shell knows it, live or stored. Immutable: each routing decision makes a new
 * one, so a write or a frame in flight never sees a later change and nothing is copied by hand.
 *
 * @param feedback the customer's answer once given after completion; never on a live contact
 */
public record Contact(Arrival arrival, Progress progress, Feedback feedback) {

    /** How the contact came to be routed: handed over live, turned into a callback, or a promised follow-up. */
    public enum Mode { LIVE, CALLBACK, FOLLOW_UP }

    /**
     * What the gateway said when it handed the contact over (a follow-up's are those of the
     * contact it was promised on); only a supervisor changes it: the priority, or the line (its
     * own skills then give way to the line's).
     *
     * @param requiredSkills JSON object as stored: skill name to minimum proficiency
     * @param context        JSON text, at most 8 KiB, of what the gateway sent (as parsed and written
     *                       once at intake, or as the store gives it back): offers carry it as it is
     * @param followUpNote   a follow-up's note from the agent who promised it
     * @param line           the configured line it was handed to; null for the implicit line
     */
    public record Arrival(String id, String gatewayId, String idempotencyKey, String channel, Customer customer,
                          boolean languageRequired, String requiredSkills, int priority, String topic, String context,
                          String followUpNote, String line) {}

    public record Customer(String id, String name, String language) {}

    /**
     * Where the contact stands and what its agents did with it.
     *
     * @param callbackNumber E.164 number to dial when the customer asked to be called back
     * @param wrappedAt      when the conversation ended and after-contact work began; null if completed at once
     * @param touchMillis    touch time summed over the legs once the conversation ended; before, over
     *                       the legs before the last transfer (null if none)
     * @param outcome        what came of it, once completed by its agent
     * @param answeredWithinTarget whether it first reached a human within its line's service-level
     *                       target; null until then, or when its line has no target
     */
    public record Progress(ContactState state, Mode mode, long arrivalSeq, Instant createdAt, String agentId,
                           String callbackNumber, Instant offeredAt, Instant connectedAt, Instant endedAt,
                           Instant customerLeftAt, Instant wrappedAt, Long touchMillis, Outcome outcome,
                           Transfers transfers, Boolean answeredWithinTarget) {

        /** Waiting for its first offer, from {@code createdAt}. */
        public static Progress waiting(Mode mode, Instant createdAt, String callbackNumber) {
            return new Progress(ContactState.QUEUED, mode, 0, createdAt, null, callbackNumber, null, null, null, null,
                    null, null, null, Transfers.NONE, null);
        }

        public Progress inState(ContactState next) {
            return new Progress(next, mode, arrivalSeq, createdAt, agentId, callbackNumber, offeredAt, connectedAt,
                    endedAt, customerLeftAt, wrappedAt, touchMillis, outcome, transfers, answeredWithinTarget);
        }

        /**
         * Placed in arrival order by routing, at the time routing gave it: records are read in
         * that order, and the time never runs backwards along it. A promised follow-up that fell
         * due arrives so too, waiting from then on.
         */
        public Progress arrived(Arrived arrived) {
            return new Progress(state, mode, arrived.seq(), arrived.at(), agentId, callbackNumber, offeredAt,
                    connectedAt, endedAt, customerLeftAt, wrappedAt, touchMillis, outcome, transfers,
                    answeredWithinTarget);
        }

        public Progress offeredTo(String agent, Instant at) {
            return new Progress(ContactState.OFFERED, mode, arrivalSeq, createdAt, agent, callbackNumber, at,
                    connectedAt, endedAt, customerLeftAt, wrappedAt, touchMillis, outcome, transfers,
                    answeredWithinTarget);
        }

        /** Waiting again, with its touch time over the legs so far (kept as it was when none). */
        public Progress requeued(long touchedBefore) {
            return new Progress(ContactState.QUEUED, mode, arrivalSeq, createdAt, null, callbackNumber, offeredAt,
                    null, endedAt, null, wrappedAt, touchedBefore > 0 ? Long.valueOf(touchedBefore) : touchMillis,
                    outcome, transfers, answeredWithinTarget);
        }

        public Progress connected(Instant at) {
            return new Progress(ContactState.CONNECTED, mode, arrivalSeq, createdAt, agentId, callbackNumber,
                    offeredAt, at, endedAt, customerLeftAt, wrappedAt, touchMillis, outcome, transfers,
                    answeredWithinTarget);
        }

        public Progress wrapping(Instant at, long touch) {
            return new Progress(ContactState.WRAPPING, mode, arrivalSeq, createdAt, agentId, callbackNumber,
                    offeredAt, connectedAt, endedAt, customerLeftAt, at, touch, outcome, transfers,
                    answeredWithinTarget);
        }

        /** Wrapped up first, its touch time was stored then and stands (a restart in between loses it here). */
        public Progress completed(Instant at, long touch, Outcome result) {
            return new Progress(ContactState.COMPLETED, mode, arrivalSeq, createdAt, agentId, callbackNumber,
                    offeredAt, connectedAt, at, customerLeftAt, wrappedAt, wrappedAt == null ? touch : touchMillis,
                    result, transfers, answeredWithinTarget);
        }

        public Progress abandoned(Instant at) {
            return new Progress(ContactState.ABANDONED, mode, arrivalSeq, createdAt, agentId, callbackNumber,
                    offeredAt, connectedAt, at, customerLeftAt, wrappedAt, touchMillis, outcome, transfers,
                    answeredWithinTarget);
        }

        /** Reached a human for the first time, as routing counted it for its line's service level. */
        public Progress answered(Boolean withinTarget) {
            return new Progress(state, mode, arrivalSeq, createdAt, agentId, callbackNumber, offeredAt, connectedAt,
                    endedAt, customerLeftAt, wrappedAt, touchMillis, outcome, transfers, withinTarget);
        }

        public Progress callingBack(String number) {
            return new Progress(state, Mode.CALLBACK, arrivalSeq, createdAt, agentId, number, offeredAt, connectedAt,
                    endedAt, customerLeftAt, wrappedAt, touchMillis, outcome, transfers, answeredWithinTarget);
        }

        public Progress customerLeft(Instant at) {
            return new Progress(state, mode, arrivalSeq, createdAt, agentId, callbackNumber, offeredAt, connectedAt,
                    endedAt, at, wrappedAt, touchMillis, outcome, transfers, answeredWithinTarget);
        }

        /**
         * Warm: connected to its new owner now. Cold ({@code to} null): waiting for the line it was
         * sent to. Until the conversation ends, the touch time kept is that of the legs so far.
         */
        public Progress transferred(String from, String to, String how, String note, Instant at, long touchedBefore) {
            return new Progress(to == null ? ContactState.QUEUED : ContactState.CONNECTED, mode, arrivalSeq,
                    createdAt, to, callbackNumber, offeredAt, to == null ? null : at, endedAt, customerLeftAt,
                    wrappedAt, touchedBefore, outcome, transfers.next(from, how, note), answeredWithinTarget);
        }
    }

    /** How many times the contact was handed on, and the last hand-over: who, warm or cold, and their note. */
    public record Transfers(int count, String lastFrom, String lastMode, String lastNote) {

        public static final Transfers NONE = new Transfers(0, null, null, null);

        Transfers next(String from, String how, String note) {
            return new Transfers(count + 1, from, how, note);
        }
    }

    /** Customer satisfaction 1-5 and a comment, given once after completion. */
    public record Feedback(int csat, String comment, Instant at) {}

    public String id() {
        return arrival.id;
    }

    public ContactState state() {
        return progress.state;
    }

    public Contact with(Progress next) {
        return new Contact(arrival, next, feedback);
    }

    /** The same contact sent cold to wait for these skills (stored JSON) and language, in no configured line. */
    public Contact redirected(String requiredSkills, String language) {
        Arrival a = arrival;
        Customer c = a.customer;
        return new Contact(new Arrival(a.id, a.gatewayId, a.idempotencyKey, a.channel,
                new Customer(c.id(), c.name(), language), a.languageRequired, requiredSkills, a.priority, a.topic,
                a.context, a.followUpNote, null), progress, feedback);
    }

    /** The same contact at the priority a supervisor gave it. */
    public Contact withPriority(int priority) {
        Arrival a = arrival;
        return new Contact(new Arrival(a.id, a.gatewayId, a.idempotencyKey, a.channel, a.customer, a.languageRequired,
                a.requiredSkills, priority, a.topic, a.context, a.followUpNote, a.line), progress, feedback);
    }

    /** The same contact moved to a line by a supervisor: it asks for that line's skills, not its own. */
    public Contact inLine(String lineId) {
        Arrival a = arrival;
        return new Contact(new Arrival(a.id, a.gatewayId, a.idempotencyKey, a.channel, a.customer, a.languageRequired,
                "{}", a.priority, a.topic, a.context, a.followUpNote, lineId), progress, feedback);
    }
}
