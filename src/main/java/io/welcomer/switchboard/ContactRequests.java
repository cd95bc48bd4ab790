package io.welcomer.switchboard;

import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.routing.Channel;
import io.welcomer.routing.ContactRequest;

/** Maps a stored contact to the request routing uses. */
public final class ContactRequests {

    private ContactRequests() {
    }

    public static ContactRequest of(ContactEntity contact) {
        return new ContactRequest(contact.id, channelOf(contact), contact.customerId,
                SkillMaps.read(contact.requiredSkills), contact.priority, contact.customerLanguage,
                contact.languageRequired);
    }

    public static Channel channelOf(ContactEntity contact) {
        return Channel.fromWireName(contact.channel);
    }
}
