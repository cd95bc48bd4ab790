package io.welcomer.switchboard;

import io.welcomer.store.Contact;
import io.welcomer.store.FollowUpEntity;

/** A follow-up promised and not yet due: its stored row, and the contact it becomes when due. */
public record PendingFollowUp(FollowUpEntity row, Contact contact) {

    /** The contact a follow-up becomes: the same customer, channel, line and topic as the one it was promised on. */
    static PendingFollowUp of(FollowUpEntity row, Contact promisedOn) {
        Contact.Arrival was = promisedOn.arrival();
        Contact.Arrival arrival = new Contact.Arrival(row.id, was.gatewayId(), null, was.channel(), was.customer(),
                was.languageRequired(), was.requiredSkills(), was.priority(), was.topic(), was.context(), row.note, was.line());
        return new PendingFollowUp(row, new Contact(arrival,
                Contact.Progress.waiting(Contact.Mode.FOLLOW_UP, null, row.callbackNumber), null));
    }
}
