package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A live contact as the router tracks it; mutated only by the router. */
final class RoutedContact {

    /** A warm transfer offered to another agent while the owner keeps the contact. */
    record PendingTransfer(String toAgentId, String note, long serial) {}

    /** The request as handed over (its own skills and language, the line it names); a cold transfer replaces it. */
    ContactRequest given;
    /** The configured line it is in (null: an implicit, always-open line). */
    LineState line;
    /** What it needs: the request within its line (the line's skills and language added). */
    ContactRequest request;
    /** Arrival order; a contact keeps it for life, so a requeue never loses its place. */
    final long seq;
    final Instant arrivedAt;
    /**
     * The aged priority (priority + aging points x minutes waited) less aging x now: the same
     * shift for every contact, so the order it gives never changes while they wait (only a
     * supervisor's change of priority moves it, see {@link #reprioritize}).
     */
    double rank;
    /** The queue it waits in: its line, channel, the names of the skills it needs and its language. */
    WaitingLine.Queue queue;
    /** The groups of requirements it is filed under for agents to pick from; empty while not offerable. */
    List<WaitingLine.Requirement> filedUnder = List.of();
    ContactState state = ContactState.QUEUED;
    String agentId;
    long offerSerial;
    Instant connectedAt;
    /** Reached a human once: answered for its line's service level, which a later leg does not count again. */
    boolean answered;
    boolean customerGone;
    /** Waited past the relax-after time: any proficiency in the named skills will do. */
    boolean relaxed;
    /** Counts cold transfers too, so a relax deadline set for an earlier line is recognised. */
    long relaxSerial;
    /** Since when it has needed what it needs now: its arrival, or its cold transfer. */
    Instant needingSince;
    /** An overflow step reached: agents with these skills, or who serve this line (as configured now). */
    record Reach(Map<String, Integer> skills, LineState line) {
        Map<String, Integer> needs() {
            return line == null ? skills : line.line.skills();
        }
    }

    /**
     * The overflow steps of its line it has reached, in step order: agents they name may take it
     * too. Empty until the first step, and again after a cold transfer.
     */
    List<Reach> reached = List.of();
    /** Counts overflow deadlines, so one set before the last is recognised and ignored. */
    long overflowSerial;
    /** The customer hung up to be called back: waiting costs them nothing, so they never give up. */
    boolean callback;
    /** Touch time of the earlier legs, before the last transfer. */
    Duration touchedBefore = Duration.ZERO;
    /** Set when the conversation ends: touch time over all legs, and when wrap-up began. */
    Duration touchTime;
    Instant endedAt;
    int transfers;
    PendingTransfer transfer;
    /**
     * The one agent the contact waits for until the grace ends: the agent who promised a due
     * follow-up, or the agent a supervisor moved it to.
     */
    String reservedFor;
    /** Reserved by a supervisor's move: that agent may take it whatever skills and language it asks for. */
    boolean reservedByMove;
    /** Counts reservations, so a grace deadline set for an earlier one is recognised. */
    long reservationSerial;

    RoutedContact(ContactRequest given, LineState line, long seq, Instant arrivedAt, double agingPerMinute) {
        this.seq = seq;
        this.arrivedAt = arrivedAt;
        this.rank = rankOf(given.priority(), arrivedAt, agingPerMinute);
        redirect(given, line, arrivedAt);
    }

    private static double rankOf(int priority, Instant arrivedAt, double agingPerMinute) {
        return priority - agingPerMinute * arrivedAt.toEpochMilli() / 60_000.0;
    }

    /** A new priority, aged from the contact's arrival as the old one was; call only while it is in no queue. */
    void reprioritize(int priority, double agingPerMinute) {
        given = given.withPriority(priority);
        request = request.withPriority(priority);
        rank = rankOf(priority, arrivedAt, agingPerMinute);
    }

    /** Whether a supervisor moved it to this agent, which may then take it whatever it asks for. */
    boolean movedTo(RoutedAgent agent) {
        return reservedByMove && agent.id().equals(reservedFor);
    }

    /** Needs what this request asks in this line from {@code now} on; call only while the contact is in no queue. */
    void redirect(ContactRequest newGiven, LineState newLine, Instant now) {
        this.needingSince = now;
        this.given = newGiven;
        this.line = newLine;
        this.relaxed = false;
        this.relaxSerial++;
        this.reached = List.of();
        this.overflowSerial++;
        rederive();
    }

    /** Needs what its request asks within its line as the line is configured now; call while in no queue. */
    void rederive() {
        this.request = line == null ? given : given.within(line.line);
        this.queue = WaitingLine.Queue.of(request, line);
    }

    String id() {
        return request.contactId();
    }

    Channel channel() {
        return request.channel();
    }

    /** The skills an agent needs now, with their minimum proficiency (1 each once relaxed). */
    Map<String, Integer> requiredSkills() {
        if (!relaxed) {
            return request.skills();
        }
        Map<String, Integer> anyLevel = new HashMap<>();
        request.skills().keySet().forEach(skill -> anyLevel.put(skill, 1));
        return anyLevel;
    }

    /**
     * The groups of agents who may take it now: its own, then one for each overflow step it has
     * reached, the contact keeping its arrival place in each.
     */
    List<WaitingLine.Requirement> requirements() {
        WaitingLine.Requirement own = new WaitingLine.Requirement(channel(), requiredSkills(), requiredLanguage());
        if (reached.isEmpty()) {
            return List.of(own);
        }
        Set<WaitingLine.Requirement> all = new LinkedHashSet<>();
        all.add(own);
        reached.forEach(step -> all.add(new WaitingLine.Requirement(channel(), step.needs(), requiredLanguage())));
        return List.copyOf(all);
    }

    /** Whether an agent with this profile may take it now: through its own needs or an overflow step it reached. */
    boolean takenBy(AgentProfile profile) {
        String language = requiredLanguage();
        if (!profile.speaks(language)) {
            return false;
        }
        if (profile.meets(requiredSkills())) {
            return true;
        }
        for (Reach step : reached) {
            if (profile.meets(step.needs())) {
                return true;
            }
        }
        return false;
    }

    /** The language an agent must speak now (a primary subtag), or null when anyone will do. */
    String requiredLanguage() {
        return relaxed && !request.languageRequired() ? null : request.primaryLanguage();
    }

    /** Touch time so far: the earlier legs and the current one, up to the end of the conversation. */
    Duration touchTimeAt(Instant now) {
        return touchTime != null ? touchTime : touchedBefore.plus(Duration.between(connectedAt, now));
    }
}
