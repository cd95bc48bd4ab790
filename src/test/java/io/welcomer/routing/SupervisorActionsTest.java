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
import java.util.Set;
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
                new Moved("c1", VOICE, "a", new MoveTarget.ToAgent("b"), LEAD), desk.offered("c1", VOICE, "b"),
                new PresenceChanged("a", Presence.AVAILABLE, null), new PresenceChanged("b", Presence.BUSY, null)));
        assertThat(desk.view("a").offeredContactIds(), is(empty()));
    }

    @Test
    void aContactMovedToABusyAgentWaitsForThatAgentAloneUntilItIsFree() {
        desk.online("a");
        desk.arrive("c0", VOICE);
        desk.accept("a", "c0");
        desk.arrive("c1", VOICE);

        assertThat(desk.move("c1", "a", LEAD), contains(new Moved("c1", VOICE, null, new MoveTarget.ToAgent("a"), LEAD)));
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

        assertThat(desk.handle(new Command.RequestCallback("c1", null)), contains(new CallbackArranged("c1")));
        desk.tickAfter(desk.rules.followUpGrace());
        assertThat(desk.router.stats().callbacksWaiting(), is(1));
    }

    @Test
    void aContactMovedToALineNeedsTheLinesSkillsInsteadOfItsOwnAndKeepsItsLanguage() {
        desk.configure(Desk.line("general", skills("general", 1), null));
        desk.arrive(new ContactRequest("c1", VOICE, "customer-c1", skills("billing", 3), 50, "es", false));

        assertThat(desk.moveToLine("c1", "general", LEAD),
                contains(new Moved("c1", VOICE, null, new MoveTarget.ToLine("general"), LEAD)));
        // Billing is no longer asked for; the customer's Spanish still is, until the contact relaxes.
        desk.handle(new Command.RegisterAgent(new AgentProfile("en", skills("general", 2), Map.of(), Set.of("en"))));
        desk.connect("en");
        assertThat(Desk.only(Offered.class, desk.available("en")), is(empty()));
        desk.handle(new Command.RegisterAgent(new AgentProfile("es", skills("general", 1), Map.of(), Set.of("es"))));
        desk.connect("es");
        assertThat(Desk.only(Offered.class, desk.available("es")), contains(desk.offered("c1", VOICE, "es")));
    }

    @Test
    void contactsMovedToALineKeepTheirArrivalOrderThere() {
        desk.configure(Desk.line("general", Map.of(), null));
        desk.arrive(Desk.request("c1", VOICE, 50, skills("billing", 3)));
        desk.advanceSeconds(5);
        desk.arrive(Desk.inLine("c2", VOICE, "general"));
        desk.advanceSeconds(5);
        desk.arrive(Desk.request("c3", VOICE, 50, skills("billing", 3)));

        desk.moveToLine("c3", "general", LEAD);
        desk.moveToLine("c1", "general", LEAD);

        assertThat(List.of(desk.position("c1"), desk.position("c2"), desk.position("c3")), contains(1, 2, 3));
        desk.online("a");
        assertThat(desk.view("a").offeredContactIds(), contains("c1"));
        assertThat(desk.accept("a", "c1"), hasItem(new Decision.Connected("c1", VOICE, "a", Duration.ofSeconds(10))));
    }

    @Test
    void anOfferMovedToALineIsRevokedAsMovedAndGoesToAnAgentOfThatLine() {
        desk.configure(Desk.line("general", skills("general", 1), null));
        desk.online("billing-agent", skills("billing", 3));
        desk.advanceSeconds(1);
        desk.online("general-agent", skills("general", 1));
        desk.arrive(Desk.request("c1", VOICE, 50, skills("billing", 3)));

        assertThat(desk.moveToLine("c1", "general", LEAD).subList(0, 3), contains(
                new OfferRevoked("c1", "billing-agent", RevokeReason.MOVED),
                new Moved("c1", VOICE, "billing-agent", new MoveTarget.ToLine("general"), LEAD),
                desk.offered("c1", VOICE, "general-agent")));
        assertThat(desk.view("billing-agent").offeredContactIds(), is(empty()));
        assertThat(desk.presence("billing-agent"), is(Presence.AVAILABLE));
    }

    @Test
    void aContactWaitingForTheAgentItWasMovedToGoesToAnyoneInTheLineItIsMovedToNext() {
        desk.configure(Desk.line("general", Map.of(), null));
        desk.online("a");
        desk.arrive("c0", VOICE);
        desk.accept("a", "c0");
        desk.arrive("c1", VOICE);
        desk.move("c1", "a", LEAD);

        desk.moveToLine("c1", "general", LEAD);
        desk.online("b");

        assertThat(desk.view("b").offeredContactIds(), contains("c1"));
        assertThat(Desk.only(Offered.class, desk.complete("a", "c0")), is(empty()));
    }

    @Test
    void aMoveToALineRacingAnAcceptHasOneWinnerAndNothingDoubled() {
        // The move is handled first: the accept finds its offer gone, and the contact waits in the line.
        Desk first = new Desk();
        first.configure(Desk.line("general", skills("general", 1), null));
        first.online("a");
        first.arrive("c1", VOICE);
        first.moveToLine("c1", "general", LEAD);
        assertThat(first.accept("a", "c1"), contains(new Refused(Refusal.NOT_YOUR_OFFER)));
        assertThat(first.view("a").connectedContactIds(), is(empty()));
        assertThat(first.position("c1"), is(1));
        first.online("g", skills("general", 1));
        assertThat(first.accept("g", "c1"), hasItem(new Decision.Connected("c1", VOICE, "g", Duration.ZERO)));
        assertThat(first.router.stats().waiting(), is(0));

        // The accept is handled first: the move finds the contact connected and changes nothing.
        Desk second = new Desk();
        second.configure(Desk.line("general", skills("general", 1), null));
        second.online("a");
        second.arrive("c1", VOICE);
        second.accept("a", "c1");
        assertThat(second.moveToLine("c1", "general", LEAD), contains(new Refused(Refusal.NOT_WAITING)));
        assertThat(second.view("a").connectedContactIds(), contains("c1"));
        assertThat(second.router.stats().waiting(), is(0));
    }

    @Test
    void aContactMovedToALineReachesThatLinesOverflowAfterItsOpenTimeCountedFromTheMove() {
        desk.configure(Desk.line("general", skills("general", 1), null));
        Line billing = Desk.line("billing", skills("billing", 1), null);
        desk.configure(new Line("billing", "billing", billing.channels(), billing.skills(), null, false, null, null,
                List.of(new Line.OverflowStep(Duration.ofSeconds(60), null, "general"))));
        desk.online("gina", skills("general", 1));
        desk.arrive(Desk.request("c1", VOICE, 50, skills("rare", 1)));
        desk.advanceSeconds(30);

        desk.moveToLine("c1", "billing", LEAD);

        assertThat(desk.tickAt(Desk.START.plusSeconds(89)), is(empty()));
        assertThat(Desk.only(Offered.class, desk.tickAt(Desk.START.plusSeconds(90))),
                contains(desk.offered("c1", VOICE, "gina")));
    }

    @Test
    void aMoveToALineIsRefusedForAnUnknownLineOrOneThatTakesNoContactsOnTheChannel() {
        desk.configure(new Line("email-only", "Email", Set.of(Channel.EMAIL), Map.of(), null, false, null, null,
                List.of()));
        desk.arrive("c1", VOICE);

        assertThat(desk.moveToLine("c1", "nowhere", LEAD), contains(new Refused(Refusal.UNKNOWN_LINE)));
        assertThat(desk.moveToLine("c1", "email-only", LEAD), contains(new Refused(Refusal.CHANNEL_NOT_TAKEN)));
        assertThat(desk.moveToLine("c9", "email-only", LEAD), contains(new Refused(Refusal.UNKNOWN_CONTACT)));
        assertThat(desk.position("c1"), is(1));
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
