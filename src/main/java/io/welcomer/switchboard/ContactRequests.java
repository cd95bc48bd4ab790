package io.welcomer.switchboard;

import io.welcomer.contacts.persistence.ContactEntity;
import io.welcomer.routing.Channel;
import io.welcomer.routing.ContactRequest;
import java.util.Map;

/** Maps a stored contact to the request routing uses. */
public final class ContactRequests {

    private ContactRequests() {
    }

    public static ContactRequest of(ContactEntity contact) {
        return of(contact, SkillMaps.read(contact.requiredSkills));
    }

    /** For a contact whose required skills are at hand: no need to read its stored text back. */
    public static ContactRequest of(ContactEntity contact, Map<String, Integer> skills) {
        return new ContactRequest(contact.id, channelOf(contact), contact.customerId, skills, contact.priority,
                contact.customerLanguage, contact.languageRequired);
    }

    public static Channel channelOf(ContactEntity contact) {
        return Channel.fromWireName(contact.channel);
    }
}
