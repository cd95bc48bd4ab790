package io.welcomer.routing;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who an agent is for routing: skills with proficiency 1-5, concurrent capacity per channel and
 * the languages spoken, kept as primary subtags.
 */
public record AgentProfile(String agentId, Map<String, Integer> skills, Map<Channel, Integer> capacity,
                           Set<String> languages) {

    public AgentProfile {
        skills = Map.copyOf(skills);
        capacity = Map.copyOf(capacity);
        languages = languages.stream().map(Languages::primary).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    public AgentProfile(String agentId, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        this(agentId, skills, capacity, Set.of());
    }

    /**
     * Whether the agent speaks this primary language. No language asked is spoken by everyone; an
     * agent who declares no languages speaks none (contract v1.2): it never takes a contact whose
     * language is required, and others with a language only once they relax.
     */
    public boolean speaks(String language) {
        return language == null || languages.contains(language);
    }

    /** Concurrent contacts this agent takes on a channel; a channel the profile omits gets 1. */
    public int capacityFor(Channel channel) {
        return capacity.getOrDefault(channel, 1);
    }

    /** Whether this agent has every required skill at or above its minimum proficiency. */
    public boolean meets(Map<String, Integer> required) {
        for (var need : required.entrySet()) {
            Integer level = skills.get(need.getKey());
            if (level == null || level < need.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Sum of proficiency on the required skills: how well this agent fits the contact. */
    public int fit(Map<String, Integer> required) {
        int fit = 0;
        for (String skill : required.keySet()) {
            fit += skills.getOrDefault(skill, 0);
        }
        return fit;
    }
}
