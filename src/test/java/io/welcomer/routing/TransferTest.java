package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Completed;
import io.welcomer.routing.Decision.Offered;
import io.welcomer.routing.Decision.Refused;
import io.welcomer.routing.Decision.TransferEnded;
import io.welcomer.routing.Decision.TransferOffered;
import io.welcomer.routing.Decision.Transferred;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warm transfers keep the contact with its owner until the target accepts; cold ones go to a line at once. */
class TransferTest {

    private final Desk desk = new Desk();

    private void ownerWithCall() {
        desk.online("owner", skills("billing", 3));
        desk.arrive(Desk.request("c1", VOICE, 50, skills("billing", 1)));
        desk.accept("owner", "c1");
    }

    @Test
    void aWarmTransferIsOfferedToTheTargetWhileTheOwnerKeepsTheContact() {
        ownerWithCall();
        desk.online("target", skills("billing", 5));

        assertThat(Desk.only(TransferOffered.class, desk.warmTransfer("owner", "c1", "target")), contains(
                new TransferOffered("c1", VOICE, "owner", "target", "note", desk.expiry())));
        assertThat(desk.view("owner").connectedContactIds(), contains("c1"));
        assertThat(desk.view("target").transferOfferIds(), contains("c1"));
        assertThat(desk.presence("target"), is(Presence.BUSY));
    }

    @Test
    void onAcceptTheContactMovesAndTouchTimeAddsUpOverTheLegs() {
        ownerWithCall();
        desk.online("target", skills("billing", 5));
        desk.advanceSeconds(60);
        desk.warmTransfer("owner", "c1", "target");
        desk.advanceSeconds(5);

        assertThat(Desk.only(Transferred.class, desk.accept("target", "c1")),
                contains(new Transferred("c1", VOICE, "owner", "target", TransferMode.WARM, "note",
                        Duration.ofSeconds(65))));
        assertThat(desk.view("owner").connectedContactIds(), is(empty()));
        assertThat(desk.presence("owner"), is(Presence.AVAILABLE));
        desk.advanceSeconds(100);
        assertThat(desk.complete("owner", "c1"), contains(new Refused(Refusal.NOT_YOUR_CONTACT)));
        assertThat(Desk.only(Completed.class, desk.complete("target", "c1")),
                contains(new Completed("c1", VOICE, "target", Desk.RESOLVED, Duration.ofSeconds(165))));
    }

    @Test
    void aRejectedTransferStaysWithTheOwnerWhoIsTold() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));

        desk.warmTransfer("owner", "c1", "target");
        assertThat(Desk.only(TransferEnded.class, desk.reject("target", "c1")),
                contains(new TransferEnded("c1", "owner", "target", TransferStatus.REJECTED)));
        assertThat(desk.view("owner").connectedContactIds(), contains("c1"));
        assertThat(desk.presence("target"), is(Presence.AVAILABLE));
    }

    @Test
    void anUnansweredTransferTimesOutAndTheOwnerCanCancelOne() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));
        desk.warmTransfer("owner", "c1", "target");

        assertThat(Desk.only(TransferEnded.class, desk.tickAfter(desk.rules.offerTimeout())),
                contains(new TransferEnded("c1", "owner", "target", TransferStatus.TIMEOUT)));
        desk.warmTransfer("owner", "c1", "target");
        assertThat(desk.handle(new Command.CancelTransfer("owner", "c1")), hasItem(
                new TransferEnded("c1", "owner", "target", TransferStatus.CANCELLED)));
        assertThat(desk.accept("target", "c1"), contains(new Refused(Refusal.NOT_YOUR_OFFER)));
    }

    @Test
    void aTargetThatIsNotConnectedOrNotEligibleIsRefusedAndNothingChanges() {
        ownerWithCall();
        desk.register("gone", skills("billing", 5));
        desk.online("unskilled", skills("tech", 5));
        desk.online("busy", skills("billing", 5));
        desk.arrive(Desk.request("other", VOICE, 50, skills("billing", 1)));

        assertThat(desk.warmTransfer("owner", "c1", "gone"), contains(new Refused(Refusal.TARGET_NOT_CONNECTED)));
        assertThat(desk.warmTransfer("owner", "c1", "unskilled"), contains(new Refused(Refusal.TARGET_NOT_ELIGIBLE)));
        assertThat(desk.warmTransfer("owner", "c1", "busy"), contains(new Refused(Refusal.TARGET_NOT_ELIGIBLE)));
        assertThat(desk.warmTransfer("owner", "c1", "owner"), contains(new Refused(Refusal.TARGET_NOT_ELIGIBLE)));
        assertThat(desk.view("owner").connectedContactIds(), contains("c1"));
    }

    @Test
    void aWarmTransferWhoseTargetDisconnectsStaysWithTheOwner() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));
        desk.warmTransfer("owner", "c1", "target");

        assertThat(Desk.only(TransferEnded.class, desk.disconnect("target")),
                contains(new TransferEnded("c1", "owner", "target", TransferStatus.TARGET_GONE)));
        assertThat(desk.view("owner").connectedContactIds(), contains("c1"));
    }

    @Test
    void theOwnerDisconnectingMidTransferKeepsItForTheGraceAndTheTargetMayStillAccept() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));
        desk.warmTransfer("owner", "c1", "target");
        desk.disconnect("owner");

        assertThat(Desk.only(Transferred.class, desk.accept("target", "c1")),
                contains(new Transferred("c1", VOICE, "owner", "target", TransferMode.WARM, "note", Duration.ZERO)));
        assertThat(desk.tickAfter(desk.rules.reconnectGrace()), is(empty()));
        assertThat(desk.view("target").connectedContactIds(), contains("c1"));
    }

    @Test
    void anOwnerWhoNeverReturnsWithdrawsItsTransferAndTheContactWaitsAgain() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));
        desk.warmTransfer("owner", "c1", "target");
        desk.disconnect("owner");
        desk.away("target", "break");

        var decisions = desk.tickAfter(desk.rules.offerTimeout().minusSeconds(1));
        assertThat(decisions, is(empty()));
        desk.handle(new Command.RejectOffer("target", "c1"));
        assertThat(Desk.only(Decision.Requeued.class, desk.tickAfter(desk.rules.reconnectGrace())),
                contains(new Decision.Requeued("c1", VOICE, "owner", Duration.ofSeconds(44))));
    }

    @Test
    void theCustomerLeavingDuringATransferEndsTheTransfer() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));
        desk.warmTransfer("owner", "c1", "target");

        assertThat(desk.leave("c1"), contains(new Decision.CustomerLeft("c1", "owner"),
                new TransferEnded("c1", "owner", "target", TransferStatus.CUSTOMER_LEFT),
                new Decision.PresenceChanged("target", Presence.AVAILABLE, null)));
    }

    @Test
    void aContactCannotEndWhileItsTransferAwaitsAnAnswer() {
        ownerWithCall();
        desk.online("target", skills("billing", 1));
        desk.warmTransfer("owner", "c1", "target");

        assertThat(desk.end("owner", "c1"), contains(new Refused(Refusal.TRANSFER_PENDING)));
        assertThat(desk.warmTransfer("owner", "c1", "target"), contains(new Refused(Refusal.TRANSFER_PENDING)));
    }

    @Test
    void aColdTransferLeavesTheOwnerAtOnceAndWaitsAheadOfLaterArrivals() {
        desk.online("owner", skills("billing", 3));
        desk.arrive(Desk.request("early", VOICE, 50, skills("billing", 1)));
        desk.accept("owner", "early");
        desk.arrive(Desk.request("later", VOICE, 50, skills("spanish", 1)));
        desk.advanceSeconds(40);

        assertThat(desk.coldTransfer("owner", "early", skills("spanish", 1), null), contains(
                new Transferred("early", VOICE, "owner", null, TransferMode.COLD, "note", Duration.ofSeconds(40),
                        new TransferTarget.ToLine(skills("spanish", 1), null)),
                new Decision.PresenceChanged("owner", Presence.AVAILABLE, null)));
        assertThat(desk.position("early"), is(1));
        assertThat(desk.position("later"), is(2));
        assertThat(Desk.only(Offered.class, desk.online("spanish", skills("spanish", 2))),
                contains(desk.offered("early", VOICE, "spanish")));
    }

    @Test
    void aColdTransferToALanguageLineWaitsForASpeaker() {
        desk.handle(new Command.RegisterAgent(new AgentProfile("owner", skills("billing", 3), Map.of(),
                java.util.Set.of("en"))));
        desk.connect("owner");
        desk.available("owner");
        desk.arrive(Desk.request("c1", VOICE, 50, skills("billing", 1)));
        desk.accept("owner", "c1");
        desk.handle(new Command.RegisterAgent(new AgentProfile("english", Map.of(), Map.of(), java.util.Set.of("en"))));
        desk.connect("english");
        desk.available("english");
        desk.coldTransfer("owner", "c1", Map.of(), "es");

        assertThat(desk.view("english").offeredContactIds(), is(empty()));
        assertThat(desk.position("c1"), is(1));
    }

    @Test
    void aContactIsTransferredAtMostTheConfiguredNumberOfTimes() {
        Desk strict = new Desk(RoutingRules.defaults().withMaxTransfers(1));
        strict.online("a");
        strict.online("b");
        strict.arrive("c1", CHAT);
        strict.accept("a", "c1");
        strict.warmTransfer("a", "c1", "b");
        strict.accept("b", "c1");

        assertThat(strict.warmTransfer("b", "c1", "a"), contains(new Refused(Refusal.TRANSFER_LIMIT)));
    }
}
