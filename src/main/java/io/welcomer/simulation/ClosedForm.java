package io.welcomer.simulation;

import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/**
 * The queueing-theory answer for a scenario simple enough to have one: one stream, one group of
 * agents who all have its skills, one contact at a time, exponential touch times, no callbacks.
 * Erlang C without patience, Erlang A (Palm) with exponential patience.
 *
 * @param model        "C" or "A"
 * @param asaSeconds   mean wait, abandoned contacts counted until they gave up
 * @param serviceLevel per threshold in seconds ("20", "60"), the share connected within it
 */
public record ClosedForm(String model, double asaSeconds, double waitProbability, Map<String, Double> serviceLevel,
                         double abandonRate) {

    static Optional<ClosedForm> of(Scenario scenario, int[] thresholds) {
        if (!appliesTo(scenario)) {
            return Optional.empty();
        }
        int agents = scenario.agents().getFirst().count();
        Stream stream = scenario.arrivals().getFirst();
        return Optional.of(stream.patienceSeconds() == null ? erlangC(agents, stream, thresholds)
                : erlangA(agents, stream, thresholds));
    }

    /** Whether the scenario is simple enough for Erlang C or A. */
    static boolean appliesTo(Scenario scenario) {
        if (scenario.agents().size() != 1 || scenario.arrivals().size() != 1) {
            return false;
        }
        AgentGroup agents = scenario.agents().getFirst();
        Stream stream = scenario.arrivals().getFirst();
        return stream.touchTimeDistribution() == TouchTime.EXPONENTIAL && stream.callbackShare() == 0
                && agents.capacity().getOrDefault(stream.channel(), 1) == 1 && agents.count() > 0
                && stream.skills().entrySet().stream()
                        .allMatch(need -> agents.skills().getOrDefault(need.getKey(), 0) >= need.getValue());
    }

    private static ClosedForm erlangC(int agents, Stream stream, int[] thresholds) {
        double rate = stream.perSecond();
        double touch = stream.touchTimeSeconds();
        return new ClosedForm("C", Erlang.erlangCMeanWait(agents, rate, touch),
                Erlang.erlangCWaitProbability(agents, rate * touch),
                levels(thresholds, seconds -> Erlang.erlangCServiceLevel(agents, rate, touch, seconds)), 0);
    }

    private static ClosedForm erlangA(int agents, Stream stream, int[] thresholds) {
        double rate = stream.perSecond();
        double touch = stream.touchTimeSeconds();
        double patience = stream.patienceSeconds();
        Erlang.ErlangA a = Erlang.erlangA(agents, rate, touch, patience);
        return new ClosedForm("A", a.meanWaitSeconds(), a.waitProbability(),
                levels(thresholds, seconds -> Erlang.erlangAServiceLevel(agents, rate, touch, patience, seconds)),
                a.abandonRate());
    }

    private static Map<String, Double> levels(int[] thresholds, IntToDoubleFunction level) {
        Map<String, Double> levels = new LinkedHashMap<>();
        for (int seconds : thresholds) {
            levels.put(Integer.toString(seconds), level.applyAsDouble(seconds));
        }
        return levels;
    }
}
