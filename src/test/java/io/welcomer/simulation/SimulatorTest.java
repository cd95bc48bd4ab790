package io.welcomer.simulation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.welcomer.routing.Channel;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's promises beyond agreeing with Erlang: determinism, callbacks, skills, honest waits. */
class SimulatorTest {

    private static final RoutingRules RULES = RoutingRules.defaults();

    @Test
    void theSameSeedGivesTheSameAnswerBitForBit() {
        Scenario scenario = Scenarios.voice(42, 300, 10, 170, 180, 240.0);

        SimulationResult first = Simulator.run(scenario, RULES);
        SimulationResult second = Simulator.run(scenario, RULES);
        SimulationResult otherSeed = Simulator.run(Scenarios.voice(43, 300, 10, 170, 180, 240.0), RULES);

        assertEquals(first, second);
        assertEquals(Double.doubleToRawLongBits(first.asaSeconds()), Double.doubleToRawLongBits(second.asaSeconds()));
        assertNotEquals(first, otherSeed);
    }

    @Test
    void callbacksKeepCustomersWhoWouldHaveGivenUp() {
        SimulationResult withoutCallbacks = Simulator.run(callbackScenario(0), RULES);
        SimulationResult halfCallBack = Simulator.run(callbackScenario(0.5), RULES);

        // Half of those who wait hang up to be called back and never give up: fewer are lost, and
        // since they stay in line, those behind them wait longer on average.
        assertThat(halfCallBack.abandonRate(), lessThan(withoutCallbacks.abandonRate()));
        assertThat(halfCallBack.asaSeconds(), greaterThan(withoutCallbacks.asaSeconds()));
        assertNull(halfCallBack.erlang(), "no closed form with callbacks");
    }

    @Test
    void agentsSkilledForBothLinesServeBetterThanTwoSeparateTeams() {
        Stream billing = stream("billing");
        Stream tech = stream("tech");
        Scenario separate = new Scenario(5, 1000, 2, List.of(
                new AgentGroup(8, Map.of("billing", 3), Map.of()),
                new AgentGroup(8, Map.of("tech", 3), Map.of())), List.of(billing, tech));
        Scenario pooled = new Scenario(5, 1000, 2, List.of(
                new AgentGroup(16, Map.of("billing", 3, "tech", 3), Map.of())), List.of(billing, tech));

        SimulationResult apart = Simulator.run(separate, RULES);
        SimulationResult together = Simulator.run(pooled, RULES);

        // Pooling: the same 16 agents and load, but nobody idles while the other line waits.
        assertThat(together.asaSeconds(), lessThan(apart.asaSeconds() * 0.7));
        assertThat(together.waitProbability(), lessThan(apart.waitProbability()));
        assertEquals(apart.occupancy(), together.occupancy(), 0.02);
        assertNull(together.erlang(), "two streams have no closed form");
    }

    @Test
    void theEstimatedWaitIsNearTheFloorThatRandomTouchTimesAllow() {
        SimulationResult result = Simulator.run(Scenarios.voice(3, 3000, 10, 170, 180, null), RULES);

        // At 85% occupancy with exponential touch times even a perfect mean estimate is off by
        // about 28% of the mean wait (the spread of a sum of exponential gaps); measured here: ~30%.
        assertThat(result.estimateErrorSeconds(), lessThan(0.33 * result.asaSeconds()));
        assertThat(result.estimateErrorSeconds(), greaterThan(0.25 * result.asaSeconds()));
    }

    @Test
    void aCentreThatCannotKeepUpStopsInsteadOfGrowingWithoutEnd() {
        Scenario overloaded = Scenarios.voice(1, 1000, 2, 200, 180, null);

        assertThrows(OverloadedException.class, () -> Simulator.run(overloaded, RULES));
    }

    @Test
    void contactsNobodyIsSkilledForWaitUntilTheCentreIsOverloaded() {
        Scenario unskilled = new Scenario(1, 1000, 0, List.of(Scenarios.billingAgents(5)),
                List.of(new Stream(Channel.VOICE, 3600, Map.of("tech", 1), 0, 60, TouchTime.FIXED, 0, null, 0)));

        assertThrows(OverloadedException.class, () -> Simulator.run(unskilled, RULES));
    }

    private static Scenario callbackScenario(double callbackShare) {
        return new Scenario(11, 1000, 2, List.of(Scenarios.billingAgents(10)),
                List.of(Scenarios.billingCalls(190, 180, TouchTime.EXPONENTIAL, 120.0, callbackShare)));
    }

    private static Stream stream(String skill) {
        return new Stream(Channel.CHAT, 140, Map.of(skill, 1), 0, 180, TouchTime.LOGNORMAL, 0.8, null, 0);
    }
}
