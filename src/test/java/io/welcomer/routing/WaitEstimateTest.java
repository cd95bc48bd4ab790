package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimated wait follows the measured rate at which waiting contacts reach agents. */
class WaitEstimateTest {

    private final Desk desk = new Desk();

    @Test
    void withEnoughRecentConnectionsTheWaitIsPositionOverTheirRate() {
        serveOneEveryTenSeconds(VOICE, 6);
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);
        desk.arrive("c", VOICE);

        // Six connections in the last 60 s: one every 10 s, so the third in line waits about 30 s.
        assertThat(desk.router.waiting("a").orElseThrow().estimatedWaitSeconds(), is(10L));
        assertThat(desk.router.waiting("c").orElseThrow().estimatedWaitSeconds(), is(30L));
    }

    @Test
    void theEstimateMovesWithTheQueue() {
        serveOneEveryTenSeconds(VOICE, 6);
        desk.arrive("a", VOICE);
        desk.arrive("b", VOICE);
        desk.leave("a");

        assertThat(desk.router.waiting("b").orElseThrow().estimatedWaitSeconds(), is(10L));
    }

    @Test
    void connectionsOlderThanTheWindowNoLongerCountAndThePriorTakesOver() {
        serveOneEveryTenSeconds(VOICE, 6);
        desk.register("y", Map.of());
        desk.connect("y");
        desk.advanceSeconds(WaitEstimator.WINDOW.toSeconds() + 60);
        desk.arrive("a", VOICE);

        // The prior: position 1 x the measured 10 s touch time / the voice slots of x and y.
        assertThat(desk.router.waiting("a").orElseThrow().estimatedWaitSeconds(), is(5L));
    }

    @Test
    void anotherChannelsRateDoesNotCount() {
        serveOneEveryTenSeconds(CHAT, 6);
        desk.arrive("a", VOICE);

        // No voice history: the prior of 180 s touch time over x's one voice slot.
        assertThat(desk.router.waiting("a").orElseThrow().estimatedWaitSeconds(), is(180L));
    }

    /** Agent x serves contacts one by one with a 10 s touch time, so one connects every 10 s. */
    private void serveOneEveryTenSeconds(Channel channel, int count) {
        desk.online("x");
        for (int i = 0; i < count; i++) {
            desk.arrive(Desk.request("served-" + i, channel));
            desk.accept("x", "served-" + i);
            desk.advanceSeconds(10);
            desk.complete("x", "served-" + i);
        }
        desk.away("x", "break");
    }
}
