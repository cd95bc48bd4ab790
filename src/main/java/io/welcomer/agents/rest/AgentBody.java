package io.welcomer.agents.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.agents.AgentDirectory;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Presence;
import io.welcomer.store.SkillMaps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An agent as admins see it: profile (capacity for every channel), live state, follow-ups promised. */
public record AgentBody(String id, String name, Map<String, Integer> skills, Map<String, Integer> capacity,
                        List<String> languages, Presence presence, Instant idleSince, List<String> contacts,
                        List<FollowUp> followUps) {

    /** A follow-up not yet due: its id (its contact's id to be), the customer, when, and the note. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FollowUp(String id, String fromContactId, String customerId, Instant at, String note) {}

    static AgentBody of(AgentDirectory.AgentCard card) {
        Map<String, Integer> stated = SkillMaps.read(card.profile().capacity());
        Map<String, Integer> capacity = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            capacity.put(channel.wireName(), stated.getOrDefault(channel.wireName(), 1));
        }
        var live = card.live();
        String languages = card.profile().languages();
        return new AgentBody(card.profile().id(), card.profile().name(), SkillMaps.read(card.profile().skills()),
                capacity,
                languages == null || languages.isEmpty() ? List.of() : List.of(languages.split(",")), live.presence(), live.idleSince(),
                Stream.of(live.offeredContactIds(), live.connectedContactIds(), live.wrappingContactIds())
                        .flatMap(List::stream).toList(),
                card.followUps().stream().map(pending -> new FollowUp(pending.id(), pending.fromContactId(),
                        pending.contact().arrival().customer().id(), pending.dueAt(), pending.note())).toList());
    }
}
