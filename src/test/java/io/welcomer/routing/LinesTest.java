package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.EMAIL;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.inLine;
import static io.welcomer.routing.Desk.line;
import static io.welcomer.routing.Desk.only;
import static io.welcomer.routing.Desk.skills;
import static io.welcomer.routing.OpeningHoursTest.at;
import static io.welcomer.routing.OpeningHoursTest.window;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.routing.Decision.Refused;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Configured lines in virtual time: nothing in a closed line is offered, its contacts keep their
 * places through the night, and at the opening they are offered in line order. The run starts on
 * Monday 2025-03-03 at 09:00 in London (GMT, so UTC).
 */
class LinesTest {

    static final OpeningHours WEEKDAYS_8_TO_8 = new OpeningHours(ZoneId.of("Europe/London"),
            List.of(window(Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "08:00", "20:00")), List.of());

    private final Desk desk = new Desk();

    @Test
    void aContactPostedASecondBeforeTheCloseIsOfferedLikeAnyOther() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.online("jackie");
        desk.clock.advanceTo(at("2025-03-03T19:59:59Z"));

        assertEquals(List.of(desk.offered("c1", VOICE, "jackie")),
                only(Decision.Offered.class, desk.arrive(inLine("c1", VOICE, "billing"))));
    }

    @Test
    void aContactPostedAtTheCloseWaitsForTheOpening() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.online("jackie");

        assertEquals(List.of(new Decision.LineClosed("billing", at("2025-03-04T08:00:00Z"))),
                desk.tickAt(at("2025-03-03T20:00:00Z")));
        assertEquals(List.of(new Decision.Queued("c1", VOICE)), desk.arrive(inLine("c1", VOICE, "billing")));
        assertEquals(Presence.AVAILABLE, desk.presence("jackie"));
    }

    @Test
    void contactsWaitingThroughTheNightAreOfferedFirstAtTheOpeningInArrivalOrder() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(inLine("first", VOICE, "billing"));
        desk.advanceSeconds(600);
        desk.arrive(inLine("second", CHAT, "billing"));
        desk.arrive(inLine("third", VOICE, "billing"));
        desk.online("early", Map.of(), Map.of(CHAT, 3));
        desk.online("later");
        assertEquals(List.of(), only(Decision.Offered.class, desk.tickAfter(Duration.ofHours(6))));

        List<Decision> opening = desk.tickAt(at("2025-03-04T08:00:00Z"));

        assertEquals(new Decision.LineOpened("billing", at("2025-03-04T20:00:00Z")), opening.getFirst());
        // The first in line goes to the agent idle longest, the second to the other: the third waits.
        assertEquals(List.of(desk.offered("first", VOICE, "early"), desk.offered("second", CHAT, "later")),
                only(Decision.Offered.class, opening));
        assertEquals(1, desk.position("third"));
    }

    @Test
    void atTheOpeningTheCustomersLastAgentIsOfferedItFirst() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.online("jackie");
        desk.arrive(new ContactRequest("earlier", VOICE, "cust-42", Map.of(), 50, null, false, "billing"));
        desk.accept("jackie", "earlier");
        desk.online("sam");
        desk.advanceSeconds(60);
        desk.complete("jackie", "earlier");
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(new ContactRequest("back", VOICE, "cust-42", Map.of(), 50, null, false, "billing"));

        List<Decision> opening = desk.tickAt(at("2025-03-04T08:00:00Z"));

        // Sam has been free longest, but cust-42 met jackie yesterday.
        assertEquals(List.of(desk.offered("back", VOICE, "jackie")), only(Decision.Offered.class, opening));
    }

    @Test
    void aCallbackKeepsItsPlaceAcrossTheNight() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(inLine("caller", VOICE, "billing"));
        desk.handle(new Command.RequestCallback("caller", null));
        desk.arrive(inLine("later", VOICE, "billing"));
        desk.online("jackie");

        List<Decision> opening = desk.tickAt(at("2025-03-04T08:00:00Z"));

        assertEquals(List.of(desk.offered("caller", VOICE, "jackie")), only(Decision.Offered.class, opening));
        assertEquals(1, desk.position("later"));
    }

    @Test
    void aFreedAgentIsOfferedNothingFromAClosedLineButStillServesOpenOnes() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.online("jackie");
        desk.arrive(inLine("busy", VOICE, "billing"));
        desk.accept("jackie", "busy");
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(inLine("closed-line", VOICE, "billing"));
        desk.arrive("implicit-line", VOICE);

        assertEquals(List.of(desk.offered("implicit-line", VOICE, "jackie")),
                only(Decision.Offered.class, desk.complete("jackie", "busy")));
        assertEquals(1, desk.position("closed-line"));
    }

    @Test
    void aContactWhoseOfferIsRejectedAfterTheCloseWaitsForTheOpening() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.online("jackie");
        desk.online("sam");
        desk.clock.advanceTo(at("2025-03-03T19:59:59Z"));
        String agent = only(Decision.Offered.class, desk.arrive(inLine("late", VOICE, "billing"))).getFirst().agentId();
        desk.tickAt(at("2025-03-03T20:00:00Z"));

        List<Decision> rejected = desk.reject(agent, "late");

        assertEquals(List.of(), only(Decision.Offered.class, rejected));
        assertEquals(1, desk.position("late"));
    }

    @Test
    void aContactMovedToAnAgentWhileItsLineIsClosedIsOfferedToThatAgentAtTheOpening() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(inLine("c1", VOICE, "billing"));
        desk.online("sam");
        desk.online("jackie");
        desk.clock.advanceTo(at("2025-03-04T07:55:00Z"));

        List<Decision> moved = desk.move("c1", "jackie", "lead");
        assertEquals(List.of(new Decision.Moved("c1", VOICE, null, new MoveTarget.ToAgent("jackie"), "lead")), moved);
        List<Decision> opening = desk.tickAt(at("2025-03-04T08:00:00Z"));

        // Sam has been free longer; the supervisor chose jackie.
        assertEquals(List.of(desk.offered("c1", VOICE, "jackie")), only(Decision.Offered.class, opening));
    }

    @Test
    void aHolidayKeepsTheLineClosedUntilTheNextWorkingDay() {
        OpeningHours christmas = new OpeningHours(ZoneId.of("Europe/London"), WEEKDAYS_8_TO_8.weekly(),
                List.of(OpeningHours.Dated.closed(LocalDate.parse("2025-03-04"))));
        desk.configure(line("billing", Map.of(), christmas));

        assertEquals(List.of(new Decision.LineClosed("billing", at("2025-03-05T08:00:00Z"))),
                desk.tickAt(at("2025-03-03T20:00:00Z")));
        assertEquals(List.of(), desk.tickAt(at("2025-03-04T08:00:00Z")));
        assertEquals(List.of(new Decision.LineOpened("billing", at("2025-03-05T20:00:00Z"))),
                desk.tickAt(at("2025-03-05T08:00:00Z")));
    }

    @Test
    void theLineClosesAtTheSecondOneThirtyOnTheNightTheClocksGoBack() {
        OpeningHours night = new OpeningHours(ZoneId.of("Europe/London"),
                List.of(window(Set.of(SUNDAY), "00:30", "01:30")), List.of());
        desk.configure(line("night", Map.of(), night));

        assertEquals(List.of(new Decision.LineOpened("night", at("2025-10-26T01:30:00Z"))),
                desk.tickAt(at("2025-10-25T23:30:00Z")));
        assertEquals(List.of(), desk.tickAt(at("2025-10-26T00:30:00Z")));
        assertEquals(List.of(new Decision.LineClosed("night", at("2025-11-02T00:30:00Z"))),
                desk.tickAt(at("2025-10-26T01:30:00Z")));
    }

    @Test
    void changingALinesHoursToOpenItOffersItsWaitingContacts() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(inLine("first", CHAT, "billing"));
        desk.arrive(inLine("second", CHAT, "billing"));
        desk.online("jackie", Map.of(), Map.of(CHAT, 2));

        List<Decision> reopened = desk.configure(line("billing", Map.of(), null));

        assertEquals(new Decision.LineConfigured(line("billing", Map.of(), null), true, null), reopened.getFirst());
        assertEquals(List.of(desk.offered("first", CHAT, "jackie"), desk.offered("second", CHAT, "jackie")),
                only(Decision.Offered.class, reopened));
        desk.accept("jackie", "first");
        desk.accept("jackie", "second");
        // The deadline set for the old hours' opening finds nothing to do.
        assertEquals(List.of(), desk.tickAt(at("2025-03-04T08:00:00Z")));
    }

    @Test
    void aLineGivesItsSkillsAndTheContactsOwnSkillsAddToThem() {
        desk.configure(line("billing", skills("billing", 3), null));
        desk.online("junior", skills("billing", 1, "refunds", 5));
        desk.online("no-refunds", skills("billing", 5));

        List<Decision> arrived = desk.arrive(new ContactRequest("c1", VOICE, "cust", skills("refunds", 2, "billing", 1),
                50, null, false, "billing"));

        // billing at 3 (the line's higher minimum) and refunds at 2: nobody has both now.
        assertEquals(List.of(new Decision.Queued("c1", VOICE)), arrived);
        desk.online("senior", skills("billing", 4, "refunds", 2));
        assertEquals(Presence.BUSY, desk.presence("senior"));
    }

    @Test
    void theContactsLanguageComesFirstAndEitherRequirementHolds() {
        desk.configure(new Line("spanish", "Spanish", Set.of(VOICE), Map.of(), "es", true, null, null, List.of()));
        desk.handle(new Command.RegisterAgent(new AgentProfile("ana", Map.of(), Map.of(), Set.of("es"))));
        desk.handle(new Command.RegisterAgent(new AgentProfile("bob", Map.of(), Map.of(), Set.of("en"))));
        desk.connect("ana");
        desk.available("ana");

        // The customer says English: that is who they need, and the line's requirement holds it.
        assertEquals(List.of(new Decision.Queued("own-language", VOICE)), desk.arrive(new ContactRequest(
                "own-language", VOICE, "cust", Map.of(), 50, "en", false, "spanish")));
        desk.tickAfter(Duration.ofMinutes(5));
        assertEquals(Presence.AVAILABLE, desk.presence("ana"));
        assertEquals(List.of(desk.offered("line-language", VOICE, "ana")),
                only(Decision.Offered.class, desk.arrive(inLine("line-language", VOICE, "spanish"))));
        desk.connect("bob");
        assertEquals(List.of(desk.offered("own-language", VOICE, "bob")),
                only(Decision.Offered.class, desk.available("bob")));
    }

    @Test
    void changingALinesSkillsAppliesToTheContactsWaitingInIt() {
        desk.configure(line("billing", skills("billing", 5), null));
        desk.online("junior", skills("billing", 1));
        desk.arrive(inLine("c1", VOICE, "billing"));

        assertEquals(List.of(desk.offered("c1", VOICE, "junior")),
                only(Decision.Offered.class, desk.configure(line("billing", skills("billing", 1), null))));
    }

    @Test
    void aContactWhoseLineNowAsksASkillRelaxesLikeAnyOther() {
        desk.configure(line("billing", Map.of(), null));
        desk.register("junior", skills("billing", 1));
        desk.connect("junior");
        desk.arrive(inLine("c1", VOICE, "billing"));
        desk.configure(line("billing", skills("billing", 5), null));

        assertEquals(List.of(), only(Decision.Offered.class, desk.available("junior")));
        List<Decision> relaxed = desk.tickAfter(desk.rules.relaxAfter());
        assertEquals(List.of(desk.offered("c1", VOICE, "junior")), only(Decision.Offered.class, relaxed));
    }

    @Test
    void aContactNamingAnUnknownLineOrAChannelItDoesNotTakeIsRefused() {
        desk.configure(line("billing", Map.of(), null));

        assertEquals(List.of(new Refused(Refusal.UNKNOWN_LINE)), desk.arrive(inLine("c1", VOICE, "biling")));
        assertEquals(List.of(new Refused(Refusal.CHANNEL_NOT_TAKEN)), desk.arrive(inLine("c2", EMAIL, "billing")));
        assertEquals(0, desk.router.stats().waiting());
    }

    @Test
    void aLineWithContactsInItCannotBeRemoved() {
        desk.configure(line("billing", Map.of(), null));
        desk.online("jackie");
        desk.arrive(inLine("c1", VOICE, "billing"));

        assertEquals(List.of(new Refused(Refusal.LINE_NOT_EMPTY)), desk.removeLine("billing"));
        desk.accept("jackie", "c1");
        assertEquals(List.of(new Refused(Refusal.LINE_NOT_EMPTY)), desk.removeLine("billing"));
        desk.complete("jackie", "c1");
        assertEquals(List.of(new Decision.LineRemoved("billing")), desk.removeLine("billing"));
        assertEquals(List.of(new Refused(Refusal.UNKNOWN_LINE)), desk.removeLine("billing"));
    }

    @Test
    void overflowNamesConfiguredLinesAndNeverLeadsBack() {
        desk.configure(line("general", Map.of(), null));
        Line billing = withOverflow("billing", "general");

        assertEquals(List.of(new Refused(Refusal.UNKNOWN_OVERFLOW_LINE)), desk.configure(withOverflow("tech", "nobody")));
        assertEquals(Decision.LineConfigured.class, desk.configure(billing).getFirst().getClass());
        assertEquals(List.of(new Refused(Refusal.OVERFLOW_CYCLE)), desk.configure(withOverflow("general", "billing")));
        assertEquals(List.of(new Refused(Refusal.LINE_OVERFLOWED_INTO)), desk.removeLine("general"));
        assertEquals(List.of(line("general", Map.of(), null), billing),
                Line.targetsFirst(List.of(billing, line("general", Map.of(), null))));
    }

    private static Line withOverflow(String id, String target) {
        return new Line(id, id, Set.of(VOICE), Map.of(), null, false, null, new Line.ServiceLevel(Duration.ofSeconds(20), 0.8),
                List.of(new Line.OverflowStep(Duration.ofSeconds(60), null, target)));
    }
}
