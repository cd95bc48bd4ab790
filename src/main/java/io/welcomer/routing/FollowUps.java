package io.welcomer.routing;

import io.welcomer.routing.Command.ScheduleFollowUp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow-up rules: an agent promises to contact the customer again; when it falls due the new
 * contact waits for that agent alone until the grace ends, then anyone eligible may take it. A
 * contact a supervisor moves to an agent is reserved for that agent the same way.
 */
final class FollowUps {

    /** How far ahead a follow-up may be promised. */
    private static final Duration HORIZON = Duration.ofDays(30);

    private final Router router;
    /** Follow-ups promised and not yet due, by id. */
    private final Map<String, FollowUp> promised = new LinkedHashMap<>();

    FollowUps(Router router) {
        this.router = router;
    }

    void schedule(ScheduleFollowUp command) {
        RoutedContact contact = router.conversations.heldBy(command.agentId(), command.contactId());
        if (contact == null) {
            return;
        }
        Instant now = router.now();
        if (!command.at().isAfter(now) || command.at().isAfter(now.plus(HORIZON))) {
            router.refuse(Refusal.FOLLOW_UP_TIME);
            return;
        }
        if (router.contacts.containsKey(command.followUpId()) || promised.containsKey(command.followUpId())) {
            router.refuse(Refusal.DUPLICATE_CONTACT);
            return;
        }
        ContactRequest was = contact.given;
        FollowUp followUp = new FollowUp(command.followUpId(), command.agentId(), contact.id(),
                new ContactRequest(command.followUpId(), was.channel(), was.customerId(), was.skills(), was.priority(),
                        was.language(), was.languageRequired(), was.line()), command.at());
        promise(followUp);
        router.decide(new Decision.FollowUpScheduled(followUp));
    }

    void promise(FollowUp followUp) {
        promised.put(followUp.id(), followUp);
        router.deadlines.add(Deadlines.Kind.FOLLOW_UP_DUE, followUp.id(), 0, followUp.at());
    }

    /**
     * A promised follow-up is due: a new contact in its line (an implicit one if the line is gone
     * since), for its agent first until the grace ends.
     */
    void due(String followUpId) {
        FollowUp followUp = promised.remove(followUpId);
        if (followUp == null) {
            return;
        }
        String lineId = followUp.request().line();
        RoutedContact contact = new RoutedContact(followUp.request(), lineId == null ? null : router.lines.get(lineId),
                router.nextSeq++, router.arrivalTime(), router.rules.priorityAging());
        router.contacts.put(contact.id(), contact);
        router.decide(new Decision.FollowUpDue(followUp));
        router.matching.scheduleRelax(contact);
        router.overflows.arrived(contact);
        reserveFor(contact, followUp.agentId(), false);
        router.matching.place(contact, null, false);
    }

    /**
     * From now until the grace ends the contact waits for this agent alone (placed by the caller);
     * moved there by a supervisor, that agent may take it whatever it asks for.
     */
    void reserveFor(RoutedContact contact, String agentId, boolean byMove) {
        unreserve(contact);
        contact.reservedFor = agentId;
        contact.reservedByMove = byMove;
        contact.reservationSerial++;
        router.deadlines.add(Deadlines.Kind.RESERVATION_GRACE, contact.id(), contact.reservationSerial,
                router.now().plus(router.rules.followUpGrace()));
    }

    /**
     * Offers the follow-up to its own agent if it can take it now (and its line is open), else
     * keeps it waiting for that agent.
     */
    void reserve(RoutedContact contact, String skippedAgentId, boolean alreadyAnnounced) {
        RoutedAgent agent = router.roster.get(contact.reservedFor);
        if (!agent.id().equals(skippedAgentId) && Matching.offerable(contact)
                && Matching.eligible(agent, contact, null)) {
            router.matching.offer(contact, agent);
            return;
        }
        contact.state = ContactState.QUEUED;
        agent.promises.add(contact);
        if (!alreadyAnnounced) {
            router.decide(new Decision.Queued(contact.id(), contact.channel()));
        }
    }

    /**
     * Its line opened: a contact waiting for one agent (a due follow-up, or moved there by a
     * supervisor) is offered to that agent if it can take it now.
     */
    void offerToOwnAgent(RoutedContact contact) {
        RoutedAgent agent = router.roster.get(contact.reservedFor);
        if (agent != null && Matching.eligible(agent, contact, null) && agent.promises.remove(contact)) {
            router.matching.offer(contact, agent);
        }
    }

    /** The reservation's grace is over: anyone eligible may take the contact now. */
    void release(RoutedContact contact, long reservationSerial) {
        if (contact != null && contact.reservationSerial == reservationSerial) {
            release(contact);
        }
    }

    /** The reserved agent is gone: anyone eligible may take the contact now. */
    void release(RoutedContact contact) {
        if (contact == null || contact.reservedFor == null) {
            return;
        }
        boolean waiting = unreserve(contact);
        contact.reservedFor = null;
        contact.reservedByMove = false;
        if (waiting) {
            router.matching.place(contact, null, true);
        }
    }

    /**
     * The agent a supervisor moved the contact to let its offer go (rejected, timed out): the
     * move is over, and the contact goes to whoever else may take it.
     */
    void endMove(RoutedContact contact, String agentId) {
        if (contact.reservedByMove && agentId.equals(contact.reservedFor)) {
            contact.reservedFor = null;
            contact.reservedByMove = false;
        }
    }

    /** Takes a waiting follow-up off its agent's list; answers whether it was there. */
    boolean unreserve(RoutedContact contact) {
        RoutedAgent agent = contact.reservedFor == null ? null : router.roster.get(contact.reservedFor);
        return agent != null && agent.promises.remove(contact);
    }

    /** Whether a follow-up not yet due is promised to this customer. */
    boolean promisedForCustomer(String customerId) {
        return promised.values().stream().anyMatch(f -> f.request().customerId().equals(customerId));
    }

    /** The agent's follow-ups not yet due, in the order they were promised. */
    List<FollowUp> promisedTo(String agentId) {
        return promised.values().stream().filter(f -> f.agentId().equals(agentId)).toList();
    }
}
