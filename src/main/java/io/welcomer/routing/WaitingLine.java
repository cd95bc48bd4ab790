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
 * Contacts of one line on one channel naming the same skills form a queue: they compete with each
 * other, so a contact's position is its place in its queue. The queue's history feeds the wait
 * estimates. A contact is filed in the groups (offerable) only while its line is open; closed, it
 * keeps its place in its queue and is filed again at the opening.
 */
final class WaitingLine {

    /** Aged priority first (higher first), then arrival. */
    static final Comparator<RoutedContact> ORDER = Comparator
            .comparingDouble((RoutedContact c) -> -c.rank)
            .thenComparingLong(c -> c.seq);

    /** What an agent must have now to take the contacts of a group; language null: any. */
    record Requirement(Channel channel, Map<String, Integer> skills, String language) {}

    /** The groups an agent with these skill names who speaks this language (or none) may serve. */
    private record Reach(Channel channel, Set<String> skills, String language) {}

    /**
     * Contacts of one line (a configured line's id, or null for the implicit lines) on a channel
     * that need the same skills and language, whatever their minimum levels: one queue.
     */
    record Queue(String line, Channel channel, Set<String> skills, String language) {

        static Queue of(ContactRequest needs, LineState line) {
            return new Queue(line == null ? null : line.line.id(), needs.channel(), Set.copyOf(needs.skills().keySet()),
                    needs.primaryLanguage());
        }
    }

    /** Beyond this many skills an agent's skill subsets outnumber typical groups: scan instead. */
    private static final int MAX_SKILLS_TO_ENUMERATE = 6;

    private final WaitEstimator waits;
    /** Told when the count of a configured line's waiting contacts changed. */
    private final Runnable lineCounted;
    private final Map<Requirement, TreeSet<RoutedContact>> groups = new HashMap<>();
    private final Map<Reach, Set<Requirement>> groupsByReach = new HashMap<>();
    private final Map<Queue, TreeSet<RoutedContact>> queues = new HashMap<>();
    private final Map<Channel, Integer> waitingByChannel = new EnumMap<>(Channel.class);
    private final TreeSet<RoutedContact> byArrival = new TreeSet<>(Comparator.comparingLong(c -> c.seq));
    private int callbacks;

    WaitingLine(WaitEstimator waits, Runnable lineCounted) {
        this.waits = waits;
        this.lineCounted = lineCounted;
    }

    /** The contact waits, behind those before it in its queue; filed for agents if its line is open. */
    void add(RoutedContact contact, Instant now) {
        if (contact.line == null || contact.line.open) {
            file(contact);
        }
        enqueue(contact, now);
        if (contact.line != null) {
            contact.line.waiting.add(contact);
            lineCounted.run();
        }
        waitingByChannel.merge(contact.channel(), 1, Integer::sum);
        byArrival.add(contact);
        if (contact.callback) {
            callbacks++;
        }
    }

    /** The contact leaves its queue (to an agent, or its customer gave up): those behind move up. */
    void remove(RoutedContact contact, Instant now) {
        unfile(contact);
        if (!byArrival.remove(contact)) {
            return;
        }
        dequeue(contact);
        if (contact.line != null) {
            contact.line.waiting.remove(contact);
            lineCounted.run();
        }
        waits.departed(contact.queue, now, contact.line == null ? WaitEstimator.OpenTime.ALWAYS : contact.line);
        waitingByChannel.merge(contact.channel(), -1, Integer::sum);
        if (contact.callback) {
            callbacks--;
        }
    }

    /**
     * The contact needs what its line asks now (the line was configured again): it moves to the
     * queue for that, in its arrival place, and is filed for agents if its line is open.
     */
    void rekey(RoutedContact contact, Instant now) {
        unfile(contact);
        dequeue(contact);
        contact.rederive();
        enqueue(contact, now);
        if (contact.line == null || contact.line.open) {
            file(contact);
        }
    }

    private void enqueue(RoutedContact contact, Instant now) {
        TreeSet<RoutedContact> queue = queues.computeIfAbsent(contact.queue, n -> new TreeSet<>(ORDER));
        if (queue.isEmpty()) {
            waits.queueStarted(contact.queue, now);
        }
        queue.add(contact);
    }

    private void dequeue(RoutedContact contact) {
        TreeSet<RoutedContact> queue = queues.get(contact.queue);
        queue.remove(contact);
        if (queue.isEmpty()) {
            queues.remove(contact.queue);
        }
    }

    /** The contact's minimum proficiencies drop to 1; it keeps its place in its queue. */
    void relax(RoutedContact contact) {
        boolean filed = unfile(contact);
        contact.relaxed = true;
        if (filed) {
            file(contact);
        }
    }

    /** Files a waiting contact for the agents who can take it now (its line has opened). */
    void file(RoutedContact contact) {
        if (!contact.filedUnder.isEmpty()) {
            return;
        }
        contact.filedUnder = contact.requirements();
        for (Requirement requirement : contact.filedUnder) {
            groups.computeIfAbsent(requirement, created -> {
                groupsByReach.computeIfAbsent(reachOf(created), names -> new HashSet<>()).add(created);
                return new TreeSet<>(ORDER);
            }).add(contact);
        }
    }

    /** Takes a contact out of the groups agents pick from (its line closed); answers whether it was filed. */
    boolean unfile(RoutedContact contact) {
        List<Requirement> filed = contact.filedUnder;
        contact.filedUnder = List.of();
        for (Requirement requirement : filed) {
            removeFromGroup(contact, requirement);
        }
        return !filed.isEmpty();
    }

    private void removeFromGroup(RoutedContact contact, Requirement requirement) {
        TreeSet<RoutedContact> group = groups.get(requirement);
        if (group != null && group.remove(contact) && group.isEmpty()) {
            groups.remove(requirement);
            Reach reach = reachOf(requirement);
            Set<Requirement> sameReach = groupsByReach.get(reach);
            sameReach.remove(requirement);
            if (sameReach.isEmpty()) {
                groupsByReach.remove(reach);
            }
        }
    }

    /**
     * The contact's order changes (a new priority): it takes its new place in its queue (and its
     * groups, if filed); its arrival, the queue's history and the counts stay as they are.
     */
    void reorder(RoutedContact contact, Runnable change) {
        boolean filed = unfile(contact);
        TreeSet<RoutedContact> queue = queues.get(contact.queue);
        queue.remove(contact);
        change.run();
        queue.add(contact);
        if (filed) {
            file(contact);
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
        languages.addAll(agent.profile.languages());
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
     * 1-based place in the contact's queue: the contacts of its line on its channel needing the
     * same skills and language, by aged priority then arrival. Counting walks only the contacts
     * ahead, and not at all for the last in the queue (a new arrival, usually). An overflowed
     * contact's place is in the widest set it has reached: its queue and every group it is filed in.
     */
    int position(RoutedContact contact) {
        TreeSet<RoutedContact> queue = queues.get(contact.queue);
        if (contact.reached.isEmpty() || contact.filedUnder.isEmpty()) {
            return queue.last() == contact ? queue.size() : queue.headSet(contact).size() + 1;
        }
        // Overflowed: everyone ahead of it for any of the agents it may go to now.
        Set<RoutedContact> ahead = new HashSet<>(queue.headSet(contact));
        for (Requirement requirement : contact.filedUnder) {
            ahead.addAll(groups.get(requirement).headSet(contact));
        }
        return ahead.size() + 1;
    }

    int waiting(Channel channel) {
        return waitingByChannel.getOrDefault(channel, 0);
    }

    int size() {
        return byArrival.size();
    }

    /** Every queue that has someone waiting; a scan of the waiting contacts, for the floor view. */
    List<LineView> lineViews() {
        List<LineView> views = new ArrayList<>(queues.size());
        for (Map.Entry<Queue, TreeSet<RoutedContact>> queue : queues.entrySet()) {
            int callbacksInQueue = 0;
            Instant oldest = null;
            for (RoutedContact contact : queue.getValue()) {
                if (contact.callback) {
                    callbacksInQueue++;
                }
                if (oldest == null || contact.arrivedAt.isBefore(oldest)) {
                    oldest = contact.arrivedAt;
                }
            }
            views.add(new LineView(queue.getKey().line(), queue.getKey().channel(), new TreeSet<>(queue.getKey().skills()),
                    queue.getValue().size(), callbacksInQueue, oldest));
        }
        return views;
    }

    Optional<Instant> oldestArrival() {
        return byArrival.isEmpty() ? Optional.empty() : Optional.of(byArrival.first().arrivedAt);
    }

    private static Reach reachOf(Requirement requirement) {
        return new Reach(requirement.channel(), Set.copyOf(requirement.skills().keySet()), requirement.language());
    }
}
