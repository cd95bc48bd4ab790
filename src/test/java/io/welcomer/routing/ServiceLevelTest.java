package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.START;
import static io.welcomer.routing.Desk.inLine;
import static io.welcomer.routing.Desk.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.welcomer.routing.Decision.Answered;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A line's service level in virtual time: a contact answered within the line's time of its arrival
 * counts within target, once; today's level is the share of the contacts that ended their wait
 * today (answered or abandoned) that were answered within target.
 */
class ServiceLevelTest {

    private final Desk desk = new Desk();

    private static Line billing(Line.ServiceLevel target) {
        return new Line("billing", "Billing", Set.of(VOICE), Map.of(), null, false, null, target, List.of());
    }

    private void answerAfter(String contactId, long seconds) {
        desk.arrive(inLine(contactId, VOICE, "billing"));
        desk.advanceSeconds(seconds);
        desk.online("agent-" + contactId);
    }

    @Test
    void aContactAnsweredWithinTheLinesTimeCountsWithinTargetAndALaterOneDoesNot() {
        desk.configure(billing(new Line.ServiceLevel(Duration.ofSeconds(20), 0.8)));

        answerAfter("quick", 20);
        assertEquals(List.of(new Answered("quick", "billing", true)), only(Answered.class, desk.accept("agent-quick", "quick")));
        answerAfter("slow", 21);
        assertEquals(List.of(new Answered("slow", "billing", false)), only(Answered.class, desk.accept("agent-slow", "slow")));
        desk.arrive(inLine("gone", VOICE, "billing"));
        assertEquals(List.of(new Decision.Abandoned("gone", VOICE, "billing")), desk.leave("gone"));

        assertEquals(1.0 / 3, desk.router.line("billing").orElseThrow().serviceLevelToday(), 1e-9);
    }

    @Test
    void aContactAnsweredAgainAfterLosingItsAgentIsNotCountedTwice() {
        desk.configure(billing(new Line.ServiceLevel(Duration.ofSeconds(20), 0.8)));
        answerAfter("c1", 5);
        desk.accept("agent-c1", "c1");
        desk.disconnect("agent-c1");
        desk.tickAfter(desk.rules.reconnectGrace());
        desk.online("other");

        assertEquals(List.of(), only(Answered.class, desk.accept("other", "c1")));
        assertEquals(1.0, desk.router.line("billing").orElseThrow().serviceLevelToday(), 1e-9);
    }

    @Test
    void aLineWithoutATargetAnswersWithoutOneAndTodaysLevelStartsAfresh() {
        desk.configure(billing(null));
        answerAfter("c1", 5);
        assertEquals(List.of(new Answered("c1", "billing", null)), only(Answered.class, desk.accept("agent-c1", "c1")));
        assertNull(desk.router.line("billing").orElseThrow().serviceLevelToday(), "no target, no level");

        desk.configure(billing(new Line.ServiceLevel(Duration.ofSeconds(20), 0.8)));
        answerAfter("c2", 1);
        desk.accept("agent-c2", "c2");
        assertEquals(0.5, desk.router.line("billing").orElseThrow().serviceLevelToday(), 1e-9,
                "the answer without a target counted, not within it");

        desk.clock.advanceTo(START.plus(Duration.ofDays(1)));
        assertNull(desk.router.line("billing").orElseThrow().serviceLevelToday(), "a new day, nothing ended yet");
    }

    @Test
    void waitsRestoredFromTheStoreCountForTodayInTheLinesZoneOnly() {
        // New York: 09:00 UTC is 04:00 there, so 03:00 UTC was yesterday there (23:00 local).
        OpeningHours allWeek = new OpeningHours(ZoneId.of("America/New_York"),
                List.of(new OpeningHours.Weekly(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
                List.of());
        desk.configure(new Line("billing", "Billing", Set.of(VOICE), Map.of(), null, false, allWeek,
                new Line.ServiceLevel(Duration.ofSeconds(20), 0.8), List.of()));

        desk.handle(new Command.RestoreWaitEnded("billing", START.minus(Duration.ofHours(6)), true, true));
        desk.handle(new Command.RestoreWaitEnded("billing", START.minus(Duration.ofHours(4)), true, true));
        desk.handle(new Command.RestoreWaitEnded("billing", START.minus(Duration.ofHours(3)), true, false));
        desk.handle(new Command.RestoreWaitEnded("billing", START.minus(Duration.ofHours(1)), false, false));
        desk.handle(new Command.RestoreWaitEnded("gone", START.minus(Duration.ofHours(1)), true, true));

        assertEquals(1.0 / 3, desk.router.line("billing").orElseThrow().serviceLevelToday(), 1e-9,
                "today in New York began at 05:00 UTC: one within target of three ended");
        answerAfter("c1", 1);
        desk.accept("agent-c1", "c1");
        assertEquals(0.5, desk.router.line("billing").orElseThrow().serviceLevelToday(), 1e-9,
                "counting goes on from the restored figures");
    }
}
