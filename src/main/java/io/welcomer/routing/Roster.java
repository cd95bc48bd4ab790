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
import java.util.Objects;
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
    private static final class Shape {
        private final AgentProfile profile;
        private final int hash;

        /** Hashed once per profile: an agent is filed and refiled under its shape as it works. */
        Shape(AgentProfile profile) {
            this.profile = profile;
            this.hash = Objects.hash(profile.skills(), profile.languages(), profile.capacity());
        }

        Set<String> skillNames() {
            return profile.skills().keySet();
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Shape shape && hash == shape.hash
                    && profile.skills().equals(shape.profile.skills())
                    && profile.languages().equals(shape.profile.languages())
                    && profile.capacity().equals(shape.profile.capacity());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The idle agents of one shape, most deserving first; the first kept at hand for the pick. */
    private static final class IdleShape {
        final Shape shape;
        final NavigableSet<RoutedAgent> agents = new TreeSet<>(IDLE_LONGEST);
        RoutedAgent first;

        IdleShape(Shape shape) {
            this.shape = shape;
        }

        void add(RoutedAgent agent) {
            agents.add(agent);
            first = agents.first();
        }

        void remove(RoutedAgent agent) {
            agents.remove(agent);
            first = agents.isEmpty() ? null : agents.first();
        }
    }

    private final Map<String, RoutedAgent> agents = new HashMap<>();
    private final Set<RoutedAgent> routable = new LinkedHashSet<>();
    /** Routable agents by each skill they have: a contact's candidates are those with its rarest skill. */
    private final Map<String, Set<RoutedAgent>> routableBySkill = new HashMap<>();
    /** Each agent's shape, made when its profile is set. */
    private final Map<RoutedAgent, Shape> shapes = new HashMap<>();
    /**
     * The routable agents who hold nothing, the only candidates for a voice or video contact, by
     * shape and most deserving first: such an arrival looks at one agent per shape, not at all.
     */
    private final Map<RoutedAgent, IdleShape> idle = new HashMap<>();
    private final Map<Shape, IdleShape> idleByShape = new LinkedHashMap<>();
    /** The shapes with an idle agent, by each skill they have: narrowed by a contact's rarest skill. */
    private final Map<String, Set<IdleShape>> idleShapesBySkill = new HashMap<>();
    private final Map<Presence, Integer> presenceCounts = new EnumMap<>(Presence.class);
    private final Coverage coverage = new Coverage();

    RoutedAgent get(String agentId) {
        return agents.get(agentId);
    }

    boolean contains(String agentId) {
        return agents.containsKey(agentId);
    }

    Collection<RoutedAgent> all() {
        return agents.values();
    }

    /** Whether any agent takes offers now. */
    boolean anyRoutable() {
        return !routable.isEmpty();
    }

    /** How many agents could serve this need, registered and signed in; kept up to date, not counted per call. */
    Coverage.Count couldServe(Coverage.Need need) {
        return coverage.of(need, agents.values());
    }

    /**
     * The routable agents who have every one of these skill names, narrowed to those with the
     * rarest of them; all routable agents when no skill is named. Callers still check levels.
     */
    Collection<RoutedAgent> routableWith(Set<String> skills) {
        return fewest(routable, routableBySkill, skills);
    }

    /**
     * Of the agents who hold nothing, the most deserving of each shape other than {@code skipped},
     * among the shapes with the rarest of these skills (callers still check levels): among them is
     * the best idle agent for any contact, since agents of one shape are equally fit.
     */
    List<RoutedAgent> mostDeservingIdle(Set<String> skills, String skippedAgentId) {
        Collection<IdleShape> fewest = idleByShape.values();
        for (String skill : skills) {
            Set<IdleShape> having = idleShapesBySkill.getOrDefault(skill, Set.of());
            if (having.size() < fewest.size()) {
                fewest = having;
            }
        }
        List<RoutedAgent> firsts = new ArrayList<>(fewest.size());
        for (IdleShape shape : fewest) {
            RoutedAgent first = shape.first;
            RoutedAgent candidate = first.id().equals(skippedAgentId) ? shape.agents.higher(first) : first;
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
            shapes.put(agent, new Shape(profile));
            presenceCounts.merge(Presence.OFFLINE, 1, Integer::sum);
            coverage.added(agent);
        } else {
            unindex(agent);
            coverage.removed(agent, agent.profile);
            agent.profile = profile;
            shapes.put(agent, new Shape(profile));
            coverage.added(agent);
            refresh(agent);
        }
        return agent;
    }

    void remove(RoutedAgent agent) {
        agents.remove(agent.id());
        unindex(agent);
        shapes.remove(agent);
        coverage.removed(agent, agent.profile);
        coverage.forget(agent);
        presenceCounts.merge(agent.presence, -1, Integer::sum);
    }

    /** Call after the agent's session or readiness changed. */
    void refresh(RoutedAgent agent) {
        if (registered(agent)) {
            coverage.sessionChanged(agent);
        }
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
        IdleShape same = idleByShape.computeIfAbsent(shapes.get(agent), shape -> {
            IdleShape created = new IdleShape(shape);
            shape.skillNames().forEach(
                    skill -> idleShapesBySkill.computeIfAbsent(skill, k -> new LinkedHashSet<>()).add(created));
            return created;
        });
        same.add(agent);
        idle.put(agent, same);
    }

    /** Takes the agent out of the idle index (under the shape it was filed with); says whether it was in. */
    private boolean removeIdle(RoutedAgent agent) {
        IdleShape same = idle.remove(agent);
        if (same == null) {
            return false;
        }
        same.remove(agent);
        if (same.first == null) {
            idleByShape.remove(same.shape);
            same.shape.skillNames().forEach(skill -> idleShapesBySkill.get(skill).remove(same));
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
