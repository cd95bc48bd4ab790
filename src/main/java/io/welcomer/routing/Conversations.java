package io.welcomer.routing;

import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.time.Instant;

/**
 * A contact between its offer and its end: the agent's answer to an offer, the end of the
 * conversation (touch time stops, wrap-up begins), completion with the agent's outcome, and a
 * contact whose agent was lost going back in line or ending.
 */
final class Conversations {

    private final Router router;

    Conversations(Router router) {
        this.router = router;
    }

    void accept(String agentId, String contactId) {
        if (router.transfers.isOfferedTo(agentId, contactId)) {
            router.transfers.accept(router.roster.get(agentId), router.contacts.get(contactId));
            return;
        }
        RoutedContact contact = offeredTo(agentId, contactId);
        if (contact == null) {
            return;
        }
        Instant now = router.now();
        contact.state = ContactState.CONNECTED;
        contact.connectedAt = now;
        router.roster.get(agentId).missedOffers = 0;
        router.relationships.remember(contact.request.customerId(), agentId, now);
        contact.reservedFor = null;
        contact.reservedByMove = false;
        Duration timeToHuman = Duration.between(contact.arrivedAt, now);
        router.decide(new Decision.Connected(contactId, contact.channel(), agentId, timeToHuman));
        if (!contact.answered) {
            contact.answered = true;
            router.decide(router.lines.answered(contact, timeToHuman));
        }
    }

    void reject(String agentId, String contactId) {
        if (router.transfers.isOfferedTo(agentId, contactId)) {
            router.transfers.end(router.contacts.get(contactId), TransferStatus.REJECTED);
            return;
        }
        RoutedContact contact = offeredTo(agentId, contactId);
        if (contact == null) {
            return;
        }
        RoutedAgent agent = router.roster.get(agentId);
        agent.letGo(contactId);
        router.touch(agent);
        router.decide(new Decision.OfferRevoked(contactId, agentId, RevokeReason.REJECTED));
        router.followUps.endMove(contact, agentId);
        router.matching.requeue(contact, agentId);
        router.matching.fill(agent, contactId);
    }

    /** The conversation is over: touch time stops, the agent keeps the slot to wrap up. */
    void end(String agentId, String contactId) {
        RoutedContact contact = heldBy(agentId, contactId);
        if (contact == null) {
            return;
        }
        if (contact.state != ContactState.CONNECTED) {
            router.refuse(Refusal.NOT_YOUR_CONTACT);
            return;
        }
        endConversation(contact);
    }

    private void endConversation(RoutedContact contact) {
        Instant now = router.now();
        contact.touchTime = contact.touchTimeAt(now);
        contact.endedAt = now;
        contact.state = ContactState.WRAPPING;
        router.decide(new Decision.Wrapping(contact.id(), contact.channel(), contact.agentId, contact.touchTime));
        router.rules.wrapUpLimit(contact.channel()).ifPresent(limit ->
                router.deadlines.add(Deadlines.Kind.WRAP_UP_LIMIT, contact.id(), 0, now.plus(limit)));
    }

    /** Completes a connected contact (ending it at once) or a wrapping one, with the agent's outcome. */
    void complete(String agentId, String contactId, Outcome outcome) {
        RoutedContact contact = heldBy(agentId, contactId);
        if (contact != null) {
            finish(contact, outcome);
        }
    }

    /** The contact ends with this outcome; its agent's slot is free again. */
    void finish(RoutedContact contact, Outcome outcome) {
        Instant now = router.now();
        Duration touchTime = contact.touchTimeAt(now);
        Duration wrapUp = contact.endedAt == null ? Duration.ZERO : Duration.between(contact.endedAt, now);
        router.waits.completed(contact.channel(), touchTime.plus(wrapUp));
        router.contacts.remove(contact.id());
        RoutedAgent agent = router.roster.get(contact.agentId);
        if (agent != null) {
            agent.letGo(contact.id());
            router.touch(agent);
        }
        router.decide(new Decision.Completed(contact.id(), contact.channel(), contact.agentId, outcome, touchTime,
                wrapUp));
        if (agent != null) {
            router.matching.fill(agent);
        }
    }

    /**
     * The agent's connected or wrapping contact, or null after refusing: a contact with a warm
     * transfer waiting for an answer cannot end until the transfer is settled.
     */
    RoutedContact heldBy(String agentId, String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        if (!router.roster.contains(agentId)) {
            router.refuse(Refusal.UNKNOWN_AGENT);
            return null;
        }
        if (contact == null) {
            router.refuse(Refusal.UNKNOWN_CONTACT);
            return null;
        }
        if (!agentId.equals(contact.agentId)
                || (contact.state != ContactState.CONNECTED && contact.state != ContactState.WRAPPING)) {
            router.refuse(Refusal.NOT_YOUR_CONTACT);
            return null;
        }
        if (contact.transfer != null) {
            router.refuse(Refusal.TRANSFER_PENDING);
            return null;
        }
        return contact;
    }

    /**
     * A connected contact that lost its agent goes back in line, unless the customer has left
     * too: then nobody is on the line and it ends, unresolved, as {@link Router#AGENT_LOST}.
     */
    void requeueOrEnd(RoutedContact contact, String agentId) {
        if (!contact.customerGone && contact.state == ContactState.CONNECTED) {
            contact.touchedBefore = contact.touchTimeAt(router.now());
            router.matching.requeue(contact, agentId);
            return;
        }
        Instant now = router.now();
        router.contacts.remove(contact.id());
        router.decide(new Decision.Completed(contact.id(), contact.channel(), agentId,
                new Outcome(false, Router.AGENT_LOST, null), contact.touchTimeAt(now),
                contact.endedAt == null ? Duration.ZERO : Duration.between(contact.endedAt, now)));
    }

    private RoutedContact offeredTo(String agentId, String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        if (!router.roster.contains(agentId)) {
            router.refuse(Refusal.UNKNOWN_AGENT);
            return null;
        }
        if (contact == null) {
            router.refuse(Refusal.UNKNOWN_CONTACT);
            return null;
        }
        if (contact.state != ContactState.OFFERED || !agentId.equals(contact.agentId)) {
            router.refuse(Refusal.NOT_YOUR_OFFER);
            return null;
        }
        return contact;
    }
}
