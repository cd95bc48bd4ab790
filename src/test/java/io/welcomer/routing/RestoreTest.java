package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.request;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Command.RestoreContact;
import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.Connected;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.Requeued;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rebuilding the router after a restart from the contacts the store held live. */
class RestoreTest {

    private final Desk desk = new Desk();

    private List<Decision> restore(ContactRequest request, long seq, long arrivedSecondsBefore, ContactState state,
                                   String agentId) {
        Instant arrivedAt = Desk.START.minusSeconds(arrivedSecondsBefore);
        Instant connectedAt = state == ContactState.CONNECTED ? arrivedAt.plusSeconds(5) : null;
        return desk.handle(new RestoreContact(request, seq, arrivedAt, state, agentId, connectedAt, false));
    }

    private void registerAgents() {
        desk.register("a1", Map.of());
        desk.register("a2", Map.of());
    }

    @Test
    void restoredQueuedContactIsSilentAndWaits() {
        registerAgents();

        assertThat(restore(request("q1", VOICE), 7, 60, ContactState.QUEUED, null), is(empty()));
        assertThat(desk.position("q1"), is(1));
        assertThat(desk.router.arrived("q1").orElseThrow().seq(), is(7L));
    }

    @Test
    void restoredOfferedContactIsRequeuedFromItsFormerAgent() {
        registerAgents();

        assertThat(restore(request("o1", VOICE), 7, 60, ContactState.OFFERED, "a1"),
                contains(new Requeued("o1", VOICE, "a1")));
        assertThat(desk.position("o1"), is(1));
        assertThat(desk.view("a1").offeredContactIds(), is(empty()));
    }

    @Test
    void restoredQueuedAndOfferedContactsWaitInTheirOriginalOrder() {
        registerAgents();
        restore(request("s10", VOICE, 50), 10, 300, ContactState.QUEUED, null);
        restore(request("s11", VOICE, 50), 11, 200, ContactState.OFFERED, "a1");
        restore(request("s12", VOICE, 90), 12, 100, ContactState.QUEUED, null);
        restore(request("s13", VOICE, 50), 13, 50, ContactState.QUEUED, null);

        assertThat(desk.position("s12"), is(1));
        assertThat(desk.position("s10"), is(2));
        assertThat(desk.position("s11"), is(3));
        assertThat(desk.position("s13"), is(4));
        assertThat(desk.router.stats().oldestArrival(), equalTo(Desk.START.minusSeconds(300)));
    }

    @Test
    void agentComingBackAfterRestoreIsOfferedRestoredContactsInOrder() {
        desk.register("a1", Map.of(), Desk.capacity(CHAT, 2));
        restore(request("s10", CHAT, 50), 10, 300, ContactState.QUEUED, null);
        restore(request("s11", CHAT, 50), 11, 200, ContactState.OFFERED, "a1");
        restore(request("s12", CHAT, 90), 12, 100, ContactState.QUEUED, null);
        desk.connect("a1");

        var offers = Desk.only(Offered.class, desk.available("a1"));

        assertThat(offers.stream().map(Offered::contactId).toList(), contains("s12", "s10"));
        assertThat(desk.position("s11"), is(1));
    }

    @Test
    void timeToHumanOfARestoredContactCountsFromItsOriginalArrival() {
        registerAgents();
        restore(request("s1", VOICE), 1, 120, ContactState.QUEUED, null);
        desk.connect("a1");
        desk.available("a1");
        desk.advanceSeconds(3);

        assertThat(desk.accept("a1", "s1"), contains(new Connected("s1", VOICE, "a1", Duration.ofSeconds(123)),
                new Decision.Answered("s1", null, null)));
    }

    @Test
    void restoredConnectedContactStaysWithItsAgentWhoCanCompleteIt() {
        registerAgents();

        assertThat(restore(request("k1", VOICE), 3, 100, ContactState.CONNECTED, "a1"), is(empty()));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("k1")));
        assertThat(desk.position("k1"), is(0));

        desk.connect("a1");
        desk.advanceSeconds(60);
        assertThat(desk.tick(), is(empty()));
        assertThat(desk.complete("a1", "k1"), contains(
                new Completed("k1", VOICE, "a1", Desk.RESOLVED, Duration.ofSeconds(155))));
    }

    @Test
    void restoredConnectedContactIsRequeuedIfItsAgentDoesNotReturnWithinTheGrace() {
        registerAgents();
        restore(request("k1", VOICE), 3, 100, ContactState.CONNECTED, "a1");
        desk.connect("a2");
        desk.available("a2");

        List<Decision> decisions = desk.tickAfter(RoutingRules.defaults().reconnectGrace());

        // Connected 95 s before the restart, the leg runs until the agent is given up on.
        assertThat(decisions.subList(0, 2), contains(new Requeued("k1", VOICE, "a1",
                        Duration.ofSeconds(95).plus(RoutingRules.defaults().reconnectGrace())),
                desk.offered("k1", VOICE, "a2")));
    }

    @Test
    void restoredConnectedContactOfAnUnknownAgentWaitsAgain() {
        registerAgents();

        assertThat(restore(request("k1", VOICE), 3, 100, ContactState.CONNECTED, "gone"),
                contains(new Requeued("k1", VOICE, "gone")));
        assertThat(desk.position("k1"), is(1));
    }

    @Test
    void newArrivalAfterRestoreGetsALaterSeqAndQueuesBehindTheRestored() {
        registerAgents();
        restore(request("s41", VOICE), 41, 300, ContactState.QUEUED, null);
        restore(request("s42", VOICE), 42, 200, ContactState.OFFERED, "a2");

        desk.arrive("fresh", VOICE);

        assertThat(desk.router.arrived("fresh").orElseThrow().seq(), greaterThan(42L));
        assertThat(desk.position("fresh"), is(3));
        desk.connect("a1");
        assertThat(Desk.only(Offered.class, desk.available("a1")), contains(desk.offered("s41", VOICE, "a1")));
    }

    @Test
    void restoredEndedContactsAreDropped() {
        registerAgents();

        restore(request("done", VOICE), 5, 100, ContactState.COMPLETED, null);
        restore(request("gone", VOICE), 6, 100, ContactState.ABANDONED, null);

        assertThat(desk.router.stats().waiting(), is(0));
        assertThat(desk.router.arrived("done").isPresent(), is(false));
        assertThat(desk.arrive(request("x", VOICE)).size(), is(1));
        assertThat(desk.router.arrived("x").orElseThrow().seq(), greaterThan(6L));
    }

    @Test
    void aTransferredContactRestoredConnectedKeepsTheTouchTimeOfItsEarlierLegs() {
        registerAgents();
        desk.handle(new RestoreContact(request("t1", VOICE), 7, Desk.START.minusSeconds(120), ContactState.CONNECTED,
                "a1", Desk.START.minusSeconds(10), false, Duration.ofSeconds(65), null));
        desk.connect("a1");
        desk.advanceSeconds(20);

        assertThat(Desk.only(Completed.class, desk.complete("a1", "t1")),
                contains(new Completed("t1", VOICE, "a1", Desk.RESOLVED, Duration.ofSeconds(95))));
    }

    @Test
    void aContactRestoredInWrapUpKeepsItsTouchTimeAndItsWrapUpLimitCountsFromWhenItEnded() {
        Desk limited = new Desk(RoutingRules.defaults().withWrapUpLimits(Map.of(VOICE, Duration.ofSeconds(120))));
        limited.register("a1", Map.of());
        limited.handle(new RestoreContact(request("w1", VOICE), 7, Desk.START.minusSeconds(400), ContactState.WRAPPING,
                "a1", Desk.START.minusSeconds(300), false, Duration.ofSeconds(90), Desk.START.minusSeconds(100)));
        limited.connect("a1");

        assertThat(limited.tickAfter(Duration.ofSeconds(19)), is(empty()));
        assertThat(Desk.only(Completed.class, limited.tickAfter(Duration.ofSeconds(1))), contains(new Completed("w1",
                VOICE, "a1", new Outcome(false, Router.WRAP_UP_EXPIRED, null), Duration.ofSeconds(90),
                Duration.ofSeconds(120))));
    }

    @Test
    void aContactSentColdAndStillWaitingKeepsTheTouchTimeOfItsEarlierLegsAcrossARestart() {
        desk.register("a1", Map.of());
        desk.handle(new RestoreContact(request("t1", VOICE), 7, Desk.START.minusSeconds(120), ContactState.QUEUED,
                null, null, false, Duration.ofSeconds(65), null));
        desk.connect("a1");
        desk.available("a1");
        desk.accept("a1", "t1");
        desk.advanceSeconds(20);

        assertThat(Desk.only(Completed.class, desk.complete("a1", "t1")),
                contains(new Completed("t1", VOICE, "a1", Desk.RESOLVED, Duration.ofSeconds(85))));
    }

    @Test
    void aContactRestoredOfferedAfterEarlierLegsKeepsThemAndSaysSoWhenRequeued() {
        registerAgents();

        assertThat(desk.handle(new RestoreContact(request("o1", VOICE), 7, Desk.START.minusSeconds(120),
                        ContactState.OFFERED, "a1", null, false, Duration.ofSeconds(40), null)),
                contains(new Requeued("o1", VOICE, "a1", Duration.ofSeconds(40))));
    }

    @Test
    void aContactWhoseAgentWasLostIsRequeuedWithItsTouchTimeSoFarForTheStore() {
        desk.online("a1");
        desk.arrive("k1", VOICE);
        desk.accept("a1", "k1");
        desk.advanceSeconds(30);
        desk.disconnect("a1");

        assertThat(Desk.only(Requeued.class, desk.tickAfter(RoutingRules.defaults().reconnectGrace())),
                contains(new Requeued("k1", VOICE, "a1", Duration.ofSeconds(30).plus(RoutingRules.defaults().reconnectGrace()))));
    }
}
