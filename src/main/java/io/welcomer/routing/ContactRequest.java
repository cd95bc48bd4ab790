package io.welcomer.routing;

import java.util.Map;

/**
 * What routing needs to know about a contact: its channel, the skills it requires (name to
 * minimum proficiency), its priority (0-100, higher first), who the customer is, and the
 * customer's language (a BCP 47 tag or null) with whether only a speaker of it will do.
 */
public record ContactRequest(String contactId, Channel channel, String customerId,
                             Map<String, Integer> skills, int priority, String language, boolean languageRequired) {

    public ContactRequest {
        skills = Map.copyOf(skills);
    }

    public ContactRequest(String contactId, Channel channel, String customerId, Map<String, Integer> skills,
                          int priority) {
        this(contactId, channel, customerId, skills, priority, null, false);
    }

    /** The primary subtag agents are matched on, or null when the customer named no language. */
    public String primaryLanguage() {
        return Languages.primary(language);
    }

    /** The same contact at another priority. */
    ContactRequest withPriority(int newPriority) {
        return new ContactRequest(contactId, channel, customerId, skills, newPriority, language, languageRequired);
    }

    /** The same contact needing other skills and language: where a cold transfer sends it. */
    ContactRequest redirectedTo(Map<String, Integer> newSkills, String newLanguage) {
        return new ContactRequest(contactId, channel, customerId, newSkills, priority,
                newLanguage == null ? language : newLanguage, languageRequired);
    }
}
