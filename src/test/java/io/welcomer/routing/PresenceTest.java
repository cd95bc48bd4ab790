package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.EMAIL;
import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Refused;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presence as ops see it, reported on every change and only on change, and the stats gauges. */
class PresenceTest {

    private final Desk desk = new Desk();

    @Test
    void registeredAgentIsOfflineWithoutAnnouncingIt() {
        assertThat(desk.register("a1", Map.of()), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.OFFLINE));
        assertThat(desk.router.stats().agentsByPresence().get(Presence.OFFLINE), is(1));
    }

    @Test
    void connectingPutsTheAgentAway() {
        desk.register("a1", Map.of());

        assertThat(desk.connect("a1"), contains(new PresenceChanged("a1", Presence.AWAY, null)));
    }

    @Test
    void becomingAvailableWithNothingWaitingMakesTheAgentAvailableSinceNow() {
        desk.register("a1", Map.of());
        desk.connect("a1");
        desk.advanceSeconds(12);

        assertThat(desk.available("a1"), contains(new PresenceChanged("a1", Presence.AVAILABLE, null)));
        assertThat(desk.view("a1").idleSince(), equalTo(desk.now()));
    }

    @Test
    void becomingAvailableWithAContactWaitingGoesStraightToBusy() {
        desk.arrive("c1", VOICE);
        desk.register("a1", Map.of());
        desk.connect("a1");

        assertThat(desk.available("a1"), contains(desk.offered("c1", VOICE, "a1"),
                new PresenceChanged("a1", Presence.BUSY, null)));
        assertThat(desk.view("a1").idleSince(), is(nullValue()));
    }

    @Test
    void sayingAvailableAgainReportsNoChange() {
        desk.online("a1");

        assertThat(desk.available("a1"), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.AVAILABLE));
    }

    @Test
    void acceptingKeepsTheAgentBusyWithoutAnotherPresenceChange() {
        desk.online("a1");
        desk.arrive("c1", VOICE);

        assertThat(Desk.only(PresenceChanged.class, desk.accept("a1", "c1")), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.BUSY));
    }

    @Test
    void steppingAwayCarriesTheReason() {
        desk.online("a1");

        assertThat(desk.away("a1", "lunch"), contains(new PresenceChanged("a1", Presence.AWAY, "lunch")));
        assertThat(desk.away("a1", "lunch"), is(empty()));
    }

    @Test
    void disconnectingMakesTheAgentOffline() {
        desk.online("a1");

        assertThat(desk.disconnect("a1"), contains(new PresenceChanged("a1", Presence.OFFLINE, null)));
        assertThat(desk.disconnect("a1"), is(empty()));
    }

    @Test
    void agentWithoutASessionCannotBecomeAvailableOrStepAway() {
        desk.register("a1", Map.of());

        assertThat(desk.available("a1"), contains(new Refused(Refusal.NOT_CONNECTED)));
        assertThat(desk.away("a1", "x"), contains(new Refused(Refusal.NOT_CONNECTED)));
        assertThat(desk.presence("a1"), is(Presence.OFFLINE));
    }

    @Test
    void reconnectingStartsAwayEvenIfTheAgentWasAvailable() {
        desk.online("a1");
        desk.disconnect("a1");

        assertThat(desk.connect("a1"), contains(new PresenceChanged("a1", Presence.AWAY, null)));
        assertThat(desk.arrive("c1", CHAT), contains(new Decision.Queued("c1", CHAT)));
    }

    @Test
    void statsCountAgentsByPresence() {
        desk.register("offline", Map.of());
        desk.register("away", Map.of());
        desk.connect("away");
        desk.online("busy-1");
        desk.online("busy-2");
        desk.advanceSeconds(1);
        desk.online("available");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        Map<Presence, Integer> counts = desk.router.stats().agentsByPresence();

        assertThat(counts, equalTo(Map.of(Presence.OFFLINE, 1, Presence.AWAY, 1,
                Presence.AVAILABLE, 1, Presence.BUSY, 2)));
        assertThat(desk.presence("available"), is(Presence.AVAILABLE));
    }

    @Test
    void statsFollowAgentsAsTheyChange() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.complete("a1", "c1");
        desk.disconnect("a1");

        assertThat(desk.router.stats().agentsByPresence(), equalTo(Map.of(Presence.OFFLINE, 1, Presence.AWAY, 0,
                Presence.AVAILABLE, 0, Presence.BUSY, 0)));
    }

    @Test
    void statsCountWaitingContactsByChannelAndTheOldestWait() {
        desk.arrive("v1", VOICE);
        desk.advanceSeconds(30);
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.advanceSeconds(15);

        QueueStats stats = desk.router.stats();

        assertThat(stats.waiting(), is(3));
        assertThat(stats.waitingByChannel(), equalTo(Map.of(Channel.VOICE, 1, Channel.CHAT, 2,
                Channel.EMAIL, 0, Channel.VIDEO, 0)));
        assertThat(stats.oldestArrival(), equalTo(Desk.START));
        assertThat(stats.oldestWaitSeconds(desk.now()), is(45L));
    }

    @Test
    void oldestWaitMovesOnWhenTheOldestContactIsOffered() {
        desk.arrive("v1", VOICE);
        desk.advanceSeconds(30);
        desk.arrive("e1", EMAIL);
        desk.advanceSeconds(10);

        desk.online("a1", Map.of(), Desk.capacity(EMAIL, 0));

        assertThat(desk.router.stats().oldestWaitSeconds(desk.now()), is(10L));
        assertThat(desk.router.stats().waitingByChannel().get(VOICE), is(0));
    }

    @Test
    void agentWhoStepsAwayIsOfferedNothingUntilAvailableAgain() {
        desk.online("a1");
        desk.away("a1", "training");

        assertThat(desk.arrive("c1", VOICE), contains(new Decision.Queued("c1", VOICE)));
        assertThat(desk.available("a1"), contains(desk.offered("c1", VOICE, "a1"),
                new Decision.AwayEnded("a1", "training", Duration.ZERO), new PresenceChanged("a1", Presence.BUSY, null)));
    }
}
