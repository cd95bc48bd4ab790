package io.welcomer.routing;

import java.util.Map;

/**
 * What routing needs to know about a contact: its channel, the skills it requires (name to
 * minimum proficiency), its priority (0-100, higher first) and who the customer is.
 */
public record ContactRequest(String contactId, Channel channel, String customerId,
                             Map<String, Integer> skills, int priority) {

    public ContactRequest {
        skills = Map.copyOf(skills);
    }
}
