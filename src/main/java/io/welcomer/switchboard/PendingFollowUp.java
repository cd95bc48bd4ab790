package io.welcomer.switchboard;

import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.contacts.persistence.FollowUpEntity;

/** A follow-up promised and not yet due: its stored row, and the contact it becomes when due. */
public record PendingFollowUp(FollowUpEntity row, ContactEntity contact) {

    static final String MODE = "FOLLOW_UP";

    /** The contact a follow-up becomes: the same customer, channel, line and topic as the one it was promised on. */
    static PendingFollowUp of(FollowUpEntity row, ContactEntity promisedOn) {
        ContactEntity contact = new ContactEntity();
        contact.id = row.id;
        contact.gatewayId = promisedOn.gatewayId;
        contact.channel = promisedOn.channel;
        contact.mode = MODE;
        contact.customerId = promisedOn.customerId;
        contact.customerName = promisedOn.customerName;
        contact.customerLanguage = promisedOn.customerLanguage;
        contact.languageRequired = promisedOn.languageRequired;
        contact.requiredSkills = promisedOn.requiredSkills;
        contact.priority = promisedOn.priority;
        contact.topic = promisedOn.topic;
        contact.context = promisedOn.context;
        contact.callbackNumber = row.callbackNumber;
        contact.followUpNote = row.note;
        return new PendingFollowUp(row, contact);
    }
}
