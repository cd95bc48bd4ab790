package io.welcomer.switchboard;

import io.welcomer.routing.Channel;
import io.welcomer.routing.ContactRequest;
import io.welcomer.store.Contact;
import io.welcomer.store.SkillMaps;
import java.util.Map;

/** Maps a contact to the request routing uses. */
public final class ContactRequests {

    private ContactRequests() {
    }

    public static ContactRequest of(Contact contact) {
        return of(contact, SkillMaps.read(contact.arrival().requiredSkills()));
    }

    /** For a contact whose required skills are at hand: no need to read its stored text back. */
    public static ContactRequest of(Contact contact, Map<String, Integer> skills) {
        Contact.Arrival arrival = contact.arrival();
        return new ContactRequest(arrival.id(), Channel.fromWireName(arrival.channel()), arrival.customer().id(), skills,
                arrival.priority(), arrival.customer().language(), arrival.languageRequired(), arrival.line());
    }
}
