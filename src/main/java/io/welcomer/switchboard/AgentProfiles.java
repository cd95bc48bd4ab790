package io.welcomer.switchboard;

import io.welcomer.routing.AgentProfile;
import io.welcomer.routing.Channel;
import io.welcomer.store.Agent;
import io.welcomer.store.SkillMaps;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Maps a stored agent to the profile routing uses. */
public final class AgentProfiles {

    private AgentProfiles() {
    }

    public static AgentProfile of(Agent agent) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        SkillMaps.read(agent.capacity())
                .forEach((channel, slots) -> capacity.put(Channel.fromWireName(channel), slots));
        Set<String> languages = agent.languages() == null || agent.languages().isEmpty() ? Set.of()
                : Set.of(agent.languages().split(","));
        return new AgentProfile(agent.id(), SkillMaps.read(agent.skills()), capacity, languages);
    }
}
