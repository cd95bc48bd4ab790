package io.welcomer.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contacts waiting for an agent, indexed so that finding the next contact for a freed agent
 * looks at the head of each group of identical requirements, never at every waiting contact.
 * Contacts on one channel naming the same skills form a line: they compete with each other, so a
 * contact's position is its place in its line. The line's history feeds the wait estimates.
 */
final class WaitingLine {

    /** Aged priority first (higher first), then arrival. */
    static final Comparator<RoutedContact> ORDER = Comparator
            .comparingDouble((RoutedContact c) -> -c.rank)
            .thenComparingLong(c -> c.seq);

    /** What an agent must have now to take the contacts of a group; language null: any. */
    private record Requirement(Channel channel, Map<String, Integer> skills, String language) {}

    /** The groups an agent with these skill names who speaks this language (or none) may serve. */
    private record Reach(Channel channel, Set<String> skills, String language) {}

    /**
     * Contacts on a channel that name the same skills and language, whatever their minimum levels:
     * one line.
     */
    record SkillNames(Channel channel, Set<String> skills, String language) {}

    /** Beyond this many skills an agent's skill subsets outnumber typical groups: scan instead. */
    private static final int MAX_SKILLS_TO_ENUMERATE = 6;

    private final WaitEstimator waits;
    private final Map<Requirement, TreeSet<RoutedContact>> groups = new HashMap<>();
    private final Map<Reach, Set<Requirement>> groupsByReach = new HashMap<>();
    /** Groups waiting per required language: an agent who declares none looks at every language. */
    private final Map<String, Integer> groupsByLanguage = new HashMap<>();
    private final Map<SkillNames, TreeSet<RoutedContact>> lines = new HashMap<>();
    private final Map<Channel, Integer> waitingByChannel = new EnumMap<>(Channel.class);
    private final TreeSet<RoutedContact> byArrival = new TreeSet<>(Comparator.comparingLong(c -> c.seq));
    private int callbacks;

    WaitingLine(WaitEstimator waits) {
        this.waits = waits;
    }

    void add(RoutedContact contact, Instant now) {
        addToGroup(contact);
        TreeSet<RoutedContact> line = lines.computeIfAbsent(contact.line, n -> new TreeSet<>(ORDER));
        if (line.isEmpty()) {
            waits.lineOpened(contact.line, now);
        }
        line.add(contact);
        waitingByChannel.merge(contact.channel(), 1, Integer::sum);
        byArrival.add(contact);
        if (contact.callback) {
            callbacks++;
        }
    }

    /** The contact leaves the line (to an agent, or its customer gave up): those behind move up. */
    void remove(RoutedContact contact, Instant now) {
        removeFromGroup(contact);
        if (!byArrival.remove(contact)) {
            return;
        }
        TreeSet<RoutedContact> line = lines.get(contact.line);
        line.remove(contact);
        if (line.isEmpty()) {
            lines.remove(contact.line);
        }
        waits.departed(contact.line, now);
        waitingByChannel.merge(contact.channel(), -1, Integer::sum);
        if (contact.callback) {
            callbacks--;
        }
    }

    /** The contact's minimum proficiencies drop to 1; it keeps its place in its line. */
    void relax(RoutedContact contact) {
        removeFromGroup(contact);
        contact.relaxed = true;
        addToGroup(contact);
    }

    private void addToGroup(RoutedContact contact) {
        groups.computeIfAbsent(requirementOf(contact), requirement -> {
            groupsByReach.computeIfAbsent(reachOf(requirement), names -> new HashSet<>()).add(requirement);
            if (requirement.language() != null) {
                groupsByLanguage.merge(requirement.language(), 1, Integer::sum);
            }
            return new TreeSet<>(ORDER);
        }).add(contact);
    }

    private void removeFromGroup(RoutedContact contact) {
        Requirement requirement = requirementOf(contact);
        TreeSet<RoutedContact> group = groups.get(requirement);
        if (group != null && group.remove(contact) && group.isEmpty()) {
            groups.remove(requirement);
            if (requirement.language() != null) {
                groupsByLanguage.merge(requirement.language(), -1, (n, minus) -> n + minus == 0 ? null : n + minus);
            }
            Reach reach = reachOf(requirement);
            Set<Requirement> sameReach = groupsByReach.get(reach);
            sameReach.remove(requirement);
            if (sameReach.isEmpty()) {
                groupsByReach.remove(reach);
            }
        }
    }

    /**
     * The contact's order changes (a new priority): it takes its new place in its line; its
     * arrival, the line's history and the counts stay as they are.
     */
    void reorder(RoutedContact contact, Runnable change) {
        removeFromGroup(contact);
        TreeSet<RoutedContact> line = lines.get(contact.line);
        line.remove(contact);
        change.run();
        line.add(contact);
        addToGroup(contact);
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
     * Only groups whose skills and language the agent has can qualify, so for an agent of a few
     * skills the candidates are found by the subsets of its skills (with no language or one it
     * speaks) rather than by looking at every group.
     */
    RoutedContact nextFor(RoutedAgent agent, String skippedContactId) {
        List<String> skills = List.copyOf(agent.profile.skills().keySet());
        if (skills.size() > MAX_SKILLS_TO_ENUMERATE) {
            return bestHead(agent, groups.keySet(), skippedContactId);
        }
        List<String> languages = new ArrayList<>();
        languages.add(null);
        languages.addAll(agent.profile.languages().isEmpty() ? groupsByLanguage.keySet() : agent.profile.languages());
        RoutedContact best = null;
        for (Channel channel : Channel.values()) {
            if (!agent.canTake(channel)) {
                continue;
            }
            for (int subset = 0; subset < 1 << skills.size(); subset++) {
                Set<String> names = pick(skills, subset);
                for (String language : languages) {
                    Set<Requirement> candidates = groupsByReach.get(new Reach(channel, names, language));
                    if (candidates != null) {
                        best = better(best, bestHead(agent, candidates, skippedContactId));
                    }
                }
            }
        }
        return best;
    }

    private RoutedContact bestHead(RoutedAgent agent, Collection<Requirement> requirements, String skippedContactId) {
        RoutedContact best = null;
        for (Requirement requirement : requirements) {
            if (!agent.canTake(requirement.channel()) || !agent.profile.meets(requirement.skills())
                    || !agent.profile.speaks(requirement.language())) {
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

    /**
     * 1-based place in the contact's line: the contacts on its channel naming the same skills and
     * language, by aged priority then arrival. Counting walks only the contacts ahead, and not at all for
     * the last in line (a new arrival, usually).
     */
    int position(RoutedContact contact) {
        TreeSet<RoutedContact> line = lines.get(contact.line);
        return line.last() == contact ? line.size() : line.headSet(contact).size() + 1;
    }

    int waiting(Channel channel) {
        return waitingByChannel.getOrDefault(channel, 0);
    }

    int size() {
        return byArrival.size();
    }

    /** Every line that has someone waiting; a scan of the waiting contacts, for the floor view. */
    List<LineView> lineViews() {
        List<LineView> views = new ArrayList<>(lines.size());
        for (Map.Entry<SkillNames, TreeSet<RoutedContact>> line : lines.entrySet()) {
            int callbacksInLine = 0;
            Instant oldest = null;
            for (RoutedContact contact : line.getValue()) {
                if (contact.callback) {
                    callbacksInLine++;
                }
                if (oldest == null || contact.arrivedAt.isBefore(oldest)) {
                    oldest = contact.arrivedAt;
                }
            }
            views.add(new LineView(line.getKey().channel(), new TreeSet<>(line.getKey().skills()),
                    line.getValue().size(), callbacksInLine, oldest));
        }
        return views;
    }

    Optional<Instant> oldestArrival() {
        return byArrival.isEmpty() ? Optional.empty() : Optional.of(byArrival.first().arrivedAt);
    }

    private static Requirement requirementOf(RoutedContact contact) {
        return new Requirement(contact.channel(), contact.requiredSkills(), contact.requiredLanguage());
    }

    private static Reach reachOf(Requirement requirement) {
        return new Reach(requirement.channel(), Set.copyOf(requirement.skills().keySet()), requirement.language());
    }
}
