package io.welcomer.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
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

    private final Map<Requirement, TreeSet<RoutedContact>> groups = new HashMap<>();
    private final Map<Channel, TreeSet<RoutedContact>> byChannel = new EnumMap<>(Channel.class);
    private final TreeMap<Long, RoutedContact> byArrival = new TreeMap<>();

    void add(RoutedContact contact) {
        groups.computeIfAbsent(requirementOf(contact), r -> new TreeSet<>(ORDER)).add(contact);
        byChannel.computeIfAbsent(contact.channel(), c -> new TreeSet<>(ORDER)).add(contact);
        byArrival.put(contact.seq, contact);
    }

    void remove(RoutedContact contact) {
        Requirement requirement = requirementOf(contact);
        TreeSet<RoutedContact> group = groups.get(requirement);
        if (group != null && group.remove(contact) && group.isEmpty()) {
            groups.remove(requirement);
        }
        byChannel.getOrDefault(contact.channel(), new TreeSet<>(ORDER)).remove(contact);
        byArrival.remove(contact.seq);
    }

    boolean contains(RoutedContact contact) {
        return byArrival.get(contact.seq) == contact;
    }

    /** The first waiting contact in line that this agent may take now, skipping one contact id. */
    RoutedContact nextFor(RoutedAgent agent, String skippedContactId) {
        RoutedContact best = null;
        for (var entry : groups.entrySet()) {
            Requirement requirement = entry.getKey();
            if (!agent.canTake(requirement.channel()) || !agent.profile.meets(requirement.skills())) {
                continue;
            }
            Iterator<RoutedContact> inOrder = entry.getValue().iterator();
            RoutedContact candidate = inOrder.next();
            if (candidate.id().equals(skippedContactId)) {
                candidate = inOrder.hasNext() ? inOrder.next() : null;
            }
            if (candidate != null && (best == null || ORDER.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        return best;
    }

    /** 1-based place among the contacts waiting on the same channel. */
    int position(RoutedContact contact) {
        return byChannel.get(contact.channel()).headSet(contact).size() + 1;
    }

    int waiting(Channel channel) {
        TreeSet<RoutedContact> line = byChannel.get(channel);
        return line == null ? 0 : line.size();
    }

    int size() {
        return byArrival.size();
    }

    Optional<Instant> oldestArrival() {
        return byArrival.isEmpty() ? Optional.empty() : Optional.of(byArrival.firstEntry().getValue().arrivedAt);
    }

    private static Requirement requirementOf(RoutedContact contact) {
        return new Requirement(contact.channel(), contact.request.skills());
    }
}
