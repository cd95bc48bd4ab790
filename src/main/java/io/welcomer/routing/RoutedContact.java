package io.welcomer.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A live contact as the router tracks it; mutated only by the router. */
final class RoutedContact {

    final ContactRequest request;
    /** Arrival order; a contact keeps it for life, so a requeue never loses its place. */
    final long seq;
    final Instant arrivedAt;
    /**
     * The aged priority (priority + aging points x minutes waited) less aging x now: the same
     * shift for every contact, so the order it gives never changes while they wait.
     */
    final double rank;
    /** The line it waits in: its channel and the names of the skills it needs, which never change. */
    final WaitingLine.SkillNames line;
    ContactState state = ContactState.QUEUED;
    String agentId;
    long offerSerial;
    Instant connectedAt;
    boolean customerGone;
    /** Waited past the relax-after time: any proficiency in the named skills will do. */
    boolean relaxed;
    /** The customer hung up to be called back: waiting costs them nothing, so they never give up. */
    boolean callback;

    RoutedContact(ContactRequest request, long seq, Instant arrivedAt, double agingPerMinute) {
        this.request = request;
        this.seq = seq;
        this.arrivedAt = arrivedAt;
        this.rank = request.priority() - agingPerMinute * arrivedAt.toEpochMilli() / 60_000.0;
        this.line = new WaitingLine.SkillNames(request.channel(), Set.copyOf(request.skills().keySet()));
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
}
