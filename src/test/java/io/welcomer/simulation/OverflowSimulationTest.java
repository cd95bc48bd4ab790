package io.welcomer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.routing.Channel;
import io.welcomer.routing.Line;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Overflow planned with the real router, against theory. Billing calls (8 Erlangs: 96 an hour of
 * 300 s) reach a pool of billing agents; after 20 s of waiting they may also go to a small general
 * pool. With overflow the service level at 60 s must lie between Erlang C for the billing pool
 * alone (the general pool never helps) and Erlang C for both pools as one (it always does).
 */
class OverflowSimulationTest {

    private static final double PER_HOUR = 96;
    private static final double TOUCH_SECONDS = 300;
    private static final RoutingRules RULES = RoutingRules.defaults();

    private static Scenario centre(int billingAgents, int generalAgents, boolean overflow) {
        List<AgentGroup> agents = new ArrayList<>(List.of(
                new AgentGroup(billingAgents, Map.of("billing", 3), Map.of(Channel.VOICE, 1))));
        if (generalAgents > 0) {
            agents.add(new AgentGroup(generalAgents, Map.of("general", 3), Map.of(Channel.VOICE, 1)));
        }
        Line general = new Line("general", "General", Set.of(Channel.VOICE), Map.of("general", 1), null, false, null,
                null, List.of());
        Line billing = new Line("billing", "Billing", Set.of(Channel.VOICE), Map.of("billing", 1), null, false, null,
                new Line.ServiceLevel(Duration.ofSeconds(60), 0.8),
                overflow ? List.of(new Line.OverflowStep(Duration.ofSeconds(20), null, "general")) : List.of());
        Stream calls = new Stream(Channel.VOICE, PER_HOUR, Map.of(), 0, TOUCH_SECONDS, TouchTime.EXPONENTIAL, 1.0, null,
                0, "billing");
        return new Scenario(7, 400, 2, agents, List.of(calls), List.of(billing, general));
    }

    private static double serviceLevelAt60(Scenario scenario) {
        return Simulator.run(scenario, RULES).serviceLevel().get("60");
    }

    private static double erlangC(int agents) {
        return Erlang.erlangCServiceLevel(agents, PER_HOUR / 3600, TOUCH_SECONDS, 60);
    }

    @Test
    void overflowToASecondPoolLiesBetweenErlangCForTheFirstPoolAloneAndForBothPooled() {
        double alone = erlangC(9);
        double pooled = erlangC(12);
        double simulatedAlone = serviceLevelAt60(centre(9, 3, false));
        double simulatedOverflow = serviceLevelAt60(centre(9, 3, true));

        assertEquals(alone, simulatedAlone, 0.03, "without overflow the general pool never helps: Erlang C for 9");
        assertTrue(alone < simulatedOverflow && simulatedOverflow < pooled, String.format(
                "Erlang C 9 alone %.4f < simulated with overflow %.4f < Erlang C 12 pooled %.4f (simulated alone %.4f)",
                alone, simulatedOverflow, pooled, simulatedAlone));
    }

    @Test
    void staffingForEightyPercentInSixtySecondsNeedsFewerBillingAgentsWithOverflow() {
        int without = fewestBillingAgents(0, false);
        int with = fewestBillingAgents(2, true);

        assertEquals(Erlang.agentsForServiceLevel(PER_HOUR / 3600, TOUCH_SECONDS, 60, 0.8), without,
                "without overflow the simulator staffs as Erlang C does");
        assertTrue(with < without, "with two general agents taking billing calls after 20 s: " + with
                + " billing agents, against " + without + " without");
    }

    /** The fewest billing agents (beside these general agents) that answer 80% within 60 s. */
    private static int fewestBillingAgents(int generalAgents, boolean overflow) {
        for (int agents = 1; ; agents++) {
            // Below the load the billing pool alone cannot keep up: only overflow can make it stable.
            if (agents + generalAgents <= PER_HOUR * TOUCH_SECONDS / 3600) {
                continue;
            }
            if (serviceLevelAt60(centre(agents, generalAgents, overflow)) >= 0.8) {
                return agents;
            }
        }
    }
}
