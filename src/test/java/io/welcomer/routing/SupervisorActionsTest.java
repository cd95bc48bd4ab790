package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.capacity;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.welcomer.routing.Decision.CallbackArranged;
import io.welcomer.routing.Decision.Moved;
import io.welcomer.routing.Decision.OfferRevoked;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.PresenceChanged;
import io.welcomer.routing.Decision.PriorityChanged;
import io.welcomer.routing.Decision.Refused;
import io.welcomer.routing.Decision.Requeued;
import io.welcomer.routing.Decision.RevokeReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A supervisor's actions are routing commands: an agent set away or signed out, a contact moved or re-prioritised. */
class SupervisorActionsTest {

    private static final String LEAD = "floor-lead";

    private final Desk desk = new Desk();

    @Test
    void aBusyAgentSetAwayAfterCurrentTakesNothingNewAndIsAwayWhenItCompletes() {
        desk.online("a");
        desk.arrive("c1", VOICE);
        desk.accept("a", "c1");

        assertThat(desk.sendAway("a", "meeting", true, LEAD),
                contains(new PresenceChanged("a", Presence.BUSY, "meeting", Presence.AWAY, LEAD)));
        desk.online("b");
        assertThat(desk.arrive("c2", VOICE), contains(desk.offered("c2", VOICE, "b"),
                new PresenceChanged("b", Presence.BUSY, null)));
        assertThat(Desk.only(PresenceChanged.class, desk.complete("a", "c1")),
                contains(new PresenceChanged("a", Presence.AWAY, "meeting", null, LEAD)));
    }

    @Test
    void awayNowKeepsTheAgentsContactsAndItsOwnAvailableEndsWhatTheSupervisorSaid() {
        desk.online("a", Map.of(), capacity(CHAT, 2));
        desk.arrive("c1", CHAT);
        desk.accept("a", "c1");

        assertThat(desk.sendAway("a", "training", false, LEAD),
                contains(new PresenceChanged("a", Presence.AWAY, "training", null, LEAD)));
        assertThat(desk.view("a").connectedContactIds(), contains("c1"));
        assertThat(desk.arrive("c2", CHAT), contains(new Decision.Queued("c2", CHAT)));
        assertThat(Desk.only(PresenceChanged.class, desk.available("a")),
                contains(new PresenceChanged("a", Presence.BUSY, null)));
    }

    @Test
    void awayIsRefusedForAnAgentNotSignedInOrAReasonNotConfigured() {
        desk.register("a", Map.of());
        assertThat(desk.sendAway("a", "meeting", false, LEAD), contains(new Refused(Refusal.NOT_CONNECTED)));
        desk.connect("a");
        desk.available("a");
        assertThat(desk.sendAway("a", "nap", false, LEAD), contains(new Refused(Refusal.UNKNOWN_REASON)));
        assertThat(desk.sendAway("nobody", "meeting", false, LEAD), contains(new Refused(Refusal.UNKNOWN_AGENT)));
        assertThat(desk.presence("a"), is(Presence.AVAILABLE));
    }

    @Test
    void aSignOutSendsOffersBackAtOnceAndKeepsConnectedContactsForTheGrace() {
        desk.online("a", Map.of(), capacity(CHAT, 2));
        desk.arrive("c1", CHAT);
        desk.accept("a", "c1");
        desk.arrive("c2", CHAT);
        desk.advanceSeconds(1);
        desk.online("b", Map.of(), capacity(CHAT, 2));

        List<Decision> signedOut = desk.signOut("a", LEAD);

        assertThat(signedOut.subList(0, 3), contains(new OfferRevoked("c2", "a", RevokeReason.AGENT_GONE),
                new Requeued("c2", CHAT, "a"), desk.offered("c2", CHAT, "b")));
        assertThat(signedOut, hasItem(new PresenceChanged("a", Presence.OFFLINE, null, null, LEAD)));
        assertThat(desk.view("a").connectedContactIds(), contains("c1"));
        // Back within the grace, the agent finds its contact, and the supervisor's word no longer holds.
        assertThat(Desk.only(PresenceChanged.class, desk.connect("a")),
                contains(new PresenceChanged("a", Presence.AWAY, null)));
        assertThat(desk.view("a").connectedContactIds(), contains("c1"));
        assertThat(desk.signOut("nobody", LEAD), contains(new Refused(Refusal.UNKNOWN_AGENT)));
        desk.disconnect("a");
        assertThat(desk.signOut("a", LEAD), contains(new Refused(Refusal.NOT_CONNECTED)));
    }

    @Test
    void aMoveRevokesTheOfferAsMovedAndOffersTheContactToTheAgentWhateverItsSkills() {
        desk.online("a", skills("billing", 3));
        desk.advanceSeconds(1);
        desk.online("b");
        desk.arrive(Desk.request("c1", VOICE, 50, skills("billing", 3)));

        assertThat(desk.move("c1", "b", LEAD), contains(new OfferRevoked("c1", "a", RevokeReason.MOVED),
                new Moved("c1", VOICE, "a", "b", LEAD), desk.offered("c1", VOICE, "b"),
                new PresenceChanged("a", Presence.AVAILABLE, null), new PresenceChanged("b", Presence.BUSY, null)));
        assertThat(desk.view("a").offeredContactIds(), is(empty()));
    }

    @Test
    void aContactMovedToABusyAgentWaitsForThatAgentAloneUntilItIsFree() {
        desk.online("a");
        desk.arrive("c0", VOICE);
        desk.accept("a", "c0");
        desk.arrive("c1", VOICE);

        assertThat(desk.move("c1", "a", LEAD), contains(new Moved("c1", VOICE, null, "a", LEAD)));
        desk.online("b");
        assertThat(desk.view("b").offeredContactIds(), is(empty()));
        assertThat(desk.complete("a", "c0"), hasItem(desk.offered("c1", VOICE, "a")));
    }

    @Test
    void aMovedContactKeepsItsArrivalWhenItsWaitForTheAgentEnds() {
        desk.online("a");
        desk.arrive("c0", VOICE);
        desk.accept("a", "c0");
        desk.arrive("c1", VOICE);
        desk.move("c1", "a", LEAD);
        desk.advanceSeconds(5);
        desk.arrive("c2", VOICE);

        desk.tickAfter(desk.rules.followUpGrace());

        assertThat(desk.position("c1"), is(1));
        assertThat(desk.position("c2"), is(2));
        desk.online("b");
        assertThat(desk.view("b").offeredContactIds(), contains("c1"));
    }

    @Test
    void theAgentAContactWasMovedToMayDeclineItAndThenAnyoneElseMayTakeIt() {
        desk.online("a");
        desk.arrive("c1", VOICE);
        desk.online("b");
        desk.move("c1", "b", LEAD);

        List<Decision> declined = desk.reject("b", "c1");

        assertThat(declined.subList(0, 3), contains(new OfferRevoked("c1", "b", RevokeReason.REJECTED),
                new Requeued("c1", VOICE, "b"), desk.offered("c1", VOICE, "a")));
        assertThat(desk.view("b").offeredContactIds(), is(empty()));
    }

    @Test
    void aMoveRacingAnAcceptHasOneWinnerAndNothingDoubled() {
        // The move is handled first: the accept finds its offer gone.
        Desk first = new Desk();
        first.online("a");
        first.advanceSeconds(1);
        first.online("b");
        first.arrive("c1", VOICE);
        first.move("c1", "b", LEAD);
        assertThat(first.accept("a", "c1"), contains(new Refused(Refusal.NOT_YOUR_OFFER)));
        assertThat(first.view("a").offeredContactIds(), is(empty()));
        assertThat(first.view("a").connectedContactIds(), is(empty()));
        assertThat(first.view("b").offeredContactIds(), contains("c1"));
        assertThat(first.accept("b", "c1"), hasItem(new Decision.Connected("c1", VOICE, "b", Duration.ZERO)));

        // The accept is handled first: the move finds the contact connected and changes nothing.
        Desk second = new Desk();
        second.online("a");
        second.advanceSeconds(1);
        second.online("b");
        second.arrive("c1", VOICE);
        second.accept("a", "c1");
        assertThat(second.move("c1", "b", LEAD), contains(new Refused(Refusal.NOT_WAITING)));
        assertThat(second.view("a").connectedContactIds(), contains("c1"));
        assertThat(second.view("b").offeredContactIds(), is(empty()));
        assertThat(second.presence("b"), is(Presence.AVAILABLE));
    }

    @Test
    void aMoveIsRefusedForAnAgentWhoTakesNoContactsOnTheChannelAndForAContactNoLongerWaiting() {
        desk.online("a", Map.of(), capacity(VOICE, 0, CHAT, 1));
        desk.arrive("c1", VOICE);

        assertThat(desk.move("c1", "a", LEAD), contains(new Refused(Refusal.TARGET_CANNOT_TAKE_CHANNEL)));
        assertThat(desk.move("c1", "nobody", LEAD), contains(new Refused(Refusal.UNKNOWN_TARGET)));
        assertThat(desk.move("c9", "a", LEAD), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertThat(desk.position("c1"), is(1));
    }

    @Test
    void aVoiceContactWaitingForTheAgentItWasMovedToMayStillAskForACallback() {
        desk.online("a");
        desk.arrive("c0", VOICE);
        desk.accept("a", "c0");
        desk.arrive("c1", VOICE);
        desk.move("c1", "a", LEAD);

        assertThat(desk.handle(new Command.RequestCallback("c1")), contains(new CallbackArranged("c1")));
        desk.tickAfter(desk.rules.followUpGrace());
        assertThat(desk.router.stats().callbacksWaiting(), is(1));
    }

    @Test
    void aNewPriorityMovesAWaitingContactUpTheLineAndItsArrivalStillBreaksTies() {
        desk.register("a", Map.of());
        desk.arrive(Desk.request("c1", VOICE, 50));
        desk.arrive(Desk.request("c2", VOICE, 50));
        desk.arrive(Desk.request("c3", VOICE, 80));

        assertThat(desk.changePriority("c2", 80, LEAD), contains(new PriorityChanged("c2", 80, LEAD)));
        // Now as high as c3, and here before it.
        assertThat(List.of(desk.position("c2"), desk.position("c3"), desk.position("c1")), contains(1, 2, 3));
        assertThat(desk.changePriority("c2", 80, LEAD), is(empty()));

        desk.connect("a");
        assertThat(Desk.only(Offered.class, desk.available("a")), contains(desk.offered("c2", VOICE, "a")));
    }

    @Test
    void aPriorityIsChangedOnlyWhileTheContactWaits() {
        desk.online("a");
        desk.arrive("c1", VOICE);

        assertThat(desk.changePriority("c1", 90, LEAD), contains(new Refused(Refusal.NOT_WAITING)));
        assertThat(desk.changePriority("c9", 90, LEAD), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertThat(desk.move("c1", "a", LEAD), not(hasItem(new OfferRevoked("c1", "a", RevokeReason.MOVED))));
    }
}
