package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.welcomer.routing.Decision.Abandoned;
import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.CustomerLeft;
import io.welcomer.routing.Decision.OfferRevoked;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Refused;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer hangs up or closes the chat at each stage of a contact's life. */
class CustomerLeaveTest {

    private final Desk desk = new Desk();

    @Test
    void waitingCustomerWhoLeavesIsAbandonedAndLeavesTheLine() {
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        assertThat(desk.leave("c1"), contains(new Abandoned("c1", VOICE)));
        assertThat(desk.position("c1"), is(0));
        assertThat(desk.position("c2"), is(1));
        assertThat(desk.router.stats().waiting(), is(1));
    }

    @Test
    void abandonedContactIsNeverOfferedLater() {
        desk.arrive("c1", VOICE);
        desk.leave("c1");

        assertThat(desk.online("a1"), contains(new PresenceChanged("a1", Presence.AVAILABLE, null)));
    }

    @Test
    void offeredCustomerWhoLeavesRevokesTheOfferAndTheAgentGetsTheNextContact() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        assertThat(desk.leave("c1"), contains(
                new OfferRevoked("c1", "a1", RevokeReason.ABANDONED),
                new Abandoned("c1", VOICE),
                desk.offered("c2", VOICE, "a1")));
        assertThat(desk.view("a1").offeredContactIds(), equalTo(List.of("c2")));
    }

    @Test
    void offeredCustomerWhoLeavesWithNothingWaitingMakesTheAgentAvailableAgain() {
        desk.online("a1");
        desk.arrive("c1", CHAT);
        desk.advanceSeconds(4);

        assertThat(desk.leave("c1"), contains(
                new OfferRevoked("c1", "a1", RevokeReason.ABANDONED),
                new Abandoned("c1", CHAT),
                new PresenceChanged("a1", Presence.AVAILABLE, null)));
        assertThat(desk.view("a1").idleSince(), equalTo(desk.now()));
    }

    @Test
    void abandonedOfferDoesNotLaterTimeOutAgainstTheAgent() {
        desk.online("a1");
        desk.arrive("c1", CHAT);
        desk.leave("c1");
        desk.arrive("c2", CHAT);
        desk.leave("c2");

        assertThat(desk.tickAfter(Duration.ofMinutes(5)), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.AVAILABLE));
    }

    @Test
    void connectedCustomerWhoLeavesIsReportedAndTheContactStillCompletesNormally() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.advanceSeconds(20);

        assertThat(desk.leave("c1"), contains(new CustomerLeft("c1", "a1")));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(desk.presence("a1"), is(Presence.BUSY));

        desk.advanceSeconds(40);
        assertThat(desk.complete("a1", "c1"), contains(
                new Completed("c1", VOICE, "a1", Desk.RESOLVED, Duration.ofSeconds(60)),
                new PresenceChanged("a1", Presence.AVAILABLE, null)));
    }

    @Test
    void connectedCustomerLeavingTwiceIsReportedOnce() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.leave("c1");

        assertThat(desk.leave("c1"), is(empty()));
    }

    @Test
    void leavingAnUnknownContactIsRefused() {
        assertThat(desk.leave("nobody"), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
    }

    @Test
    void lastWaitingCustomerLeavingClearsTheOldestWait() {
        desk.arrive("c1", VOICE);
        desk.advanceSeconds(30);
        desk.leave("c1");

        assertThat(desk.router.stats().oldestArrival(), is(nullValue()));
        assertThat(desk.router.stats().oldestWaitSeconds(desk.now()), is(0L));
    }
}
