package io.welcomer.simulation;

import io.welcomer.routing.Channel;
import io.welcomer.routing.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact centre to simulate: who staffs it, what arrives, for how long.
 *
 * @param seed        the random source's seed: the same seed and scenario give the same answer
 * @param hours       simulated hours measured, after the warm-up
 * @param warmUpHours simulated hours run first and not measured, so results come from the steady
 *                    state rather than from an empty centre
 * @param agents      groups of identical agents
 * @param arrivals    streams of contacts, each arriving as a Poisson process
 * @param lines       lines configured before anything arrives, with their overflow steps (a
 *                    stream names its line); configured so that a line comes after those it
 *                    overflows into
 */
public record Scenario(long seed, double hours, double warmUpHours, List<AgentGroup> agents, List<Stream> arrivals,
                       List<Line> lines) {

    public Scenario {
        agents = List.copyOf(agents);
        arrivals = List.copyOf(arrivals);
        lines = Line.targetsFirst(lines);
    }

    /** A centre without configured lines: every stream waits in its implicit line. */
    public Scenario(long seed, double hours, double warmUpHours, List<AgentGroup> agents, List<Stream> arrivals) {
        this(seed, hours, warmUpHours, agents, arrivals, List.of());
    }

    /** {@code count} agents with the same skills (name to proficiency 1-5) and capacity per channel. */
    public record AgentGroup(int count, Map<String, Integer> skills, Map<Channel, Integer> capacity) {

        public AgentGroup {
            skills = Map.copyOf(skills);
            capacity = Map.copyOf(capacity);
        }
    }

    /**
     * Contacts of one kind.
     *
     * @param patienceSeconds mean patience (exponential) of a waiting customer before giving up;
     *                        null: nobody gives up
     * @param callbackShare   the share of customers who, finding nobody free, ask to be called back:
     *                        they keep their place and never give up
     * @param line            the configured line its contacts name (null: their implicit line)
     */
    public record Stream(Channel channel, double perHour, Map<String, Integer> skills, int priority,
                         double touchTimeSeconds, TouchTime touchTimeDistribution, double touchTimeCv,
                         Double patienceSeconds, double callbackShare, String line) {

        public Stream {
            skills = Map.copyOf(skills);
        }

        /** Contacts in their implicit line. */
        public Stream(Channel channel, double perHour, Map<String, Integer> skills, int priority,
                      double touchTimeSeconds, TouchTime touchTimeDistribution, double touchTimeCv,
                      Double patienceSeconds, double callbackShare) {
            this(channel, perHour, skills, priority, touchTimeSeconds, touchTimeDistribution, touchTimeCv,
                    patienceSeconds, callbackShare, null);
        }

        double perSecond() {
            return perHour / 3600;
        }
    }

    /** The same scenario with another number of agents in its first group, the one staffing varies. */
    Scenario withAgents(int count) {
        List<AgentGroup> groups = new ArrayList<>(agents);
        AgentGroup staffed = groups.getFirst();
        groups.set(0, new AgentGroup(count, staffed.skills(), staffed.capacity()));
        return new Scenario(seed, hours, warmUpHours, groups, arrivals, lines);
    }

    /**
     * The first stream that no agent could ever take, naming what is missing: its contacts would
     * wait for ever. Minimum levels do not count, since they relax; skill names do.
     */
    public Optional<String> unservable() {
        for (int i = 0; i < arrivals.size(); i++) {
            Stream stream = arrivals.get(i);
            boolean served = agents.stream().anyMatch(group -> group.count() > 0
                    && group.skills().keySet().containsAll(stream.skills().keySet()));
            if (!served) {
                return Optional.of("arrivals[" + i + "] needs skills " + stream.skills().keySet()
                        + " that no agent has");
            }
        }
        return Optional.empty();
    }

    /** About how many contacts a run handles, warm-up included: what its cost grows with. */
    public double expectedContacts() {
        return arrivals.stream().mapToDouble(Stream::perHour).sum() * (hours + warmUpHours);
    }
}
