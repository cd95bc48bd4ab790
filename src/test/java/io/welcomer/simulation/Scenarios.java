package io.welcomer.simulation;

import io.welcomer.routing.Channel;
import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import java.util.List;
import java.util.Map;

/** Scenarios for the tests: one voice stream needing billing, served by one group of agents. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario voice(long seed, double hours, int agents, double perHour, double touchSeconds, Double patience) {
        return new Scenario(seed, hours, 2, List.of(billingAgents(agents)),
                List.of(billingCalls(perHour, touchSeconds, TouchTime.EXPONENTIAL, patience, 0)));
    }

    static AgentGroup billingAgents(int count) {
        return new AgentGroup(count, Map.of("billing", 3), Map.of(Channel.VOICE, 1));
    }

    static Stream billingCalls(double perHour, double touchSeconds, TouchTime distribution, Double patience,
                               double callbackShare) {
        return new Stream(Channel.VOICE, perHour, Map.of("billing", 1), 0, touchSeconds, distribution, 1.0, patience,
                callbackShare);
    }
}
