package io.welcomer.routing;

import java.util.Locale;
import java.util.Map;

/**
 * Who may serve what, written again from the contract apart from the production rules
 * ({@code AgentProfile.meets} and {@code speaks}), so that the model checks the router against
 * the contract rather than against the router's own code.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** Every required skill at or above its minimum proficiency. */
    static boolean hasSkills(AgentProfile agent, Map<String, Integer> required) {
        for (Map.Entry<String, Integer> need : required.entrySet()) {
            Integer level = agent.skills().get(need.getKey());
            if (level == null || level < need.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * No language asked is spoken by all; otherwise the agent must have declared the tag's primary
     * language (case aside). An agent who declared no languages speaks none (contract v1.2).
     */
    static boolean speaks(AgentProfile agent, String tag) {
        if (tag == null) {
            return true;
        }
        String primary = primaryOf(tag);
        return agent.languages().stream().anyMatch(declared -> primaryOf(declared).equals(primary));
    }

    private static String primaryOf(String tag) {
        return tag.toLowerCase(Locale.ROOT).split("-", 2)[0];
    }
}
