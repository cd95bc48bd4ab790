package io.welcomer.routing;

import io.welcomer.routing.Command.ChangePriority;
import io.welcomer.routing.Command.MoveContact;
import io.welcomer.routing.Decision.RevokeReason;

/**
 * The supervisor's actions on waiting contacts: moving one to an agent or a line, and changing its
 * priority. Setting an agent away and signing it out are attendance rules ({@link Attendance}).
 * A contact keeps its arrival (its place by arrival, its wait) whatever is done to it here.
 */
final class Supervision {

    private final Router router;

    Supervision(Router router) {
        this.router = router;
    }

    /**
     * A waiting or offered contact is moved: an offer to another agent is revoked, and the
     * contact keeps its arrival. Moved to an agent, it is offered to that agent now if it has
     * room, else it waits for that agent alone until it has (for at most the reservation grace, as
     * a due follow-up waits). Moved to a line, it needs what that line asks from now on.
     */
    void move(MoveContact command) {
        RoutedContact contact = waiting(command.contactId(), true);
        if (contact == null) {
            return;
        }
        switch (command.to()) {
            case MoveTarget.ToAgent to -> moveToAgent(contact, to, command.by());
            case MoveTarget.ToLine to -> moveToLine(contact, to, command.by());
        }
    }

    private void moveToAgent(RoutedContact contact, MoveTarget.ToAgent to, String by) {
        RoutedAgent target = router.roster.get(to.agentId());
        if (target == null) {
            router.refuse(Refusal.UNKNOWN_TARGET);
            return;
        }
        if (target.profile.capacityFor(contact.channel()) <= 0) {
            router.refuse(Refusal.TARGET_CANNOT_TAKE_CHANNEL);
            return;
        }
        if (to.agentId().equals(contact.agentId) || contact.state == ContactState.QUEUED && contact.movedTo(target)) {
            return;
        }
        RoutedAgent holder = takeBack(contact);
        router.decide(new Decision.Moved(contact.id(), contact.channel(), holder == null ? null : holder.id(), to, by));
        router.followUps.reserveFor(contact, to.agentId(), true);
        router.matching.place(contact, null, true);
        if (holder != null) {
            router.matching.fill(holder);
        }
    }

    /**
     * The contact waits in the line for what the line asks: its own skills are dropped, its
     * language and priority stay, and it relaxes and reaches the line's overflow steps from now,
     * as a newcomer to the line would. Its
     * former holder is offered it again only when nothing else waits for that agent.
     */
    private void moveToLine(RoutedContact contact, MoveTarget.ToLine to, String by) {
        LineState line = router.lines.get(to.lineId());
        if (line == null) {
            router.refuse(Refusal.UNKNOWN_LINE);
            return;
        }
        if (!line.line.channels().contains(contact.channel())) {
            router.refuse(Refusal.CHANNEL_NOT_TAKEN);
            return;
        }
        if (contact.state == ContactState.QUEUED && contact.line == line && contact.given.skills().isEmpty()
                && contact.reservedFor == null) {
            return;
        }
        RoutedAgent holder = takeBack(contact);
        router.followUps.unreserve(contact);
        contact.reservedFor = null;
        contact.reservedByMove = false;
        router.decide(new Decision.Moved(contact.id(), contact.channel(), holder == null ? null : holder.id(), to, by));
        contact.redirect(contact.given.movedTo(line.line.id()), line, router.now());
        router.matching.scheduleRelax(contact);
        router.overflows.catchUp(contact);
        router.matching.place(contact, holder == null ? null : holder.id(), true);
        if (holder != null) {
            router.matching.fill(holder, contact.id());
        }
    }

    /** The contact leaves where it is: its offer revoked as moved (answering its holder), or its place in a queue. */
    private RoutedAgent takeBack(RoutedContact contact) {
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
        return holder;
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
