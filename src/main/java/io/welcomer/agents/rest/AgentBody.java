package io.welcomer.agents.rest;

import io.welcomer.agents.AgentDirectory;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Presence;
import io.welcomer.switchboard.SkillMaps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An agent as admins see it: profile (capacity for every channel) and live state. */
public record AgentBody(String id, String name, Map<String, Integer> skills, Map<String, Integer> capacity,
                        List<String> languages, Presence presence, Instant idleSince, List<String> contacts) {

    static AgentBody of(AgentDirectory.AgentCard card) {
        Map<String, Integer> stated = SkillMaps.read(card.profile().capacity);
        Map<String, Integer> capacity = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            capacity.put(channel.wireName(), stated.getOrDefault(channel.wireName(), 1));
        }
        var live = card.live();
        String languages = card.profile().languages;
        return new AgentBody(card.profile().id, card.profile().name, SkillMaps.read(card.profile().skills), capacity,
                languages == null || languages.isEmpty() ? List.of() : List.of(languages.split(",")), live.presence(), live.idleSince(),
                Stream.concat(live.offeredContactIds().stream(), live.connectedContactIds().stream()).toList());
    }
}
