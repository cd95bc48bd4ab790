package io.welcomer.switchboard;

import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.routing.Channel;
import io.welcomer.routing.ContactRequest;

/** Maps a stored contact to the request routing uses. */
final class ContactRequests {

    private ContactRequests() {
    }

    static ContactRequest of(ContactEntity contact) {
        return new ContactRequest(contact.id, channelOf(contact), contact.customerId,
                SkillMaps.read(contact.requiredSkills), contact.priority);
    }

    static Channel channelOf(ContactEntity contact) {
        return Channel.fromWireName(contact.channel);
    }
}
