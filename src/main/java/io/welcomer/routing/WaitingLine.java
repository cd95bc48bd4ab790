package io.welcomer.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The contacts waiting for an agent, indexed so that finding the next contact for a freed agent
 * looks at the head of each group of identical requirements, never at every waiting contact.
 */
final class WaitingLine {

    /** Priority first (higher first), then arrival. */
    static final Comparator<RoutedContact> ORDER = Comparator
            .comparingInt((RoutedContact c) -> -c.request.priority())
            .thenComparingLong(c -> c.seq);

    private record Requirement(Channel channel, Map<String, Integer> skills) {}

    /** Requirements that name the same skills on a channel, whatever their minimum levels. */
    private record SkillNames(Channel channel, Set<String> skills) {}

    /** Beyond this many skills an agent's skill subsets outnumber typical groups: scan instead. */
    private static final int MAX_SKILLS_TO_ENUMERATE = 6;

    private final Map<Requirement, TreeSet<RoutedContact>> groups = new HashMap<>();
    private final Map<SkillNames, Set<Requirement>> groupsBySkillNames = new HashMap<>();
    /** Per channel, the waiting contacts by priority (highest first), each in arrival order. */
    private final Map<Channel, TreeMap<Integer, TreeSet<RoutedContact>>> byChannel = new EnumMap<>(Channel.class);
    private final Map<Channel, Integer> waitingByChannel = new EnumMap<>(Channel.class);
    private final TreeMap<Long, RoutedContact> byArrival = new TreeMap<>();
    private int callbacks;

    void add(RoutedContact contact) {
        groups.computeIfAbsent(requirementOf(contact), requirement -> {
            groupsBySkillNames.computeIfAbsent(namesOf(requirement), names -> new HashSet<>()).add(requirement);
            return new TreeSet<>(ORDER);
        }).add(contact);
        byChannel.computeIfAbsent(contact.channel(), c -> new TreeMap<>(Comparator.reverseOrder()))
                .computeIfAbsent(contact.request.priority(), p -> new TreeSet<>(ORDER))
                .add(contact);
        waitingByChannel.merge(contact.channel(), 1, Integer::sum);
        byArrival.put(contact.seq, contact);
        if (contact.callback) {
            callbacks++;
        }
    }

    void remove(RoutedContact contact) {
        Requirement requirement = requirementOf(contact);
        TreeSet<RoutedContact> group = groups.get(requirement);
        if (group != null && group.remove(contact) && group.isEmpty()) {
            groups.remove(requirement);
            Set<Requirement> sameNames = groupsBySkillNames.get(namesOf(requirement));
            sameNames.remove(requirement);
            if (sameNames.isEmpty()) {
                groupsBySkillNames.remove(namesOf(requirement));
            }
        }
        if (byArrival.remove(contact.seq) == null) {
            return;
        }
        TreeMap<Integer, TreeSet<RoutedContact>> line = byChannel.get(contact.channel());
        TreeSet<RoutedContact> samePriority = line.get(contact.request.priority());
        samePriority.remove(contact);
        if (samePriority.isEmpty()) {
            line.remove(contact.request.priority());
        }
        waitingByChannel.merge(contact.channel(), -1, Integer::sum);
        if (contact.callback) {
            callbacks--;
        }
    }

    /** A waiting contact turns into a callback; it keeps its place. */
    void markCallback(RoutedContact contact) {
        if (!contact.callback) {
            contact.callback = true;
            callbacks++;
        }
    }

    int callbacks() {
        return callbacks;
    }

    /**
     * The first waiting contact in line that this agent may take now, skipping one contact id.
     * Only groups whose skills the agent has can qualify, so for an agent of a few skills the
     * candidates are found by the subsets of its skills rather than by looking at every group.
     */
    RoutedContact nextFor(RoutedAgent agent, String skippedContactId) {
        List<String> skills = List.copyOf(agent.profile.skills().keySet());
        if (skills.size() > MAX_SKILLS_TO_ENUMERATE) {
            return bestHead(agent, groups.keySet(), skippedContactId);
        }
        RoutedContact best = null;
        for (Channel channel : Channel.values()) {
            if (!agent.canTake(channel)) {
                continue;
            }
            for (int subset = 0; subset < 1 << skills.size(); subset++) {
                Set<Requirement> candidates = groupsBySkillNames.get(new SkillNames(channel, pick(skills, subset)));
                if (candidates != null) {
                    best = better(best, bestHead(agent, candidates, skippedContactId));
                }
            }
        }
        return best;
    }

    private RoutedContact bestHead(RoutedAgent agent, Collection<Requirement> requirements, String skippedContactId) {
        RoutedContact best = null;
        for (Requirement requirement : requirements) {
            if (!agent.canTake(requirement.channel()) || !agent.profile.meets(requirement.skills())) {
                continue;
            }
            Iterator<RoutedContact> inOrder = groups.get(requirement).iterator();
            RoutedContact candidate = inOrder.next();
            if (candidate.id().equals(skippedContactId)) {
                candidate = inOrder.hasNext() ? inOrder.next() : null;
            }
            best = better(best, candidate);
        }
        return best;
    }

    private static RoutedContact better(RoutedContact best, RoutedContact candidate) {
        return candidate != null && (best == null || ORDER.compare(candidate, best) < 0) ? candidate : best;
    }

    private static Set<String> pick(List<String> skills, int subset) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            if ((subset & 1 << i) != 0) {
                picked.add(skills.get(i));
            }
        }
        return picked;
    }

    private static SkillNames namesOf(Requirement requirement) {
        return new SkillNames(requirement.channel(), Set.copyOf(requirement.skills().keySet()));
    }

    /**
     * 1-based place among the contacts waiting on the same channel: everyone of higher priority,
     * then those of the same priority who arrived earlier. Counting the latter walks only the
     * contacts ahead at that priority, and not at all for the newest arrival.
     */
    int position(RoutedContact contact) {
        int ahead = 0;
        for (var level : byChannel.get(contact.channel()).headMap(contact.request.priority(), false).values()) {
            ahead += level.size();
        }
        TreeSet<RoutedContact> samePriority = byChannel.get(contact.channel()).get(contact.request.priority());
        ahead += samePriority.last() == contact ? samePriority.size() - 1 : samePriority.headSet(contact).size();
        return ahead + 1;
    }

    int waiting(Channel channel) {
        return waitingByChannel.getOrDefault(channel, 0);
    }

    int size() {
        return byArrival.size();
    }

    Optional<Instant> oldestArrival() {
        return byArrival.isEmpty() ? Optional.empty() : Optional.of(byArrival.firstEntry().getValue().arrivedAt);
    }

    private static Requirement requirementOf(RoutedContact contact) {
        return new Requirement(contact.channel(), contact.requiredSkills());
    }
}
