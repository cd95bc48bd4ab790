package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.START;
import static io.welcomer.routing.Desk.inLine;
import static io.welcomer.routing.Desk.line;
import static io.welcomer.routing.Desk.only;
import static io.welcomer.routing.Desk.skills;
import static io.welcomer.routing.OpeningHoursTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.routing.Decision.Overflowed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Overflow between lines in virtual time: a centre with a billing team and a general team, where
 * billing contacts waiting a minute (of billing's open time) may go to the general team too.
 */
class OverflowTest {

    private final Desk desk = new Desk();

    /** Billing asks the billing skill; past {@code after} seconds its contacts reach {@code to}. */
    private static Line billing(long after, Line.OverflowStep... steps) {
        Line plain = line("billing", skills("billing", 1), null);
        return new Line(plain.id(), plain.name(), plain.channels(), plain.skills(), null, false, null, null,
                steps.length == 0 ? List.of(new Line.OverflowStep(Duration.ofSeconds(after), null, "general"))
                        : List.of(steps));
    }

    /** A centre whose billing agent is busy and whose general agent gina is free. */
    private void twoTeams(Line billingLine) {
        desk.configure(line("general", skills("general", 1), null));
        desk.configure(billingLine);
        desk.online("bill", skills("billing", 1));
        desk.online("gina", skills("general", 1));
        desk.arrive(inLine("busy", VOICE, "billing"));
        desk.accept("bill", "busy");
    }

    /** The routing decisions, without the presence changes that follow them. */
    private static List<Decision> routed(List<Decision> decisions) {
        return decisions.stream().filter(d -> !(d instanceof Decision.PresenceChanged)).toList();
    }

    @Test
    void billingContactsReachTheGeneralTeamAfterAMinuteAndNotBefore() {
        twoTeams(billing(60));
        assertEquals(List.of(new Decision.Queued("b1", VOICE)), desk.arrive(inLine("b1", VOICE, "billing")));

        assertEquals(List.of(), desk.tickAt(START.plusSeconds(59)));
        assertEquals(1, desk.position("b1"));

        List<Decision> atAMinute = routed(desk.tickAt(START.plusSeconds(60)));
        assertEquals(List.of(new Overflowed("b1", "billing", "general", null, 1), desk.offered("b1", VOICE, "gina")),
                atAMinute);
    }

    @Test
    void aStepNamingSkillsReachesTheAgentsWhoHaveThem() {
        twoTeams(billing(0, new Line.OverflowStep(Duration.ofSeconds(20), skills("loyalty", 2), null),
                new Line.OverflowStep(Duration.ofSeconds(45), skills("general", 1), null)));
        desk.arrive(inLine("b1", VOICE, "billing"));

        assertEquals(List.of(new Overflowed("b1", "billing", null, Map.of("loyalty", 2), 1)),
                desk.tickAt(START.plusSeconds(20)));
        List<Decision> second = routed(desk.tickAt(START.plusSeconds(45)));
        assertEquals(List.of(new Overflowed("b1", "billing", null, Map.of("general", 1), 2),
                desk.offered("b1", VOICE, "gina")), second);
    }

    @Test
    void anOverflowedContactKeepsItsArrivalTimeAmongTheOtherLinesContacts() {
        twoTeams(billing(60));
        desk.arrive(inLine("g0", VOICE, "general"));
        desk.accept("gina", "g0");
        desk.arrive(inLine("g1", VOICE, "general"));
        desk.advanceSeconds(10);
        desk.arrive(inLine("b1", VOICE, "billing"));
        desk.advanceSeconds(10);
        desk.arrive(inLine("g2", VOICE, "general"));

        assertEquals(List.of(new Overflowed("b1", "billing", "general", null, 1)), desk.tickAt(START.plusSeconds(70)));
        // Older than g2, newer than g1: second for gina, whatever line each came by.
        assertEquals(2, desk.position("b1"));

        assertEquals(List.of(desk.offered("g1", VOICE, "gina")), only(Decision.Offered.class, desk.complete("gina", "g0")));
        desk.accept("gina", "g1");
        assertEquals(List.of(desk.offered("b1", VOICE, "gina")), only(Decision.Offered.class, desk.complete("gina", "g1")));
        desk.accept("gina", "b1");
        assertEquals(List.of(desk.offered("g2", VOICE, "gina")), only(Decision.Offered.class, desk.complete("gina", "b1")));
    }

    @Test
    void anOverflowedContactIsToldItsPlaceAndWaitAmongTheAgentsItReached() {
        desk.configure(line("general", skills("general", 1), null));
        desk.configure(billing(60));
        desk.register("bill", skills("billing", 1));
        desk.online("gina", skills("general", 1));
        desk.arrive(inLine("g0", VOICE, "general"));
        desk.accept("gina", "g0");
        desk.arrive(inLine("g1", VOICE, "general"));
        desk.arrive(inLine("b1", VOICE, "billing"));

        WaitingView before = desk.router.waiting("b1").orElseThrow();
        assertEquals(new WaitingView(1, null, true, null, null, false, true, null), before);

        desk.tickAt(START.plusSeconds(60));

        // Behind g1 for gina, one slot: twice the prior touch time of 180 s.
        assertEquals(new WaitingView(2, 360L, true, null, null, true, true, null), desk.router.waiting("b1").orElseThrow());
    }

    @Test
    void overflowWaitsOnlyThroughOpenTime() {
        desk.configure(line("general", skills("general", 1), null));
        Line plain = billing(30);
        desk.configure(new Line(plain.id(), plain.name(), plain.channels(), plain.skills(), null, false,
                LinesTest.WEEKDAYS_8_TO_8, null, plain.overflow()));
        desk.online("bill", skills("billing", 1));
        desk.online("gina", skills("general", 1));
        desk.clock.advanceTo(at("2025-03-03T19:59:50Z"));
        desk.arrive(inLine("busy", VOICE, "billing"));
        desk.accept("bill", "busy");
        desk.arrive(inLine("b1", VOICE, "billing"));

        // Ten seconds open before the close; the night does not count.
        assertEquals(List.of(new Decision.LineClosed("billing", at("2025-03-04T08:00:00Z"))),
                desk.tickAt(at("2025-03-03T20:00:00Z")));
        assertEquals(List.of(new Decision.LineOpened("billing", at("2025-03-04T20:00:00Z"))),
                desk.tickAt(at("2025-03-04T08:00:00Z")));
        assertEquals(List.of(), desk.tickAt(at("2025-03-04T08:00:19Z")));
        List<Decision> overflowed = routed(desk.tickAt(at("2025-03-04T08:00:20Z")));
        assertEquals(List.of(new Overflowed("b1", "billing", "general", null, 1), desk.offered("b1", VOICE, "gina")),
                overflowed);
    }

    @Test
    void aColdTransferLeavesTheOverflowBehind() {
        twoTeams(billing(60));
        desk.arrive(inLine("b1", VOICE, "billing"));
        desk.complete("bill", "busy");
        desk.accept("bill", "b1");
        desk.advanceSeconds(10);
        desk.coldTransfer("bill", "b1", skills("billing", 1), null);
        desk.away("bill", "break");

        // Waiting again in no line: a minute on, still only billing agents may take it.
        List<Decision> later = desk.tickAt(START.plusSeconds(130));
        assertEquals(List.of(), only(Overflowed.class, later));
        assertEquals(List.of(), only(Decision.Offered.class, later));
        assertEquals(Presence.AVAILABLE, desk.presence("gina"));
    }

    @Test
    void newHoursCountTheWaitAsOpenOnlyWhereTheySayTheLineIsOpen() {
        Line plain = billing(300);
        twoTeams(new Line(plain.id(), plain.name(), plain.channels(), plain.skills(), null, false,
                mondayUtc("09:00", "10:00"), null, plain.overflow()));
        desk.clock.advanceTo(at("2025-03-03T09:30:00Z"));
        desk.arrive(inLine("b1", VOICE, "billing"));
        desk.clock.advanceTo(at("2025-03-03T09:34:00Z"));

        // Open still, but closed from 09:31 to 09:32 by the new hours: three minutes of open time so far.
        List<Decision> configured = desk.configure(new Line(plain.id(), plain.name(), plain.channels(), plain.skills(),
                null, false, mondayUtc("09:00", "09:31", "09:32", "10:00"), null, plain.overflow()));
        assertEquals(List.of(), only(Overflowed.class, configured));
        assertEquals(List.of(), only(Overflowed.class, desk.tickAt(at("2025-03-03T09:35:59Z"))));
        List<Decision> atFiveMinutes = routed(desk.tickAt(at("2025-03-03T09:36:00Z")));
        assertEquals(List.of(new Overflowed("b1", "billing", "general", null, 1), desk.offered("b1", VOICE, "gina")),
                atFiveMinutes);
    }

    @Test
    void aLineConfiguredAgainWhileClosedTakesAStepAwayAtOnceAndAnnouncesItWhenEarnedAgain() {
        Line plain = billing(60);
        OpeningHours hours = mondayUtc("09:00", "09:10", "09:20", "10:00");
        twoTeams(new Line(plain.id(), plain.name(), plain.channels(), plain.skills(), null, false, hours, null,
                plain.overflow()));
        desk.away("gina", "break");
        desk.clock.advanceTo(at("2025-03-03T09:05:00Z"));
        desk.arrive(inLine("b1", VOICE, "billing"));
        assertEquals(List.of(new Overflowed("b1", "billing", "general", null, 1)),
                only(Overflowed.class, desk.tickAt(at("2025-03-03T09:06:00Z"))));
        desk.tickAt(at("2025-03-03T09:10:00Z"));

        // Five minutes of open time: too few for a first step after 400 s, enough for one after 60 s.
        desk.clock.advanceTo(at("2025-03-03T09:12:00Z"));
        assertEquals(List.of(), only(Overflowed.class, desk.configure(new Line(plain.id(), plain.name(), plain.channels(),
                plain.skills(), null, false, hours, null,
                List.of(new Line.OverflowStep(Duration.ofSeconds(400), null, "general"))))));
        assertEquals(List.of(new Overflowed("b1", "billing", null, Map.of("loyalty", 1), 1)),
                only(Overflowed.class, desk.configure(new Line(plain.id(), plain.name(), plain.channels(),
                        plain.skills(), null, false, hours, null,
                        List.of(new Line.OverflowStep(Duration.ofSeconds(60), skills("loyalty", 1), null))))));
    }

    /** Mondays in UTC, open from each time to the next given. */
    private static OpeningHours mondayUtc(String... times) {
        List<OpeningHours.Weekly> windows = new ArrayList<>();
        for (int i = 0; i < times.length; i += 2) {
            windows.add(new OpeningHours.Weekly(Set.of(DayOfWeek.MONDAY),
                    LocalTime.parse(times[i]), LocalTime.parse(times[i + 1])));
        }
        return new OpeningHours(ZoneOffset.UTC, windows, List.of());
    }
}
