package io.welcomer.routing;

import io.welcomer.routing.Decision.RevokeReason;
import java.time.Instant;
import java.util.List;

/**
 * What each deadline does when it falls due ({@link Deadlines} only keeps them in time order).
 * Deadlines are never cancelled, so each rule first checks that its offer, session or contact
 * has not moved on since the deadline was set.
 */
final class Timers {

    private static final String MISSED_OFFERS = "missed-offers";

    private final Router router;

    Timers(Router router) {
        this.router = router;
    }

    void fireDue() {
        Instant now = router.now();
        for (Deadlines.Due due = router.deadlines.pollDue(now); due != null; due = router.deadlines.pollDue(now)) {
            switch (due.kind()) {
                case OFFER_EXPIRY -> expireOffer(due.key(), due.serial());
                case RECONNECT_GRACE -> endGrace(due.key(), due.serial());
                case RELAX -> relax(due.key(), due.serial());
                case WRAP_UP_LIMIT -> wrapUpExpired(due.key());
                case TRANSFER_EXPIRY -> router.transfers.expire(due.key(), due.serial());
                case FOLLOW_UP_DUE -> router.followUps.due(due.key());
                case RESERVATION_GRACE -> router.followUps.release(router.contacts.get(due.key()), due.serial());
                case LINE_CHANGE -> router.lines.changeDue(due.key(), due.serial());
                case OVERFLOW -> router.overflows.due(due.key(), due.serial());
            }
        }
    }

    private void expireOffer(String contactId, long offerSerial) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact == null || contact.state != ContactState.OFFERED || contact.offerSerial != offerSerial) {
            return;
        }
        RoutedAgent agent = router.roster.get(contact.agentId);
        agent.letGo(contactId);
        router.decide(new Decision.OfferRevoked(contactId, agent.id(), RevokeReason.TIMEOUT));
        router.followUps.endMove(contact, agent.id());
        agent.missedOffers++;
        router.touch(agent);
        if (agent.missedOffers < router.rules.maxMissedOffers()) {
            router.matching.requeue(contact, agent.id());
            router.matching.fill(agent, contactId);
            return;
        }
        // An empty chair: set away, and its other offers go to someone who is there.
        if (agent.ready) {
            agent.awayReason = MISSED_OFFERS;
            agent.setBy = null;
        }
        agent.ready = false;
        agent.awayAfterCurrent = false;
        agent.nextAway = null;
        router.roster.refresh(agent);
        router.matching.requeue(contact, agent.id());
        for (RoutedContact pending : Router.heldIn(agent, ContactState.OFFERED)) {
            agent.letGo(pending.id());
            router.decide(new Decision.OfferRevoked(pending.id(), agent.id(), RevokeReason.AGENT_GONE));
            router.matching.requeue(pending, agent.id());
        }
    }

    /** The contact waited long enough: any proficiency will do, so more agents can take it. */
    private void relax(String contactId, long relaxSerial) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact == null || contact.relaxed || contact.relaxSerial != relaxSerial) {
            return;
        }
        if (contact.state != ContactState.QUEUED || contact.reservedFor != null) {
            contact.relaxed = true;
            return;
        }
        router.queue.relax(contact);
        // Its line closed: it waits for the opening, relaxed.
        RoutedAgent agent = Matching.offerable(contact) ? router.matching.bestFreeAgent(contact, null) : null;
        if (agent != null) {
            router.queue.remove(contact, router.now());
            router.matching.offer(contact, agent);
        }
    }

    /** The agent did not come back within the grace: its contacts go back in line, or end. */
    private void endGrace(String agentId, long session) {
        RoutedAgent agent = router.roster.get(agentId);
        if (agent == null || agent.connected || agent.session != session) {
            return;
        }
        for (RoutedContact contact : List.copyOf(agent.active().values())) {
            router.transfers.ownerGone(contact);
            if (contact.agentId.equals(agentId)) {
                agent.letGo(contact.id());
                router.conversations.requeueOrEnd(contact, agentId);
            }
        }
    }

    /** The agent took too long over after-contact work: the contact completes for it. */
    private void wrapUpExpired(String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact != null && contact.state == ContactState.WRAPPING) {
            router.conversations.finish(contact, new Outcome(false, Router.WRAP_UP_EXPIRED, null));
        }
    }
}
