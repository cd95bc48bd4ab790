package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;

/** What the router decided; the shell stores it, then tells the agents, gateways and metrics. */
public sealed interface Decision {

    /** The contact waits for an agent. */
    record Queued(String contactId, Channel channel) implements Decision {}

    /** The contact is offered to (reserved for) one agent until {@code expiresAt}. */
    record Offered(String contactId, Channel channel, String agentId, Instant expiresAt) implements Decision {}

    /** A live offer ended without an accept; the contact goes back to waiting (or ends). */
    record OfferRevoked(String contactId, String agentId, RevokeReason reason) implements Decision {}

    /**
     * The contact waits again, in its original place in line. {@code touchedBefore} is its touch
     * time over the legs so far (an agent lost mid-conversation, a cold transfer earlier), which the
     * shell stores so that a restart while it waits keeps them.
     */
    record Requeued(String contactId, Channel channel, String previousAgentId, Duration touchedBefore)
            implements Decision {

        /** A contact that no agent had touched. */
        public Requeued(String contactId, Channel channel, String previousAgentId) {
            this(contactId, channel, previousAgentId, Duration.ZERO);
        }
    }

    record Connected(String contactId, Channel channel, String agentId, Duration timeToHuman)
            implements Decision {}

    /** The conversation ended; the agent wraps up, holding the slot. Touch time is summed over the legs. */
    record Wrapping(String contactId, Channel channel, String agentId, Duration touchTime) implements Decision {}

    /** The contact ended with its last owner's outcome, after {@code wrapUp} of after-contact work. */
    record Completed(String contactId, Channel channel, String agentId, Outcome outcome, Duration touchTime,
                     Duration wrapUp) implements Decision {
        public Completed(String contactId, Channel channel, String agentId, Outcome outcome, Duration touchTime) {
            this(contactId, channel, agentId, outcome, touchTime, Duration.ZERO);
        }
    }

    /** A warm transfer is offered to {@code toAgentId}; the owner keeps the contact until it accepts. */
    record TransferOffered(String contactId, Channel channel, String fromAgentId, String toAgentId, String note,
                           Instant expiresAt) implements Decision {}

    /** A warm transfer ended without moving the contact: it stays with its owner. */
    record TransferEnded(String contactId, String fromAgentId, String toAgentId, TransferStatus status)
            implements Decision {}

    /**
     * The contact left its owner: warm, now connected to {@code toAgentId}; cold, waiting for the
     * line it was sent to ({@code toAgentId} null). {@code touchedBefore} is its touch time over
     * the legs so far, which the store keeps so that a restart does not forget them.
     */
    /**
     * The contact left its owner: warm to {@code toAgentId}, or cold to wait again, then needing
     * {@code sentTo}'s skills and language (its own language when the transfer named none) in no
     * configured line; the shell stores those needs, so a rebuild keeps the contact where it was sent.
     */
    record Transferred(String contactId, Channel channel, String fromAgentId, String toAgentId, TransferMode mode,
                       String note, Duration touchedBefore, TransferTarget.ToLine sentTo) implements Decision {

        /** A warm transfer: the contact's needs stay as they were. */
        public Transferred(String contactId, Channel channel, String fromAgentId, String toAgentId, TransferMode mode,
                           String note, Duration touchedBefore) {
            this(contactId, channel, fromAgentId, toAgentId, mode, note, touchedBefore, null);
        }
    }

    /** A follow-up is promised; the shell stores it so that it survives a restart. */
    record FollowUpScheduled(FollowUp followUp) implements Decision {}

    /** A follow-up fell due: its contact exists from now on, and is offered or queued next. */
    record FollowUpDue(FollowUp followUp) implements Decision {}

    /** The customer will be called back; the contact keeps its place in line. */
    record CallbackArranged(String contactId) implements Decision {}

    /** The customer left before reaching a human; {@code line}: the configured line it waited in (null: implicit). */
    record Abandoned(String contactId, Channel channel, String line) implements Decision {
        public Abandoned(String contactId, Channel channel) {
            this(contactId, channel, null);
        }
    }

    /**
     * The contact reached a human for the first time, in {@code line} (null: an implicit line);
     * {@code withinTarget}: within the line's service-level time of its arrival (null: no target).
     */
    record Answered(String contactId, String line, Boolean withinTarget) implements Decision {}

    /** The customer left a connected contact; the agent still completes it. */
    record CustomerLeft(String contactId, String agentId) implements Decision {}

    /**
     * The agent's presence, reason or "next" changed. With {@code next} AWAY the agent takes no new
     * offers and is away, for {@code reason}, once its last contact ends. {@code by} names the
     * supervisor who set it away or signed it out (null: the agent itself, or routing).
     */
    record PresenceChanged(String agentId, Presence presence, String reason, Presence next, String by)
            implements Decision {
        public PresenceChanged(String agentId, Presence presence, String reason, Presence next) {
            this(agentId, presence, reason, next, null);
        }

        public PresenceChanged(String agentId, Presence presence, String reason) {
            this(agentId, presence, reason, null, null);
        }
    }

    /**
     * A supervisor ({@code by}) moved the contact to an agent or a line; it was offered to
     * {@code fromAgentId} (null if it was waiting). It waits now, in its arrival place, unless an
     * offer follows.
     */
    record Moved(String contactId, Channel channel, String fromAgentId, MoveTarget to, String by)
            implements Decision {}

    /** A supervisor ({@code by}) changed a waiting contact's priority. */
    record PriorityChanged(String contactId, int priority, String by) implements Decision {}

    /** The agent was away for this reason this long; the away time per reason is counted from it. */
    record AwayEnded(String agentId, String reason, Duration away) implements Decision {}

    /**
     * A line was configured (new or replaced): open or closed now, and its next opening or
     * closing (null: always open, or none within the horizon).
     */
    record LineConfigured(Line line, boolean open, Instant nextChange) implements Decision {}

    /** A line was removed; nobody was in it. */
    record LineRemoved(String lineId) implements Decision {}

    /** A line opened (its waiting contacts are offered next); it closes at {@code closesAt} (null: not within the horizon). */
    record LineOpened(String lineId, Instant closesAt) implements Decision {}

    /** A line closed: nothing in it is offered until it opens at {@code opensAt} (null: not within the horizon). */
    record LineClosed(String lineId, Instant opensAt) implements Decision {}

    /**
     * A waiting contact of line {@code fromLine} reached overflow step {@code step} (1-based): the
     * agents who serve {@code toLine}, or who have {@code toSkills} (the other is null), may take it too.
     */
    record Overflowed(String contactId, String fromLine, String toLine, java.util.Map<String, Integer> toSkills,
                      int step) implements Decision {}

    /** The command was refused and changed nothing. */
    record Refused(Refusal refusal) implements Decision {}

    /** Why an offer was revoked, in the words of the agent protocol. */
    enum RevokeReason {
        TIMEOUT, ABANDONED, REJECTED, AGENT_GONE, MOVED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
