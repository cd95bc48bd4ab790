package io.welcomer.routing;

import io.welcomer.routing.Command.ChangePriority;
import io.welcomer.routing.Command.MoveContact;
import io.welcomer.routing.Decision.RevokeReason;

/**
 * The supervisor's actions on waiting contacts: moving one to an agent, and changing its
 * priority. Setting an agent away and signing it out are attendance rules ({@link Attendance}).
 * A contact keeps its arrival (its place by arrival, its wait) whatever is done to it here.
 */
final class Supervision {

    private final Router router;

    Supervision(Router router) {
        this.router = router;
    }

    /**
     * A waiting or offered contact is moved to an agent: an offer to another agent is revoked,
     * and the contact is offered to that agent now if it has room, else it waits for that agent
     * alone until it has (for at most the reservation grace, as a due follow-up waits).
     */
    void move(MoveContact command) {
        RoutedContact contact = waiting(command.contactId(), true);
        if (contact == null) {
            return;
        }
        switch (command.to()) {
            case MoveTarget.ToAgent to -> moveToAgent(contact, to.agentId(), command.by());
        }
    }

    private void moveToAgent(RoutedContact contact, String agentId, String by) {
        RoutedAgent target = router.roster.get(agentId);
        if (target == null) {
            router.refuse(Refusal.UNKNOWN_TARGET);
            return;
        }
        if (target.profile.capacityFor(contact.channel()) <= 0) {
            router.refuse(Refusal.TARGET_CANNOT_TAKE_CHANNEL);
            return;
        }
        if (agentId.equals(contact.agentId) || contact.state == ContactState.QUEUED && contact.movedTo(target)) {
            return;
        }
        RoutedAgent holder = contact.state == ContactState.OFFERED ? router.roster.get(contact.agentId) : null;
        if (holder != null) {
            holder.letGo(contact.id());
            router.touch(holder);
            router.decide(new Decision.OfferRevoked(contact.id(), holder.id(), RevokeReason.MOVED));
            contact.agentId = null;
            contact.state = ContactState.QUEUED;
        } else {
            router.queue.remove(contact, router.now());
        }
        router.decide(new Decision.Moved(contact.id(), contact.channel(), holder == null ? null : holder.id(), agentId,
                by));
        router.followUps.reserveFor(contact, agentId, true);
        router.matching.place(contact, null, true);
        if (holder != null) {
            router.matching.fill(holder);
        }
    }

    /** A waiting contact takes its new priority: its place in line changes, its arrival does not. */
    void changePriority(ChangePriority command) {
        RoutedContact contact = waiting(command.contactId(), false);
        if (contact == null) {
            return;
        }
        if (contact.request.priority() == command.priority()) {
            return;
        }
        double aging = router.rules.priorityAging();
        if (contact.reservedFor == null) {
            router.queue.reorder(contact, () -> contact.reprioritize(command.priority(), aging));
        } else {
            contact.reprioritize(command.priority(), aging);
        }
        router.decide(new Decision.PriorityChanged(contact.id(), command.priority(), command.by()));
    }

    /** The live contact if it waits (or, when offers may be taken back, is offered); null after refusing. */
    private RoutedContact waiting(String contactId, boolean orOffered) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact == null) {
            router.refuse(Refusal.UNKNOWN_CONTACT);
            return null;
        }
        if (contact.state != ContactState.QUEUED && !(orOffered && contact.state == ContactState.OFFERED)) {
            router.refuse(Refusal.NOT_WAITING);
            return null;
        }
        return contact;
    }
}
