package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.Connected;
import io.welcomer.routing.Decision.OfferRevoked;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Requeued;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An agent's session drops: offers move on at once, connected contacts wait out the grace. */
class DisconnectTest {

    private final Desk desk = new Desk(RoutingRules.defaults());

    /** a1 (idle longest) holds a connected voice contact c1; a2 is available. */
    private void a1ConnectedToC1WithA2Free() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.advanceSeconds(2);
        desk.accept("a1", "c1");
        desk.online("a2");
    }

    @Test
    void disconnectRevokesOffersAsAgentGoneAndReRoutesThemAtOnce() {
        desk.online("a1");
        desk.advanceSeconds(1);
        desk.online("a2");
        desk.arrive("c1", VOICE);

        List<Decision> decisions = desk.disconnect("a1");

        assertThat(decisions.subList(0, 3), contains(
                new OfferRevoked("c1", "a1", RevokeReason.AGENT_GONE),
                new Requeued("c1", VOICE, "a1"),
                desk.offered("c1", VOICE, "a2")));
        assertThat(decisions, hasItem(new PresenceChanged("a1", Presence.OFFLINE, null)));
        assertThat(desk.view("a1").offeredContactIds(), is(empty()));
    }

    @Test
    void disconnectWithNobodyElseFreeLeavesTheContactWaitingInItsPlace() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        desk.disconnect("a1");

        assertThat(desk.position("c1"), is(1));
        assertThat(desk.position("c2"), is(2));
    }

    @Test
    void revokedChatOffersAreAllReRouted() {
        desk.online("a1", Map.of(), capacity(CHAT, 2));
        desk.arrive("c1", CHAT);
        desk.arrive("c2", CHAT);
        desk.online("a2", Map.of(), capacity(CHAT, 2));

        List<Decision> decisions = desk.disconnect("a1");

        assertThat(Desk.only(Offered.class, decisions), contains(
                desk.offered("c1", CHAT, "a2"), desk.offered("c2", CHAT, "a2")));
    }

    @Test
    void connectedContactsStayWithTheDisconnectedAgent() {
        a1ConnectedToC1WithA2Free();

        List<Decision> decisions = desk.disconnect("a1");

        assertThat(decisions, contains(new PresenceChanged("a1", Presence.OFFLINE, null)));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(desk.view("a2").offeredContactIds(), is(empty()));
    }

    @Test
    void tickingAtEachReportedDeadlineReachesTheGraceExpiryWithoutPassingIt() {
        a1ConnectedToC1WithA2Free();
        desk.disconnect("a1");
        Instant graceEnds = desk.now().plusSeconds(30);

        // Stale deadlines (the accepted offer's expiry) may be reported first; they must be harmless.
        for (int ticks = 0; !desk.router.nextDeadline().equals(Optional.of(graceEnds)); ticks++) {
            Instant due = desk.router.nextDeadline().orElseThrow();
            assertThat(due.isBefore(graceEnds) && ticks < 5, is(true));
            desk.advanceSeconds(Math.max(0, Duration.between(desk.now(), due).toSeconds()));
            assertThat(desk.tick(), is(empty()));
        }
        desk.clock.advance(Duration.between(desk.now(), graceEnds));
        assertThat(Desk.only(Requeued.class, desk.tick()), contains(new Requeued("c1", VOICE, "a1", Duration.ofSeconds(30))));
    }

    @Test
    void reconnectingWithinTheGraceKeepsConnectedContacts() {
        a1ConnectedToC1WithA2Free();
        desk.disconnect("a1");
        desk.advanceSeconds(29);
        desk.connect("a1");

        assertThat(desk.tickAfter(Duration.ofMinutes(5)), is(empty()));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(desk.presence("a1"), is(Presence.AWAY));
        assertThat(Desk.only(Completed.class, desk.complete("a1", "c1")).size(), is(1));
    }

    @Test
    void reconnectedAgentHoldingAVoiceContactGetsNoNewOffersWhenAvailable() {
        a1ConnectedToC1WithA2Free();
        desk.disconnect("a1");
        desk.connect("a1");
        desk.arrive("c2", VOICE);
        desk.arrive("c3", CHAT);

        assertThat(desk.available("a1"), contains(new PresenceChanged("a1", Presence.BUSY, null)));
    }

    @Test
    void afterTheGraceATickRequeuesConnectedContactsAndOffersThemToAnotherAgent() {
        a1ConnectedToC1WithA2Free();
        desk.disconnect("a1");

        assertThat(desk.tickAfter(Duration.ofSeconds(29)), is(empty()));
        List<Decision> decisions = desk.tickAfter(Duration.ofSeconds(1));

        assertThat(decisions.subList(0, 2), contains(
                new Requeued("c1", VOICE, "a1", Duration.ofSeconds(30)),
                desk.offered("c1", VOICE, "a2")));
        assertThat(desk.view("a1").connectedContactIds(), is(empty()));
        assertThat(desk.accept("a2", "c1"), contains(new Connected("c1", VOICE, "a2", Duration.ofSeconds(32))));
    }

    @Test
    void afterTheGraceWithNobodyFreeTheContactWaitsAtTheFrontByArrival() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.advanceSeconds(1);
        desk.arrive("c2", VOICE);
        desk.disconnect("a1");

        desk.tickAfter(Duration.ofSeconds(30));

        assertThat(desk.position("c1"), is(1));
        assertThat(desk.position("c2"), is(2));
    }

    @Test
    void graceFromAnEarlierSessionDoesNotEndALaterOne() {
        a1ConnectedToC1WithA2Free();
        desk.disconnect("a1");
        desk.advanceSeconds(10);
        desk.connect("a1");
        desk.advanceSeconds(10);
        desk.disconnect("a1");

        assertThat(desk.tickAfter(Duration.ofSeconds(10)), is(empty()));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(Desk.only(Requeued.class, desk.tickAfter(Duration.ofSeconds(20))),
                contains(new Requeued("c1", VOICE, "a1", Duration.ofSeconds(50))));
    }

    @Test
    void contactCompletedDuringTheGraceIsNotRequeuedAfterIt() {
        a1ConnectedToC1WithA2Free();
        desk.disconnect("a1");
        desk.complete("a1", "c1");

        assertThat(desk.tickAfter(Duration.ofSeconds(30)), is(empty()));
    }

    /**
     * The customer of a connected contact hung up, then the agent's session dropped and never came
     * back. Once the grace ends nobody is on the line: the contact must not wait for, or be offered
     * to, another agent.
     */
    @Test
    void contactWhoseCustomerLeftIsNotRequeuedToAnotherAgentAfterTheGrace() {
        a1ConnectedToC1WithA2Free();
        desk.leave("c1");
        desk.disconnect("a1");

        List<Decision> decisions = desk.tickAfter(Duration.ofSeconds(30));

        assertThat(Desk.only(Offered.class, decisions), is(empty()));
        assertThat(desk.view("a2").offeredContactIds(), is(empty()));
        assertThat(desk.position("c1"), is(0));
    }
}
