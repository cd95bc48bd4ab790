package io.welcomer.routing;

import io.welcomer.routing.Decision.RevokeReason;

/**
 * The customer's own commands: a waiting customer hangs up to be called back in their place, or
 * leaves (before an agent: abandoned; while connected: the agent is told and still completes it).
 */
final class Customers {

    private final Router router;

    Customers(Router router) {
        this.router = router;
    }

    void requestCallback(String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact == null) {
            router.refuse(Refusal.UNKNOWN_CONTACT);
        } else if (contact.state != ContactState.QUEUED || contact.reservedFor != null && !contact.reservedByMove) {
            router.refuse(Refusal.NOT_WAITING);
        } else if (!contact.channel().callsBack()) {
            router.refuse(Refusal.NO_CALLBACK_ON_CHANNEL);
        } else {
            if (contact.reservedFor == null) {
                router.queue.markCallback(contact);
            } else {
                // Waiting for the agent a supervisor moved it to, outside the line: it counts there once placed.
                contact.callback = true;
            }
            router.decide(new Decision.CallbackArranged(contactId));
        }
    }

    void leave(String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact == null) {
            router.refuse(Refusal.UNKNOWN_CONTACT);
            return;
        }
        switch (contact.state) {
            case QUEUED -> {
                router.followUps.unreserve(contact);
                router.queue.remove(contact, router.now());
                router.contacts.remove(contactId);
                router.lines.abandoned(contact);
                router.decide(new Decision.Abandoned(contactId, contact.channel(), lineOf(contact)));
            }
            case OFFERED -> {
                RoutedAgent agent = router.roster.get(contact.agentId);
                agent.letGo(contactId);
                router.touch(agent);
                router.contacts.remove(contactId);
                router.decide(new Decision.OfferRevoked(contactId, agent.id(), RevokeReason.ABANDONED));
                router.lines.abandoned(contact);
                router.decide(new Decision.Abandoned(contactId, contact.channel(), lineOf(contact)));
                router.matching.fill(agent);
            }
            case CONNECTED -> {
                if (!contact.customerGone) {
                    contact.customerGone = true;
                    router.decide(new Decision.CustomerLeft(contactId, contact.agentId));
                    router.transfers.end(contact, TransferStatus.CUSTOMER_LEFT);
                }
            }
            case WRAPPING -> { }
            case COMPLETED, ABANDONED -> throw new IllegalStateException("ended contact still live: " + contactId);
        }
    }

    private static String lineOf(RoutedContact contact) {
        return contact.line == null ? null : contact.line.line.id();
    }
}
