package io.welcomer.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching rules: where a contact goes (its customer's last agent, else the best free eligible
 * agent, else the line) and what an agent with room is offered next. Nothing in a closed line is
 * offered: it waits in its place for the opening.
 */
final class Matching {

    /** Among agents of equal fit: the one idle longest, then the least loaded; agent id breaks ties. */
    private static final Comparator<RoutedAgent> DESERVING = Comparator
            .comparing((RoutedAgent a) -> a.idleSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(a -> a.active().size())
            .thenComparing(RoutedAgent::id);

    private final Router router;

    Matching(Router router) {
        this.router = router;
    }

    /** A contact back in line keeps its arrival place and is offered at once where it can be. */
    void requeue(RoutedContact contact, String previousAgentId) {
        contact.agentId = null;
        contact.connectedAt = null;
        router.decide(new Decision.Requeued(contact.id(), contact.channel(), previousAgentId, contact.touchedBefore));
        router.overflows.catchUp(contact);
        place(contact, previousAgentId, true);
    }

    /**
     * Offers the contact to the agent who served this customer last, if that agent can take it
     * now; else to the best free eligible agent; else puts it in line. Nobody waits for one person.
     */
    void place(RoutedContact contact, String skippedAgentId, boolean alreadyAnnounced) {
        if (contact.reservedFor != null && router.roster.contains(contact.reservedFor)) {
            router.followUps.reserve(contact, skippedAgentId, alreadyAnnounced);
            return;
        }
        contact.reservedFor = null;
        RoutedAgent chosen = offerable(contact) ? choose(contact, skippedAgentId) : null;
        if (chosen != null) {
            offer(contact, chosen);
            return;
        }
        contact.state = ContactState.QUEUED;
        router.queue.add(contact, router.now());
        if (!alreadyAnnounced) {
            router.decide(new Decision.Queued(contact.id(), contact.channel()));
        }
    }

    /** A waiting contact of an open line goes to the agent who would take it on arrival, if one is free now. */
    void offerIfFree(RoutedContact contact) {
        RoutedAgent chosen = choose(contact, null);
        if (chosen != null) {
            router.queue.remove(contact, router.now());
            offer(contact, chosen);
        }
    }

    /** The customer's last agent if it can take the contact now, else the best free eligible agent, else null. */
    private RoutedAgent choose(RoutedContact contact, String skippedAgentId) {
        return router.relationships.lastAgentOf(contact.request.customerId(), router.now())
                .map(router.roster::get)
                .filter(agent -> eligible(agent, contact, skippedAgentId))
                .orElseGet(() -> bestFreeAgent(contact, skippedAgentId));
    }

    /** Whether its line is open (an implicit line always is). */
    static boolean offerable(RoutedContact contact) {
        return contact.line == null || contact.line.open;
    }

    /**
     * An agent of the contact's own skills before one reached only by overflow, then a speaker of
     * the customer's language (it matters once anyone may take the contact), then the best fit
     * (highest proficiency on the required skills), then the most deserving.
     */
    RoutedAgent bestFreeAgent(RoutedContact contact, String skippedAgentId) {
        String language = contact.request.primaryLanguage();
        RoutedAgent best = null;
        boolean bestOwn = false;
        boolean bestSpeaks = false;
        int bestFit = 0;
        Map<String, Integer> own = contact.requiredSkills();
        for (WaitingLine.Requirement requirement : contact.requirements()) {
            Set<String> skills = requirement.skills().keySet();
            // A voice or video contact needs an agent who holds nothing: the most deserving of each shape.
            for (RoutedAgent agent : contact.channel().exclusive()
                    ? router.roster.mostDeservingIdle(skills, skippedAgentId) : router.roster.routableWith(skills)) {
                if (!eligible(agent, contact, skippedAgentId)) {
                    continue;
                }
                boolean isOwn = agent.profile.meets(own) || contact.movedTo(agent);
                boolean speaks = agent.profile.speaks(language);
                int fit = agent.profile.fit(contact.request.skills());
                int versusBest = best == null ? -1 : isOwn != bestOwn ? (isOwn ? -1 : 1)
                        : speaks != bestSpeaks ? (speaks ? -1 : 1)
                        : fit != bestFit ? Integer.compare(bestFit, fit) : DESERVING.compare(agent, best);
                if (versusBest < 0) {
                    best = agent;
                    bestOwn = isOwn;
                    bestSpeaks = speaks;
                    bestFit = fit;
                }
            }
        }
        return best;
    }

    /** Relaxing drops minimum proficiencies to 1 and, unless the contact insists, its language. */
    void scheduleRelax(RoutedContact contact) {
        boolean languageMayRelax = contact.request.primaryLanguage() != null && !contact.request.languageRequired();
        if (!contact.relaxed && (!contact.request.skills().isEmpty() || languageMayRelax)) {
            router.deadlines.add(Deadlines.Kind.RELAX, contact.id(), contact.relaxSerial,
                    contact.needingSince.plus(router.rules.relaxAfter()));
        }
    }

    /**
     * Whether the agent may be offered the contact now, through its own needs or an overflow step
     * it reached; a supervisor's move vouches for skills and language.
     */
    static boolean eligible(RoutedAgent agent, RoutedContact contact, String skippedAgentId) {
        return !agent.id().equals(skippedAgentId) && agent.canTake(contact.channel())
                && (contact.movedTo(agent) || contact.takenBy(agent.profile));
    }

    void fill(RoutedAgent agent) {
        fill(agent, null);
    }

    /**
     * Offers waiting contacts to the agent while it has room. An agent that just let a contact go
     * (rejected, timed out) is offered other contacts first; the one it let go comes back to it
     * only when nothing else waits for it, so it never sits free while that customer waits.
     * Before this, the contact was offered to every other free eligible agent (see requeue).
     */
    void fill(RoutedAgent agent, String letGoContactId) {
        for (RoutedContact promise : List.copyOf(agent.promises)) {
            if (!promise.id().equals(letGoContactId) && offerable(promise) && eligible(agent, promise, null)) {
                agent.promises.remove(promise);
                offer(promise, agent);
            }
        }
        for (RoutedContact next = router.queue.nextFor(agent, letGoContactId); next != null;
             next = router.queue.nextFor(agent, letGoContactId)) {
            router.queue.remove(next, router.now());
            offer(next, agent);
        }
        if (letGoContactId != null) {
            fill(agent, null);
        }
    }

    void offer(RoutedContact contact, RoutedAgent agent) {
        Instant expiresAt = router.now().plus(router.rules.offerTimeout());
        contact.state = ContactState.OFFERED;
        contact.agentId = agent.id();
        contact.offerSerial = ++router.offerSerials;
        agent.hold(contact);
        router.roster.idleSince(agent, null);
        router.touch(agent);
        router.deadlines.add(Deadlines.Kind.OFFER_EXPIRY, contact.id(), contact.offerSerial, expiresAt);
        router.decide(new Decision.Offered(contact.id(), contact.channel(), agent.id(), expiresAt));
    }
}
