package io.welcomer.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/** The agents as routing sees them: who exists, who takes contacts now, and how many in each presence. */
final class Roster {

    /**
     * The router's order of deserving among agents who hold nothing (idle longest, then by id). Its
     * keys change only while the agent is out of the index: see {@link #idleSince}.
     */
    private static final Comparator<RoutedAgent> IDLE_LONGEST = Comparator
            .comparing((RoutedAgent a) -> a.idleSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RoutedAgent::id);

    /** What routing tells agents apart by: agents of one shape are equally fit for any contact. */
    private record Shape(Map<String, Integer> skills, Set<String> languages, Map<Channel, Integer> capacity) {
        static Shape of(AgentProfile profile) {
            return new Shape(profile.skills(), profile.languages(), profile.capacity());
        }
    }

    private final Map<String, RoutedAgent> agents = new HashMap<>();
    private final Set<RoutedAgent> routable = new LinkedHashSet<>();
    /** Routable agents by each skill they have: a contact's candidates are those with its rarest skill. */
    private final Map<String, Set<RoutedAgent>> routableBySkill = new HashMap<>();
    /**
     * The routable agents who hold nothing, the only candidates for a voice or video contact, by
     * shape and most deserving first: such an arrival looks at one agent per shape, not at all.
     */
    private final Map<RoutedAgent, Shape> idle = new HashMap<>();
    private final Map<Shape, NavigableSet<RoutedAgent>> idleByShape = new LinkedHashMap<>();
    private final Map<Presence, Integer> presenceCounts = new EnumMap<>(Presence.class);

    RoutedAgent get(String agentId) {
        return agents.get(agentId);
    }

    boolean contains(String agentId) {
        return agents.containsKey(agentId);
    }

    Collection<RoutedAgent> all() {
        return agents.values();
    }

    /**
     * The routable agents who have every one of these skill names, narrowed to those with the
     * rarest of them; all routable agents when no skill is named. Callers still check levels.
     */
    Collection<RoutedAgent> routableWith(Set<String> skills) {
        return fewest(routable, routableBySkill, skills);
    }

    /**
     * Of the agents who hold nothing, the most deserving of each shape other than {@code skipped}:
     * among them is the best idle agent for any contact, since agents of one shape are equally fit.
     */
    List<RoutedAgent> mostDeservingIdle(String skippedAgentId) {
        List<RoutedAgent> firsts = new ArrayList<>(idleByShape.size());
        for (NavigableSet<RoutedAgent> shape : idleByShape.values()) {
            RoutedAgent first = shape.first();
            RoutedAgent candidate = first.id().equals(skippedAgentId) ? shape.higher(first) : first;
            if (candidate != null) {
                firsts.add(candidate);
            }
        }
        return firsts;
    }

    private static Collection<RoutedAgent> fewest(Set<RoutedAgent> all, Map<String, Set<RoutedAgent>> bySkill,
                                                  Set<String> skills) {
        Collection<RoutedAgent> fewest = all;
        for (String skill : skills) {
            Set<RoutedAgent> having = bySkill.getOrDefault(skill, Set.of());
            if (having.size() < fewest.size()) {
                fewest = having;
            }
        }
        return fewest;
    }

    /** Creates the agent (OFFLINE) or replaces its profile; answers it. */
    RoutedAgent register(AgentProfile profile) {
        RoutedAgent agent = agents.get(profile.agentId());
        if (agent == null) {
            agent = new RoutedAgent(profile, this);
            agents.put(agent.id(), agent);
            presenceCounts.merge(Presence.OFFLINE, 1, Integer::sum);
        } else {
            unindex(agent);
            agent.profile = profile;
            refresh(agent);
        }
        return agent;
    }

    void remove(RoutedAgent agent) {
        agents.remove(agent.id());
        unindex(agent);
        presenceCounts.merge(agent.presence, -1, Integer::sum);
    }

    /** Call after the agent's session or readiness changed. */
    void refresh(RoutedAgent agent) {
        index(agent, registered(agent) && agent.routable(), routable, routableBySkill);
        holdingChanged(agent);
    }

    /** Called by the agent whenever what it holds changed. */
    void holdingChanged(RoutedAgent agent) {
        boolean member = registered(agent) && agent.routable() && agent.holdsNothing();
        if (member != idle.containsKey(agent)) {
            if (member) {
                addIdle(agent);
            } else {
                removeIdle(agent);
            }
        }
    }

    /** Sets when the agent became idle: the order of its shape's idle agents depends on it. */
    void idleSince(RoutedAgent agent, Instant since) {
        boolean member = removeIdle(agent);
        agent.idleSince = since;
        if (member) {
            addIdle(agent);
        }
    }

    private void addIdle(RoutedAgent agent) {
        Shape shape = Shape.of(agent.profile);
        idle.put(agent, shape);
        idleByShape.computeIfAbsent(shape, s -> new TreeSet<>(IDLE_LONGEST)).add(agent);
    }

    /** Takes the agent out of the idle index (under the shape it was filed with); says whether it was in. */
    private boolean removeIdle(RoutedAgent agent) {
        Shape shape = idle.remove(agent);
        if (shape == null) {
            return false;
        }
        NavigableSet<RoutedAgent> same = idleByShape.get(shape);
        same.remove(agent);
        if (same.isEmpty()) {
            idleByShape.remove(shape);
        }
        return true;
    }

    /** Not removed (a removed agent still lets go of what it held). */
    private boolean registered(RoutedAgent agent) {
        return agents.get(agent.id()) == agent;
    }

    private void unindex(RoutedAgent agent) {
        index(agent, false, routable, routableBySkill);
        removeIdle(agent);
    }

    private static void index(RoutedAgent agent, boolean member, Set<RoutedAgent> all,
                              Map<String, Set<RoutedAgent>> bySkill) {
        if (member == all.contains(agent)) {
            return;
        }
        if (member) {
            all.add(agent);
            agent.profile.skills().keySet()
                    .forEach(skill -> bySkill.computeIfAbsent(skill, s -> new LinkedHashSet<>()).add(agent));
        } else {
            all.remove(agent);
            agent.profile.skills().keySet().forEach(skill -> {
                Set<RoutedAgent> having = bySkill.get(skill);
                if (having != null) {
                    having.remove(agent);
                }
            });
        }
    }

    /** Brings the agent's reported presence up to date; answers whether it changed. */
    boolean updatePresence(RoutedAgent agent, Instant now) {
        Presence presence = agent.currentPresence();
        if (presence == agent.presence) {
            return false;
        }
        presenceCounts.merge(agent.presence, -1, Integer::sum);
        presenceCounts.merge(presence, 1, Integer::sum);
        agent.presence = presence;
        idleSince(agent, presence == Presence.AVAILABLE ? now : null);
        return true;
    }

    Map<Presence, Integer> countsByPresence() {
        Map<Presence, Integer> counts = new EnumMap<>(Presence.class);
        for (Presence presence : Presence.values()) {
            counts.put(presence, presenceCounts.getOrDefault(presence, 0));
        }
        return counts;
    }
}
