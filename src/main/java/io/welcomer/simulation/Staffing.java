package io.welcomer.simulation;

import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The smallest number of agents of the scenario's first group (any other groups stay as they are)
 * that meets a target, found by simulating the real router: from the Erlang answer where a closed
 * form applies, else from the offered load, and always confirmed at that count and one fewer.
 */
public final class Staffing {

    /** What the centre must achieve. */
    public sealed interface Target {

        boolean metBy(SimulationResult result);

        /** At least {@code target} of the contacts connected within {@code seconds}. */
        record ServiceLevel(int seconds, double target) implements Target {
            @Override
            public boolean metBy(SimulationResult result) {
                return result.serviceLevel().get(Integer.toString(seconds)) >= target;
            }
        }

        /** At most this share of the contacts give up waiting. */
        record MaxAbandonRate(double rate) implements Target {
            @Override
            public boolean metBy(SimulationResult result) {
                return result.abandonRate() <= rate;
            }
        }
    }

    /**
     * @param agents       the smallest count meeting the target in simulation
     * @param erlangAgents the closed form's answer, where one applies; else null
     * @param atAgents     the simulation at that count
     * @param oneFewer     the simulation at one agent fewer (null for one agent); null figures
     *                     would mean the centre was overloaded there
     */
    public record Answer(int agents, Integer erlangAgents, SimulationResult atAgents, SimulationResult oneFewer) {}

    /** The most agents a search considers. */
    public static final int MAX_AGENTS = 10_000;

    private final Scenario scenario;
    private final Target target;
    private final RoutingRules rules;
    private final int[] thresholds;
    private final Map<Integer, Optional<SimulationResult>> runs = new TreeMap<>();

    private Staffing(Scenario scenario, Target target, RoutingRules rules) {
        this.scenario = scenario;
        this.target = target;
        this.rules = rules;
        IntStream targetSeconds = target instanceof Target.ServiceLevel level ? IntStream.of(level.seconds())
                : IntStream.empty();
        this.thresholds = IntStream.concat(IntStream.of(Simulator.DEFAULT_THRESHOLDS), targetSeconds)
                .distinct().sorted().toArray();
    }

    public static Answer find(Scenario scenario, Target target, RoutingRules rules) {
        return new Staffing(scenario, target, rules).find();
    }

    private Answer find() {
        if (scenario.withAgents(1).unservable().isPresent()) {
            throw new TargetOutOfReachException(MAX_AGENTS);
        }
        Integer erlang = erlangAgents().orElse(null);
        int agents = erlang != null ? erlang : Math.max(1, (int) Math.ceil(loadPerAgentSlot()));
        if (meets(agents)) {
            while (agents > 1 && meets(agents - 1)) {
                agents--;
            }
        } else {
            agents = firstMeetingAbove(agents);
        }
        return new Answer(agents, erlang, simulate(agents).orElseThrow(),
                agents > 1 ? simulate(agents - 1).orElse(null) : null);
    }

    /** Known to fail at {@code failing}: double the step until one meets, then halve back. */
    private int firstMeetingAbove(int failing) {
        int step = 1;
        int meeting = failing + step;
        while (!meets(meeting)) {
            if (meeting >= MAX_AGENTS) {
                throw new TargetOutOfReachException(MAX_AGENTS);
            }
            failing = meeting;
            step *= 2;
            meeting = Math.min(failing + step, MAX_AGENTS);
        }
        while (meeting - failing > 1) {
            int middle = (failing + meeting) >>> 1;
            if (meets(middle)) {
                meeting = middle;
            } else {
                failing = middle;
            }
        }
        return meeting;
    }

    private boolean meets(int agents) {
        return simulate(agents).map(target::metBy).orElse(false);
    }

    /** The run at this count, or empty where the centre could not keep up. */
    private Optional<SimulationResult> simulate(int agents) {
        return runs.computeIfAbsent(agents, count -> {
            try {
                return Optional.of(Simulator.run(scenario.withAgents(count), rules, thresholds));
            } catch (OverloadedException overloaded) {
                return Optional.empty();
            }
        });
    }

    /** Erlang's answer, where the scenario with one agent already has a closed form. */
    private Optional<Integer> erlangAgents() {
        if (!ClosedForm.appliesTo(scenario.withAgents(1))) {
            return Optional.empty();
        }
        Stream stream = scenario.arrivals().getFirst();
        double rate = stream.perSecond();
        double touch = stream.touchTimeSeconds();
        Double patience = stream.patienceSeconds();
        return Optional.of(switch (target) {
            case Target.ServiceLevel level when patience == null ->
                    Erlang.agentsForServiceLevel(rate, touch, level.seconds(), level.target());
            case Target.ServiceLevel level -> agentsForErlangAServiceLevel(rate, touch, patience, level);
            case Target.MaxAbandonRate max when patience == null -> (int) Math.floor(rate * touch) + 1;
            case Target.MaxAbandonRate max -> Erlang.agentsForAbandonRate(rate, touch, patience, max.rate());
        });
    }

    private static int agentsForErlangAServiceLevel(double rate, double touch, double patience,
                                                    Target.ServiceLevel level) {
        int agents = 1;
        while (agents < MAX_AGENTS
                && Erlang.erlangAServiceLevel(agents, rate, touch, patience, level.seconds()) < level.target()) {
            agents++;
        }
        return agents;
    }

    /** Offered load in Erlangs per concurrent slot of the profile: where a search starts without Erlang. */
    private double loadPerAgentSlot() {
        AgentGroup profile = scenario.agents().getFirst();
        double load = 0;
        for (Stream stream : scenario.arrivals()) {
            int slots = profile.capacity().getOrDefault(stream.channel(), 1);
            load += stream.perSecond() * stream.touchTimeSeconds() / slots;
        }
        return load;
    }
}
