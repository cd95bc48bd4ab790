package io.welcomer.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who could serve what, whatever the proficiency (relaxing drops the minimums to 1): for each
 * need asked about, how many agent profiles could serve it at all and how many of those agents
 * are signed in, with their slots. Counted once per need and kept up to date as profiles and
 * sessions change, so an arrival never walks the agents.
 */
final class Coverage {

    /** What an agent needs to serve a contact or a line: a slot on one of the channels, the skill names, a required language. */
    record Need(Set<Channel> channels, Set<String> skills, String language) {

        static Need of(ContactRequest request) {
            return new Need(Set.of(request.channel()), Set.copyOf(request.skills().keySet()),
                    request.languageRequired() ? request.primaryLanguage() : null);
        }

        static Need of(Line line) {
            return new Need(line.channels(), Set.copyOf(line.skills().keySet()),
                    line.languageRequired() ? Languages.primary(line.language()) : null);
        }

        boolean servedBy(AgentProfile profile) {
            if (!profile.skills().keySet().containsAll(skills) || !profile.speaks(language)) {
                return false;
            }
            return slots(profile) > 0;
        }

        int slots(AgentProfile profile) {
            int slots = 0;
            for (Channel channel : channels) {
                slots += profile.capacityFor(channel);
            }
            return slots;
        }
    }

    /** The agents who could serve one need. */
    static final class Count {
        int registered;
        int signedIn;
        /** Concurrent slots on the need's channels of the signed-in agents. */
        int signedInSlots;

        void add(Need need, AgentProfile profile, boolean session, int sign) {
            registered += sign;
            if (session) {
                signedIn += sign;
                signedInSlots += sign * need.slots(profile);
            }
        }
    }

    /** Needs are the gateways' to invent: past this many the counts are dropped and counted again as asked. */
    private static final int MAX_NEEDS = 4096;

    private final Map<Need, Count> counts = new HashMap<>();
    private final Set<RoutedAgent> signedIn = new HashSet<>();

    /** Who could serve this need; counted over {@code agents} the first time it is asked. */
    Count of(Need need, Collection<RoutedAgent> agents) {
        Count count = counts.get(need);
        if (count == null) {
            if (counts.size() >= MAX_NEEDS) {
                counts.clear();
            }
            count = new Count();
            for (RoutedAgent agent : agents) {
                if (need.servedBy(agent.profile)) {
                    count.add(need, agent.profile, signedIn.contains(agent), 1);
                }
            }
            counts.put(need, count);
        }
        return count;
    }

    /** The agent's profile counts from now on (a new agent, or its replaced profile). */
    void added(RoutedAgent agent) {
        change(agent, agent.profile, 1);
    }

    /** The agent's profile counts no more (removed, or about to be replaced). */
    void removed(RoutedAgent agent, AgentProfile profile) {
        change(agent, profile, -1);
    }

    /** The agent signed in or out (or neither: then nothing changes). */
    void sessionChanged(RoutedAgent agent) {
        if (agent.connected == signedIn.contains(agent)) {
            return;
        }
        int sign = agent.connected ? 1 : -1;
        if (agent.connected) {
            signedIn.add(agent);
        } else {
            signedIn.remove(agent);
        }
        counts.forEach((need, count) -> {
            if (need.servedBy(agent.profile)) {
                count.signedIn += sign;
                count.signedInSlots += sign * need.slots(agent.profile);
            }
        });
    }

    /** The agent is gone: not signed in any more either. */
    void forget(RoutedAgent agent) {
        signedIn.remove(agent);
    }

    private void change(RoutedAgent agent, AgentProfile profile, int sign) {
        boolean session = signedIn.contains(agent);
        counts.forEach((need, count) -> {
            if (need.servedBy(profile)) {
                count.add(need, profile, session, sign);
            }
        });
    }
}
