package io.welcomer.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * What routing needs to know about a contact: its channel, the skills it requires (name to
 * minimum proficiency), its priority (0-100, higher first), who the customer is, the customer's
 * language (a BCP 47 tag or null) with whether only a speaker of it will do, and the configured
 * line it names (null: the implicit, always-open line of its channel and skills).
 */
public record ContactRequest(String contactId, Channel channel, String customerId,
                             Map<String, Integer> skills, int priority, String language, boolean languageRequired,
                             String line) {

    public ContactRequest {
        skills = Map.copyOf(skills);
    }

    public ContactRequest(String contactId, Channel channel, String customerId, Map<String, Integer> skills,
                          int priority, String language, boolean languageRequired) {
        this(contactId, channel, customerId, skills, priority, language, languageRequired, null);
    }

    public ContactRequest(String contactId, Channel channel, String customerId, Map<String, Integer> skills,
                          int priority) {
        this(contactId, channel, customerId, skills, priority, null, false, null);
    }

    /** The primary subtag agents are matched on, or null when the customer named no language. */
    public String primaryLanguage() {
        return Languages.primary(language);
    }

    /** The same contact at another priority. */
    ContactRequest withPriority(int newPriority) {
        return new ContactRequest(contactId, channel, customerId, skills, newPriority, language, languageRequired,
                line);
    }

    /**
     * What the contact needs in this line: the line's skills and its own (the higher minimum where
     * both name one), its own language before the line's, and a language required if either says so.
     */
    ContactRequest within(Line configured) {
        Map<String, Integer> needs = new HashMap<>(configured.skills());
        skills.forEach((skill, level) -> needs.merge(skill, level, Math::max));
        return new ContactRequest(contactId, channel, customerId, needs, priority,
                language != null ? language : configured.language(),
                languageRequired || configured.languageRequired(), line);
    }

    /** The same contact in another configured line, asking nothing of its own but its language: where a move sends it. */
    ContactRequest movedTo(String lineId) {
        return new ContactRequest(contactId, channel, customerId, Map.of(), priority, language, languageRequired,
                lineId);
    }

    /** The same contact needing other skills and language, in no configured line: where a cold transfer sends it. */
    ContactRequest redirectedTo(Map<String, Integer> newSkills, String newLanguage) {
        return new ContactRequest(contactId, channel, customerId, newSkills, priority,
                newLanguage == null ? language : newLanguage, languageRequired, null);
    }
}
