package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.inLine;
import static io.welcomer.routing.Desk.line;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static io.welcomer.routing.LinesTest.WEEKDAYS_8_TO_8;
import static io.welcomer.routing.OpeningHoursTest.at;
import static io.welcomer.routing.OpeningHoursTest.window;
import static java.time.DayOfWeek.MONDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.welcomer.routing.Decision.Refused;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a waiting contact is told: never an invented number. No estimate while its line is
 * closed or nobody signed in could serve it; told when nobody could serve it at all, and when the
 * wait likely runs past the closing.
 */
class HonestWaitTest {

    private final Desk desk = new Desk();

    @Test
    void aClosedLineSaysWhenItOpensAndGivesNoEstimate() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.register("jackie", Map.of());
        desk.connect("jackie");
        desk.tickAt(at("2025-03-03T20:00:00Z"));
        desk.arrive(inLine("c1", VOICE, "billing"));

        assertEquals(new WaitingView(1, null, false, at("2025-03-04T08:00:00Z"), null, true, true, null), view("c1"));
    }

    @Test
    void withNobodySignedInWhoCouldServeThereIsNoEstimate() {
        desk.register("jackie", Map.of());
        desk.arrive("c1", VOICE);

        assertEquals(new WaitingView(1, null, true, null, null, false, true, null), view("c1"));
        // Signed in but away still counts: the estimate is 180 s of touch time over jackie's one slot.
        desk.connect("jackie");
        assertEquals(new WaitingView(1, 180L, true, null, null, true, true, null), view("c1"));
        desk.disconnect("jackie");
        assertNull(view("c1").estimatedWaitSeconds());
    }

    @Test
    void onlySignedInAgentsWhoCouldServeTheContactCount() {
        desk.register("billing-agent", skills("billing", 1));
        desk.register("tech-agent", skills("tech", 5));
        desk.connect("tech-agent");
        desk.arrive(request("c1", VOICE, 50, skills("billing", 3)));

        assertEquals(false, view("c1").staffed());
        desk.connect("billing-agent");
        // Below the minimum now, but relaxing lets any proficiency serve it.
        assertEquals(180L, view("c1").estimatedWaitSeconds());
        desk.register("tech-agent", skills("tech", 5, "billing", 2));
        assertEquals(90L, view("c1").estimatedWaitSeconds());
    }

    @Test
    void aContactNobodyCouldEverServeIsToldSo() {
        desk.online("jackie", skills("billing", 5));
        desk.arrive(request("typo", VOICE, 50, skills("biling", 1)));

        assertEquals(new WaitingView(1, null, true, null, null, false, false, null), view("typo"));
    }

    @Test
    void aRequiredLanguageNobodySpeaksMakesAContactUnservable() {
        desk.handle(new Command.RegisterAgent(new AgentProfile("ana", Map.of(), Map.of(), Set.of("es"))));
        desk.arrive(new ContactRequest("c1", VOICE, "cust", Map.of(), 50, "fr", true));
        desk.arrive(new ContactRequest("c2", VOICE, "cust-2", Map.of(), 50, "fr", false));

        assertEquals(false, view("c1").servable());
        assertEquals(true, view("c2").servable());
    }

    @Test
    void withRejectUnservableAContactNobodyCouldServeIsRefused() {
        Desk strict = new Desk(RoutingRules.defaults().withRejectUnservable(true));
        strict.register("jackie", skills("billing", 5));

        assertEquals(List.of(new Refused(Refusal.UNSERVABLE)), strict.arrive(request("typo", VOICE, 50, skills("biling", 1))));
        assertEquals(List.of(new Decision.Queued("ok", VOICE)), strict.arrive(request("ok", VOICE, 50, skills("billing", 1))));
        assertEquals(1, strict.router.stats().waiting());
    }

    @Test
    void anEstimatePastTheClosingSaysTheWaitLikelyEndsAfterIt() {
        desk.configure(line("billing", Map.of(), WEEKDAYS_8_TO_8));
        desk.register("jackie", Map.of());
        desk.connect("jackie");
        desk.clock.advanceTo(at("2025-03-03T19:55:00Z"));
        desk.arrive(inLine("first", VOICE, "billing"));
        desk.arrive(inLine("second", VOICE, "billing"));

        // 180 s each: the first is likely served by 19:58, the second not before 20:01.
        assertEquals(new WaitingView(1, 180L, true, null, at("2025-03-03T20:00:00Z"), true, true, true), view("first"));
        assertEquals(new WaitingView(2, 360L, true, null, at("2025-03-03T20:00:00Z"), true, true, false), view("second"));
    }

    @Test
    void theMeasuredWaitNeverCountsTimeTheLineWasClosed() {
        OpeningHours lunchBreak = new OpeningHours(ZoneId.of("Europe/London"), List.of(
                window(Set.of(MONDAY), "08:00", "12:00"), window(Set.of(MONDAY), "12:30", "20:00")), List.of());
        desk.configure(line("billing", Map.of(), lunchBreak));
        desk.online("x", Map.of(), Map.of(CHAT, 1));
        desk.clock.advanceTo(at("2025-03-03T11:59:10Z"));
        for (int i = 0; i < 9; i++) {
            desk.arrive(inLine("served-" + i, CHAT, "billing"));
        }
        // One leaves the line every 10 s, the fourth 10 s before the lunch break.
        for (int i = 0; i < 4; i++) {
            desk.accept("x", "served-" + i);
            desk.advanceSeconds(10);
            desk.complete("x", "served-" + i);
        }
        desk.accept("x", "served-4");
        desk.tickAt(at("2025-03-03T12:00:00Z"));
        desk.tickAt(at("2025-03-03T12:30:00Z"));
        // Right at the reopening: 10 s of open time since the last departure, not half an hour.
        desk.complete("x", "served-4");
        desk.accept("x", "served-5");
        desk.advanceSeconds(10);
        desk.complete("x", "served-5");

        // Six gaps of 10 s: the second in line waits about 20 s.
        assertEquals(20L, view("served-8").estimatedWaitSeconds());
    }

    private WaitingView view(String contactId) {
        return desk.router.waiting(contactId).orElseThrow();
    }
}
