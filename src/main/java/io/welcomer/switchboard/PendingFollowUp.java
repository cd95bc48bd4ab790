package io.welcomer.switchboard;

import io.welcomer.store.Contact;
import io.welcomer.store.FollowUpEntity;
import java.time.Instant;

/**
 * A follow-up promised and not yet due, as its row keeps it, and the contact it becomes when due.
 *
 * @param number E.164 number to dial, when the agent gave one
 * @param note   the agent's note, shown with the offer when it is due
 */
public record PendingFollowUp(String id, String agentId, String fromContactId, Instant dueAt, String number,
                              String note, Instant createdAt, Contact contact) {

    /** The contact a follow-up becomes: the same customer, channel, line and topic as the one it was promised on. */
    static PendingFollowUp of(String id, String agentId, Instant dueAt, String number, String note, Instant createdAt,
                              Contact promisedOn) {
        Contact.Arrival was = promisedOn.arrival();
        Contact.Arrival arrival = new Contact.Arrival(id, was.gatewayId(), null, was.channel(), was.customer(),
                was.languageRequired(), was.requiredSkills(), was.priority(), was.topic(), was.context(), note, was.line());
        return new PendingFollowUp(id, agentId, promisedOn.id(), dueAt, number, note, createdAt, new Contact(arrival,
                Contact.Progress.waiting(Contact.Mode.FOLLOW_UP, null, number), null));
    }

    /** A stored row, read back at a rebuild. */
    static PendingFollowUp of(FollowUpEntity row, Contact promisedOn) {
        return of(row.id, row.agentId, row.dueAt, row.callbackNumber, row.note, row.createdAt, promisedOn);
    }
}
