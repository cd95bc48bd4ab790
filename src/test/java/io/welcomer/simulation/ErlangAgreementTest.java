package io.welcomer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.welcomer.routing.RoutingRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real router, simulated, against queueing theory: 10 agents, 3-minute exponential calls, loads
 * from half to 95% occupancy, with enough simulated hours for the bounds to hold (a lightly loaded
 * centre needs more: its rare waits make a noisy mean).
 */
class ErlangAgreementTest {

    @ParameterizedTest(name = "Erlang C at occupancy {0}")
    @CsvSource({"0.50, 20000", "0.70, 10000", "0.85, 6000", "0.95, 20000"})
    void theSimulationAgreesWithErlangC(double occupancy, double hours) {
        SimulationResult result = simulate(occupancy, hours, null);

        ClosedForm erlang = result.erlang();
        assertNotNull(erlang);
        assertEquals("C", erlang.model());
        assertEquals(erlang.waitProbability(), result.waitProbability(), 0.02, "P(wait)");
        assertEquals(erlang.asaSeconds(), result.asaSeconds(), 0.05 * erlang.asaSeconds(), "mean wait");
        assertEquals(0, result.abandonRate());
        assertEquals(occupancy, result.occupancy(), 0.01, "occupancy");
        assertEquals(erlang.serviceLevel().get("20"), result.serviceLevel().get("20"), 0.02, "service level 20 s");
    }

    @ParameterizedTest(name = "Erlang A at offered load {0} x agents")
    @CsvSource({"0.50, 10000", "0.85, 6000", "1.00, 4000", "1.20, 4000"})
    void theSimulationAgreesWithErlangA(double loadPerAgent, double hours) {
        SimulationResult result = simulate(loadPerAgent, hours, 180.0);

        ClosedForm erlang = result.erlang();
        assertNotNull(erlang);
        assertEquals("A", erlang.model());
        assertEquals(erlang.waitProbability(), result.waitProbability(), 0.02, "P(wait)");
        assertEquals(erlang.asaSeconds(), result.asaSeconds(), 0.05 * erlang.asaSeconds(), "mean wait");
        assertEquals(erlang.abandonRate(), result.abandonRate(), 0.01, "abandonment");
        assertEquals(erlang.serviceLevel().get("20"), result.serviceLevel().get("20"), 0.02, "service level 20 s");
    }

    private static SimulationResult simulate(double loadPerAgent, double hours, Double patience) {
        int agents = 10;
        double perHour = loadPerAgent * agents * 3600 / 180;
        return Simulator.run(Scenarios.voice(7, hours, agents, perHour, 180, patience), RoutingRules.defaults());
    }
}
