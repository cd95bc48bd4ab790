package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.welcomer.routing.Decision.Connected;
import io.welcomer.routing.Decision.OfferRevoked;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Requeued;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Offers that nobody answers: expiry on Tick, requeue in place, and agents set away. */
class TimeoutTest {

    private final Desk desk = new Desk(RoutingRules.defaults().withOfferTimeout(Duration.ofSeconds(20)));

    @Test
    void nextDeadlineIsEmptyUntilAnOfferIsMadeThenReportsItsExpiry() {
        desk.online("a1");
        assertThat(desk.router.nextDeadline(), is(Optional.empty()));

        desk.advanceSeconds(3);
        desk.arrive("c1", VOICE);

        assertThat(desk.router.nextDeadline(), is(Optional.of(Desk.START.plusSeconds(23))));
    }

    @Test
    void offerCarriesItsExpiryTimeFromTheRules() {
        desk.online("a1");

        var offer = Desk.only(Offered.class, desk.arrive("c1", VOICE)).get(0);

        assertThat(offer.expiresAt(), equalTo(desk.now().plusSeconds(20)));
    }

    @Test
    void tickBeforeTheOfferExpiresChangesNothing() {
        desk.online("a1");
        desk.arrive("c1", VOICE);

        assertThat(desk.tickAfter(Duration.ofMillis(19_999)), is(empty()));
        assertThat(desk.view("a1").offeredContactIds(), equalTo(List.of("c1")));
    }

    @Test
    void tickAtTheExpiryRevokesTheOfferForTimeoutAndOffersItAfresh() {
        desk.online("a1");
        desk.arrive("c1", VOICE);

        List<Decision> decisions = desk.tickAfter(Duration.ofSeconds(20));

        // Nobody else is free and nothing else waits, so it is offered to a1 again, afresh.
        assertThat(decisions, contains(
                new OfferRevoked("c1", "a1", RevokeReason.TIMEOUT),
                new Requeued("c1", VOICE, "a1"),
                desk.offered("c1", VOICE, "a1")));
    }

    @Test
    void timedOutContactIsOfferedToAnotherFreeAgentAtOnce() {
        desk.online("a1");
        desk.advanceSeconds(1);
        desk.online("a2");
        desk.arrive("c1", VOICE);

        List<Decision> decisions = desk.tickAfter(Duration.ofSeconds(20));

        assertThat(Desk.only(Offered.class, decisions), contains(desk.offered("c1", VOICE, "a2")));
    }

    @Test
    void timedOutContactKeepsItsPlaceAheadOfLaterArrivals() {
        desk.online("a1");
        desk.arrive("early", VOICE);
        desk.advanceSeconds(5);
        desk.arrive("middle", VOICE);
        desk.arrive("late", VOICE);

        desk.tickAfter(Duration.ofSeconds(15));

        assertThat(desk.view("a1").offeredContactIds(), equalTo(List.of("middle")));
        assertThat(desk.position("early"), is(1));
        assertThat(desk.position("late"), is(2));
        assertThat(Desk.only(Offered.class, desk.online("a2")), contains(desk.offered("early", VOICE, "a2")));
    }

    @Test
    void acceptedOfferNeverTimesOut() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.advanceSeconds(19);
        desk.accept("a1", "c1");

        assertThat(desk.tickAfter(Duration.ofMinutes(10)), is(empty()));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
    }

    @Test
    void agentIsSetAwayForMissedOffersAfterTheMaximumConsecutiveTimeouts() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        List<Decision> first = desk.tickAfter(Duration.ofSeconds(20));
        assertThat(Desk.only(Offered.class, first), contains(desk.offered("c2", VOICE, "a1")));
        assertThat(desk.presence("a1"), is(Presence.BUSY));

        List<Decision> second = desk.tickAfter(Duration.ofSeconds(20));
        assertThat(second, hasItem(new PresenceChanged("a1", Presence.AWAY, "missed-offers")));
        assertThat(Desk.only(Offered.class, second), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.AWAY));
        assertThat(desk.position("c1"), is(1));
        assertThat(desk.position("c2"), is(2));
    }

    @Test
    void agentSetAwayForMissedOffersGetsNothingUntilItIsAvailableAgain() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);
        desk.tickAfter(Duration.ofSeconds(20));
        desk.tickAfter(Duration.ofSeconds(20));

        assertThat(desk.arrive("c3", VOICE), contains(new Decision.Queued("c3", VOICE)));
        assertThat(Desk.only(Offered.class, desk.available("a1")), contains(desk.offered("c1", VOICE, "a1")));
    }

    @Test
    void acceptingAnOfferResetsTheMissedOfferCount() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);
        desk.tickAfter(Duration.ofSeconds(20));
        assertThat(Desk.only(Connected.class, desk.accept("a1", "c2")).size(), is(1));
        desk.complete("a1", "c2");

        List<Decision> timeout = desk.tickAfter(Duration.ofSeconds(20));

        assertThat(timeout, hasItem(new OfferRevoked("c1", "a1", RevokeReason.TIMEOUT)));
        assertThat(timeout, not(hasItem(new PresenceChanged("a1", Presence.AWAY, "missed-offers"))));
        // Still taking contacts: c1 is offered to it again rather than set away.
        assertThat(desk.presence("a1"), is(Presence.BUSY));
    }

    @Test
    void anAgentSetAwayForMissedOffersLosesItsOtherOffersToo() {
        desk.online("a1", Map.of(), capacity(CHAT, 3));
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.arrive("c3", CHAT);

        List<Decision> decisions = desk.tickAfter(Duration.ofSeconds(20));

        // The second miss sets a1 away, and its remaining offers go back in line at once.
        assertThat(Desk.only(OfferRevoked.class, decisions), hasItems(
                new OfferRevoked("c1", "a1", RevokeReason.TIMEOUT),
                new OfferRevoked("c2", "a1", RevokeReason.TIMEOUT),
                new OfferRevoked("c3", "a1", RevokeReason.AGENT_GONE)));
        assertThat(desk.presence("a1"), is(Presence.AWAY));
        assertThat(desk.view("a1").offeredContactIds(), is(empty()));
        assertThat(desk.router.stats().waiting(), is(3));
    }

    @Test
    void reOfferedContactGetsAFreshExpiry() {
        desk.online("a1");
        desk.advanceSeconds(1);
        desk.online("a2");
        desk.arrive("c1", VOICE);
        desk.advanceSeconds(20);
        desk.tick();

        assertThat(desk.router.nextDeadline(), is(Optional.of(desk.now().plusSeconds(20))));
        assertThat(desk.tickAfter(Duration.ofSeconds(19)), is(empty()));
        assertThat(desk.view("a2").offeredContactIds(), equalTo(List.of("c1")));
    }
}
