package io.welcomer.routing;

import io.welcomer.routing.Command.TransferContact;
import io.welcomer.routing.RoutedContact.PendingTransfer;
import io.welcomer.routing.TransferTarget.ToAgent;
import io.welcomer.routing.TransferTarget.ToLine;
import java.time.Instant;
import java.util.List;

/**
 * The transfer rules: a warm transfer keeps the contact (and its slot) with the owner until the
 * target accepts; a cold one sends it at once to a line, where it keeps its arrival place. Either
 * way the contact keeps its story: touch time adds up over the legs, and it counts once.
 */
final class Transfers {

    private final Router router;

    Transfers(Router router) {
        this.router = router;
    }

    void transfer(TransferContact command) {
        RoutedAgent owner = router.roster.get(command.agentId());
        RoutedContact contact = router.contacts.get(command.contactId());
        Refusal refusal = owner == null ? Refusal.UNKNOWN_AGENT
                : contact == null ? Refusal.UNKNOWN_CONTACT
                : contact.state != ContactState.CONNECTED || !owner.id().equals(contact.agentId)
                        ? Refusal.NOT_YOUR_CONTACT
                : contact.transfer != null ? Refusal.TRANSFER_PENDING
                : contact.customerGone ? Refusal.CUSTOMER_GONE
                : contact.transfers >= router.rules.maxTransfers() ? Refusal.TRANSFER_LIMIT
                : null;
        if (refusal == null) {
            refusal = switch (command.target()) {
                case ToAgent to -> warm(owner, contact, to.agentId(), command.note());
                case ToLine to -> cold(owner, contact, to, command.note());
            };
        }
        if (refusal != null) {
            router.refuse(refusal);
        }
    }

    private Refusal warm(RoutedAgent owner, RoutedContact contact, String targetId, String note) {
        RoutedAgent target = router.roster.get(targetId);
        if (target == null) {
            return Refusal.UNKNOWN_AGENT;
        }
        if (!target.connected) {
            return Refusal.TARGET_NOT_CONNECTED;
        }
        if (target == owner || !Matching.eligible(target, contact, null)) {
            return Refusal.TARGET_NOT_ELIGIBLE;
        }
        Instant expiresAt = router.now().plus(router.rules.offerTimeout());
        contact.transfer = new PendingTransfer(target.id(), note, ++router.offerSerials);
        target.holdTransfer(contact);
        router.roster.idleSince(target, null);
        router.touch(target);
        router.deadlines.add(Deadlines.Kind.TRANSFER_EXPIRY, contact.id(), contact.transfer.serial(), expiresAt);
        router.decide(new Decision.TransferOffered(contact.id(), contact.channel(), owner.id(), target.id(), note,
                expiresAt));
        return null;
    }

    private Refusal cold(RoutedAgent owner, RoutedContact contact, ToLine to, String note) {
        owner.letGo(contact.id());
        router.touch(owner);
        contact.touchedBefore = contact.touchTimeAt(router.now());
        contact.connectedAt = null;
        contact.agentId = null;
        contact.transfers++;
        contact.redirect(contact.request.redirectedTo(to.skills(), to.language()), null, router.now());
        router.decide(new Decision.Transferred(contact.id(), contact.channel(), owner.id(), null, TransferMode.COLD,
                note, contact.touchedBefore, new ToLine(contact.given.skills(), contact.given.language())));
        router.matching.scheduleRelax(contact);
        router.matching.place(contact, owner.id(), true);
        router.matching.fill(owner, contact.id());
        return null;
    }

    boolean isOfferedTo(String agentId, String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        return contact != null && contact.transfer != null && contact.transfer.toAgentId().equals(agentId);
    }

    /** The target takes the contact over: it leaves the owner, whose slot frees. */
    void accept(RoutedAgent target, RoutedContact contact) {
        Instant now = router.now();
        RoutedAgent owner = router.roster.get(contact.agentId);
        String note = contact.transfer.note();
        owner.letGo(contact.id());
        target.letGoTransfer(contact.id());
        target.hold(contact);
        target.missedOffers = 0;
        contact.touchedBefore = contact.touchTimeAt(now);
        contact.connectedAt = now;
        contact.agentId = target.id();
        contact.transfers++;
        contact.transfer = null;
        router.touch(owner);
        router.touch(target);
        router.relationships.remember(contact.request.customerId(), target.id(), now);
        router.decide(new Decision.Transferred(contact.id(), contact.channel(), owner.id(), target.id(),
                TransferMode.WARM, note, contact.touchedBefore));
        router.matching.fill(owner);
    }

    /** A warm transfer ends unaccepted (if one is pending): the contact stays with its owner. */
    void end(RoutedContact contact, TransferStatus status) {
        if (contact == null || contact.transfer == null) {
            return;
        }
        RoutedAgent target = router.roster.get(contact.transfer.toAgentId());
        target.letGoTransfer(contact.id());
        router.touch(target);
        contact.transfer = null;
        router.decide(new Decision.TransferEnded(contact.id(), contact.agentId, target.id(), status));
        router.matching.fill(target);
    }

    void cancel(String agentId, String contactId) {
        RoutedContact contact = router.contacts.get(contactId);
        if (!router.roster.contains(agentId)) {
            router.refuse(Refusal.UNKNOWN_AGENT);
        } else if (contact == null) {
            router.refuse(Refusal.UNKNOWN_CONTACT);
        } else if (!agentId.equals(contact.agentId) || contact.state != ContactState.CONNECTED) {
            router.refuse(Refusal.NOT_YOUR_CONTACT);
        } else if (contact.transfer == null) {
            router.refuse(Refusal.NO_TRANSFER);
        } else {
            end(contact, TransferStatus.CANCELLED);
        }
    }

    void expire(String contactId, long serial) {
        RoutedContact contact = router.contacts.get(contactId);
        if (contact != null && contact.transfer != null && contact.transfer.serial() == serial) {
            end(contact, TransferStatus.TIMEOUT);
        }
    }

    /** The agent signed out or was removed: the transfers offered to it end, their owners keep them. */
    void targetGone(RoutedAgent target) {
        for (RoutedContact contact : List.copyOf(target.transfersIn().values())) {
            end(contact, TransferStatus.TARGET_GONE);
        }
    }

    /** The owner is gone for good: a transfer it started is withdrawn before the contact moves on. */
    void ownerGone(RoutedContact contact) {
        end(contact, TransferStatus.CANCELLED);
    }
}
