package io.welcomer.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The agents as routing sees them: who exists, who takes contacts now, and how many in each presence. */
final class Roster {

    private final Map<String, RoutedAgent> agents = new HashMap<>();
    private final Set<RoutedAgent> routable = new LinkedHashSet<>();
    /** Routable agents by each skill they have: a contact's candidates are those with its rarest skill. */
    private final Map<String, Set<RoutedAgent>> routableBySkill = new HashMap<>();
    /**
     * The routable agents who hold nothing, by skill as above: the only candidates for a voice or
     * video contact. In a busy centre they are few, so such an arrival looks at few agents.
     */
    private final Set<RoutedAgent> idle = new LinkedHashSet<>();
    private final Map<String, Set<RoutedAgent>> idleBySkill = new HashMap<>();
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

    /** As {@link #routableWith}, among the agents who hold nothing. */
    Collection<RoutedAgent> idleWith(Set<String> skills) {
        return fewest(idle, idleBySkill, skills);
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
        index(agent, registered(agent) && agent.routable() && agent.holdsNothing(), idle, idleBySkill);
    }

    /** Not removed (a removed agent still lets go of what it held). */
    private boolean registered(RoutedAgent agent) {
        return agents.get(agent.id()) == agent;
    }

    private void unindex(RoutedAgent agent) {
        index(agent, false, routable, routableBySkill);
        index(agent, false, idle, idleBySkill);
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
        agent.idleSince = presence == Presence.AVAILABLE ? now : null;
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
