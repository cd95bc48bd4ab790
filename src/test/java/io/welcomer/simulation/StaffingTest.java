package io.welcomer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.routing.Channel;
import io.welcomer.routing.RoutingRules;
import io.welcomer.simulation.Scenario.AgentGroup;
import io.welcomer.simulation.Scenario.Stream;
import io.welcomer.simulation.Staffing.Answer;
import io.welcomer.simulation.Staffing.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staffing answers the smallest count that meets a target, confirmed by the real router. */
class StaffingTest {

    private static final RoutingRules RULES = RoutingRules.defaults();

    @Test
    void eightyPercentInTwentySecondsAt360CallsAnHourOfThreeMinutesTakes22Agents() {
        Scenario scenario = Scenarios.voice(1, 500, 1, 360, 180, null);
        Target.ServiceLevel target = new Target.ServiceLevel(20, 0.8);

        Answer answer = Staffing.find(scenario, target, RULES);

        assertEquals(22, answer.erlangAgents());
        assertEquals(22, answer.agents());
        assertTrue(target.metBy(answer.atAgents()));
        assertFalse(target.metBy(answer.oneFewer()));
    }

    @Test
    void aServiceLevelAtAnotherThresholdIsMeasuredThere() {
        Scenario scenario = Scenarios.voice(2, 500, 1, 360, 180, null);
        Target.ServiceLevel target = new Target.ServiceLevel(45, 0.9);

        Answer answer = Staffing.find(scenario, target, RULES);

        assertTrue(answer.atAgents().serviceLevel().containsKey("45"));
        assertTrue(target.metBy(answer.atAgents()));
        assertFalse(target.metBy(answer.oneFewer()));
        assertEquals(answer.erlangAgents(), answer.agents(), 1);
    }

    @Test
    void aMaximumAbandonRateWithImpatientCustomersFollowsErlangA() {
        Scenario scenario = Scenarios.voice(3, 500, 1, 360, 180, 120.0);
        Target.MaxAbandonRate target = new Target.MaxAbandonRate(0.03);

        Answer answer = Staffing.find(scenario, target, RULES);

        assertEquals(Erlang.agentsForAbandonRate(0.1, 180, 120, 0.03), answer.erlangAgents());
        assertEquals(answer.erlangAgents(), answer.agents(), 1);
        assertTrue(target.metBy(answer.atAgents()));
        assertFalse(target.metBy(answer.oneFewer()));
    }

    @Test
    void withoutAClosedFormTheSearchStartsFromTheLoadAndStillConfirmsBothSides() {
        Stream billing = new Stream(Channel.CHAT, 200, Map.of("billing", 1), 0, 300, TouchTime.LOGNORMAL, 0.6, null, 0);
        Stream tech = new Stream(Channel.CHAT, 100, Map.of("tech", 1), 0, 600, TouchTime.LOGNORMAL, 0.6, null, 0);
        Scenario scenario = new Scenario(4, 300, 2, List.of(new AgentGroup(1, Map.of("billing", 3, "tech", 3),
                Map.of(Channel.CHAT, 2))), List.of(billing, tech));
        Target.ServiceLevel target = new Target.ServiceLevel(60, 0.9);

        Answer answer = Staffing.find(scenario, target, RULES);

        assertNull(answer.erlangAgents());
        assertTrue(target.metBy(answer.atAgents()));
        assertFalse(answer.oneFewer() != null && target.metBy(answer.oneFewer()));
    }

    @Test
    void aTargetNoCountCanMeetIsSaidSo() {
        // Contacts need a skill the profile lacks: no number of these agents serves them.
        Scenario scenario = new Scenario(5, 10, 0, List.of(Scenarios.billingAgents(1)),
                List.of(new Stream(Channel.VOICE, 36, Map.of("tech", 1), 0, 60, TouchTime.FIXED, 0, null, 0)));

        assertThrows(TargetOutOfReachException.class,
                () -> Staffing.find(scenario, new Target.ServiceLevel(20, 0.8), RULES));
    }
}
