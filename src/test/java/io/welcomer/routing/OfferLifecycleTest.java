package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.Connected;
import io.welcomer.routing.Decision.OfferRevoked;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.Refused;
import io.welcomer.routing.Decision.Requeued;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offer, accept, complete and reject, and refusals that change nothing. */
class OfferLifecycleTest {

    private final Desk desk = new Desk();

    @Test
    void acceptConnectsWithTimeToHumanFromArrivalToAccept() {
        desk.arrive("c1", VOICE);
        desk.advanceSeconds(40);
        desk.online("a1");
        desk.advanceSeconds(5);

        assertThat(desk.accept("a1", "c1"), contains(new Connected("c1", VOICE, "a1", Duration.ofSeconds(45)),
                new Decision.Answered("c1", null, null)));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(desk.view("a1").offeredContactIds(), is(empty()));
        assertThat(desk.presence("a1"), is(Presence.BUSY));
    }

    @Test
    void completeReportsTouchTimeFromAcceptToCompleteAndFreesTheAgent() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.advanceSeconds(3);
        desk.accept("a1", "c1");
        desk.advanceSeconds(300);

        assertThat(desk.complete("a1", "c1"), contains(
                new Completed("c1", VOICE, "a1", Desk.RESOLVED, Duration.ofSeconds(300)),
                new PresenceChanged("a1", Presence.AVAILABLE, null)));
        assertThat(desk.view("a1").connectedContactIds(), is(empty()));
    }

    @Test
    void completedContactIsGoneForGood() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.complete("a1", "c1");

        assertThat(desk.complete("a1", "c1"), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertThat(desk.leave("c1"), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertThat(desk.router.arrived("c1").isPresent(), is(false));
    }

    @Test
    void agentCannotAcceptAnotherAgentsOfferAndTheOfferStands() {
        desk.online("a1");
        desk.online("a2");
        desk.arrive("c1", VOICE);
        String holder = desk.view("a1").offeredContactIds().isEmpty() ? "a2" : "a1";
        String other = holder.equals("a1") ? "a2" : "a1";

        assertThat(desk.accept(other, "c1"), contains(new Refused(Refusal.NOT_YOUR_OFFER)));
        assertThat(desk.view(holder).offeredContactIds(), equalTo(List.of("c1")));
        assertThat(desk.view(other).offeredContactIds(), is(empty()));
        assertThat(desk.presence(other), is(Presence.AVAILABLE));
        assertThat(Desk.only(Connected.class, desk.accept(holder, "c1")).size(), is(1));
    }

    @Test
    void agentCannotCompleteAnotherAgentsContactAndItStaysConnected() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");
        desk.online("a2");

        assertThat(desk.complete("a2", "c1"), contains(new Refused(Refusal.NOT_YOUR_CONTACT)));
        assertThat(desk.view("a1").connectedContactIds(), equalTo(List.of("c1")));
        assertThat(Desk.only(Completed.class, desk.complete("a1", "c1")).size(), is(1));
    }

    @Test
    void agentCannotRejectAnotherAgentsOffer() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.online("a2");

        assertThat(desk.reject("a2", "c1"), contains(new Refused(Refusal.NOT_YOUR_OFFER)));
        assertThat(desk.view("a1").offeredContactIds(), equalTo(List.of("c1")));
    }

    @Test
    void offerCannotBeCompletedBeforeItIsAccepted() {
        desk.online("a1");
        desk.arrive("c1", VOICE);

        assertThat(desk.complete("a1", "c1"), contains(new Refused(Refusal.NOT_YOUR_CONTACT)));
        assertThat(desk.view("a1").offeredContactIds(), equalTo(List.of("c1")));
    }

    @Test
    void acceptingTwiceIsRefusedTheSecondTime() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.accept("a1", "c1");

        assertThat(desk.accept("a1", "c1"), contains(new Refused(Refusal.NOT_YOUR_OFFER)));
    }

    @Test
    void commandsNamingUnknownAgentsOrContactsAreRefused() {
        desk.online("a1");

        assertThat(desk.accept("ghost", "c1"), contains(new Refused(Refusal.UNKNOWN_AGENT)));
        assertThat(desk.accept("a1", "nope"), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertThat(desk.complete("ghost", "nope"), contains(new Refused(Refusal.UNKNOWN_AGENT)));
        assertThat(desk.available("ghost"), contains(new Refused(Refusal.UNKNOWN_AGENT)));
    }

    @Test
    void secondArrivalWithALiveContactIdIsRefusedAndTheFirstKeepsItsPlace() {
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        assertThat(desk.arrive(Desk.request("c1", VOICE, 100)), contains(new Refused(Refusal.DUPLICATE_CONTACT)));
        assertThat(desk.position("c1"), is(1));
        assertThat(desk.router.stats().waiting(), is(2));
    }

    @Test
    void rejectedContactIsReRoutedToAnotherEligibleFreeAgent() {
        desk.online("a1");
        desk.advanceSeconds(1);
        desk.online("a2");
        desk.arrive("c1", VOICE);

        List<Decision> decisions = desk.reject("a1", "c1");

        assertThat(decisions.subList(0, 3), contains(
                new OfferRevoked("c1", "a1", RevokeReason.REJECTED),
                new Requeued("c1", VOICE, "a1"),
                desk.offered("c1", VOICE, "a2")));
        assertThat(Desk.only(PresenceChanged.class, decisions), containsInAnyOrder(
                new PresenceChanged("a1", Presence.AVAILABLE, null),
                new PresenceChanged("a2", Presence.BUSY, null)));
    }

    @Test
    void rejectedContactComesBackToTheRejecterWhenNobodyElseIsFreeOrWaiting() {
        desk.online("a1");
        desk.arrive("c1", VOICE);

        List<Decision> decisions = desk.reject("a1", "c1");

        // Nobody else can take it and nothing else waits: a free agent never idles while it waits.
        assertThat(decisions, contains(
                new OfferRevoked("c1", "a1", RevokeReason.REJECTED),
                new Requeued("c1", VOICE, "a1"),
                desk.offered("c1", VOICE, "a1")));
    }

    @Test
    void rejecterIsOfferedTheNextWaitingContactInstead() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);

        assertThat(Desk.only(Offered.class, desk.reject("a1", "c1")), contains(desk.offered("c2", VOICE, "a1")));
        assertThat(desk.position("c1"), is(1));
    }

    @Test
    void rejectedContactGoesToTheNextAgentThatBecomesAvailable() {
        desk.online("a1");
        desk.arrive("c1", VOICE);
        desk.arrive("c2", VOICE);
        desk.reject("a1", "c1");

        assertThat(Desk.only(Offered.class, desk.online("a2")), contains(desk.offered("c1", VOICE, "a2")));
    }
}
