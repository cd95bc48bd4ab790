package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Arrival order and arrival time agree, so records read by time come in arrival order: the time
 * never runs backwards, even when the clock does, and a restart resumes after the newest stored
 * contact in both.
 */
class ArrivalOrderTest {

    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final InstantSource clock = now::get;
    private final Router router = new Router(RoutingRules.defaults(), clock);

    @Test
    void aContactArrivingWhileTheClockStepsBackTakesTheLatestTimeGiven() {
        router.handle(new Command.ArriveContact(Desk.request("first", VOICE)));
        now.set(START.minusSeconds(5));
        router.handle(new Command.ArriveContact(Desk.request("second", VOICE)));
        now.set(START.plusSeconds(1));
        router.handle(new Command.ArriveContact(Desk.request("third", VOICE)));

        assertThat(router.arrived("first").orElseThrow(), is(new Arrived(1, START)));
        assertThat(router.arrived("second").orElseThrow(), is(new Arrived(2, START)));
        assertThat(router.arrived("third").orElseThrow(), is(new Arrived(3, START.plusSeconds(1))));
    }

    @Test
    void afterARestartArrivalsComeAfterTheNewestStoredContactInPlaceAndTime() {
        Instant storedLast = START.plus(Duration.ofMinutes(2));
        router.handle(new Command.ResumeArrivals(41, storedLast));
        router.handle(new Command.ArriveContact(Desk.request("next", VOICE)));

        assertThat(router.arrived("next").orElseThrow(), is(new Arrived(42, storedLast)));
        now.set(START.plus(Duration.ofMinutes(3)));
        router.handle(new Command.ArriveContact(Desk.request("later", VOICE)));
        assertThat(router.arrived("later").orElseThrow(), is(new Arrived(43, START.plus(Duration.ofMinutes(3)))));
    }

    @Test
    void aFollowUpFallingDueArrivesInTheSameOrder() {
        Desk desk = new Desk();
        desk.online("a");
        desk.arrive("call", VOICE);
        desk.accept("a", "call");
        desk.followUp("a", "call", "later", desk.now().plus(Duration.ofHours(1)));
        desk.complete("a", "call");
        desk.tickAfter(Duration.ofHours(1));

        assertThat(desk.router.arrived("later").orElseThrow(), is(new Arrived(2, Desk.START.plus(Duration.ofHours(1)))));
    }
}
