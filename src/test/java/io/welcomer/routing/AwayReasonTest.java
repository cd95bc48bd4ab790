package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.AwayEnded;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Refused;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Away takes a configured reason; "after current" stops new offers now and is away once the last contact ends. */
class AwayReasonTest {

    private final Desk desk = new Desk();

    @Test
    void aReasonThatIsNotConfiguredIsRefusedAndChangesNothing() {
        desk.online("a");

        assertThat(desk.away("a", "nap"), contains(new Refused(Refusal.UNKNOWN_REASON)));
        assertThat(desk.presence("a"), is(Presence.AVAILABLE));
    }

    @Test
    void timeAwayIsCountedPerReason() {
        desk.online("a");
        desk.away("a", "lunch");
        desk.advanceSeconds(1800);

        assertThat(desk.away("a", "training"), contains(new AwayEnded("a", "lunch", Duration.ofSeconds(1800)),
                new PresenceChanged("a", Presence.AWAY, "training")));
        desk.advanceSeconds(600);
        assertThat(desk.available("a"), contains(new AwayEnded("a", "training", Duration.ofSeconds(600)),
                new PresenceChanged("a", Presence.AVAILABLE, null)));
    }

    @Test
    void anAgentSetAwayForMissedOffersHasThatReason() {
        desk.online("a");
        desk.arrive("c1", VOICE);
        desk.tickAfter(desk.rules.offerTimeout());
        desk.advanceSeconds(1);

        assertThat(desk.tickAfter(desk.rules.offerTimeout()),
                hasItem(new PresenceChanged("a", Presence.AWAY, "missed-offers")));
        desk.advanceSeconds(60);
        assertThat(desk.available("a"), hasItem(new AwayEnded("a", "missed-offers", Duration.ofSeconds(60))));
    }

    @Test
    void afterCurrentWithTwoChatsOpenStopsOffersNowAndIsAwayWhenTheLastEnds() {
        desk.online("a", Map.of(), Desk.capacity(CHAT, 3));
        desk.arrive("c1", CHAT);
        desk.accept("a", "c1");
        desk.arrive("c2", CHAT);
        desk.accept("a", "c2");

        assertThat(desk.awayAfterCurrent("a", "lunch"),
                contains(new PresenceChanged("a", Presence.BUSY, "lunch", Presence.AWAY)));
        assertThat(desk.arrive("c3", CHAT), contains(new Decision.Queued("c3", CHAT)));
        assertThat(Desk.only(PresenceChanged.class, desk.complete("a", "c1")), is(empty()));
        assertThat(Desk.only(PresenceChanged.class, desk.complete("a", "c2")),
                contains(new PresenceChanged("a", Presence.AWAY, "lunch")));
        assertThat(desk.position("c3"), is(1));
    }

    @Test
    void afterCurrentWithNothingHeldIsAwayAtOnce() {
        desk.online("a");

        assertThat(desk.awayAfterCurrent("a", "break"), contains(new PresenceChanged("a", Presence.AWAY, "break")));
    }

    @Test
    void availableAgainCancelsAnAwayAfterCurrent() {
        desk.online("a", Map.of(), Desk.capacity(CHAT, 2));
        desk.arrive("c1", CHAT);
        desk.accept("a", "c1");
        desk.awayAfterCurrent("a", "meeting");

        assertThat(desk.available("a"), contains(new PresenceChanged("a", Presence.BUSY, null)));
        assertThat(Desk.only(Decision.Offered.class, desk.arrive("c2", CHAT)), contains(desk.offered("c2", CHAT, "a")));
    }

    @Test
    void afterCurrentWaitsForWrapUpToo() {
        desk.online("a");
        desk.arrive("v1", VOICE);
        desk.accept("a", "v1");
        desk.awayAfterCurrent("a", "break");

        assertThat(Desk.only(PresenceChanged.class, desk.end("a", "v1")), is(empty()));
        assertThat(Desk.only(PresenceChanged.class, desk.complete("a", "v1")),
                contains(new PresenceChanged("a", Presence.AWAY, "break")));
    }
}
