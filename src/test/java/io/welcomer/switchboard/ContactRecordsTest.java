package io.welcomer.switchboard;

import static io.welcomer.routing.Channel.VOICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.welcomer.routing.Arrived;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactState;
import io.welcomer.routing.Decision;
import io.welcomer.routing.Decision.RevokeReason;
import io.welcomer.routing.MoveTarget;
import io.welcomer.routing.Outcome;
import io.welcomer.routing.TransferMode;
import io.welcomer.routing.TransferTarget;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing decisions turned into what the store keeps: one row per contact as last decided, one
 * event per state change, and the contacts as decided for the listeners. No database: the rows
 * are checked as written, before the journal.
 */
class ContactRecordsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final ContactRecords records = new ContactRecords(41);

    private static Contact waiting(String id) {
        return new Contact(new Contact.Arrival(id, "gw", null, "voice", new Contact.Customer("cust", "Ana", "en"),
                false, "{}", 0, null, null, null, null), Contact.Progress.waiting(Contact.Mode.LIVE, T0, null), null);
    }

    private ContactRecords.Applied apply(Instant at, Decision... decisions) {
        return apply(new Command.Tick(), at, decisions);
    }

    private ContactRecords.Applied apply(Command command, Instant at, Decision... decisions) {
        return records.apply(command, List.of(decisions), at, null, id -> new Arrived(1, at));
    }

    @Test
    void aNewContactOfferedAtOnceIsInsertedOnceAsOfferedAfterItsEvents() {
        records.track(waiting("c1"));

        ContactRecords.Applied applied = records.apply(new Command.Tick(),
                List.of(new Decision.Offered("c1", VOICE, "kim", T0)), T0,
                "c1", id -> new Arrived(1, T0));

        List<Write> writes = applied.writes();
        assertEquals(2, writes.size());
        Contact inserted = assertInstanceOf(Write.InsertContact.class, writes.get(0)).contact();
        assertEquals(ContactState.OFFERED, inserted.state());
        assertEquals("kim", inserted.progress().agentId());
        ContactEvent offered = assertInstanceOf(Write.AppendEvent.class, writes.get(1)).event();
        assertEquals(new ContactEvent(42, "c1", "gw", "contact.offered", "OFFERED", "kim", T0, null, null, null,
                null, null, null, null, null, null), offered);
        assertEquals(inserted, applied.decided().get("c1"));
    }

    @Test
    void anOfferMovedToALineIsStoredInThatLineWithoutItsOwnSkillsAndItsEventNamesTheLine() {
        Contact arrived = waiting("c1");
        records.track(new Contact(new Contact.Arrival("c1", "gw", null, "voice", arrived.arrival().customer(), false,
                "{\"billing\":3}", 0, null, null, null, null), arrived.progress(), null));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0));

        List<Write> writes = apply(T0.plusSeconds(2), new Decision.OfferRevoked("c1", "kim", RevokeReason.MOVED),
                new Decision.Moved("c1", VOICE, "kim", new MoveTarget.ToLine("general"), "lead")).writes();

        Contact moved = assertInstanceOf(Write.UpdateContact.class, writes.get(0)).contact();
        assertEquals(ContactState.QUEUED, moved.state());
        assertEquals("general", moved.arrival().line());
        assertEquals("{}", moved.arrival().requiredSkills());
        ContactEvent event = assertInstanceOf(Write.AppendEvent.class, writes.get(1)).event();
        assertEquals("contact.moved", event.type());
        assertEquals("lead", event.actor());
        assertEquals("general", event.line());
        assertNull(event.agentId());
        assertEquals(2, writes.size(), "the row and its event, nothing beside: " + writes);
    }

    @Test
    void aNewPriorityIsWrittenWithTheContactsRowAndNothingElse() {
        records.track(waiting("c1"));

        List<Write> writes = apply(T0, new Decision.PriorityChanged("c1", 7, "lead")).writes();

        assertEquals(1, writes.size(), "one row: " + writes);
        assertEquals(7, assertInstanceOf(Write.UpdateContact.class, writes.getFirst()).contact().arrival().priority());
    }

    @Test
    void whetherItWasAnsweredWithinItsLinesTargetIsInItsRowFromTheAnswerToItsEnd() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0));

        List<Write> answered = apply(T0.plusSeconds(30), new Decision.Connected("c1", VOICE, "kim",
                Duration.ofSeconds(30)), new Decision.Answered("c1", "billing", false)).writes();

        assertEquals(2, answered.size(), "the row and the connected event, nothing beside: " + answered);
        Contact connected = assertInstanceOf(Write.UpdateContact.class, answered.getFirst()).contact();
        assertEquals(ContactState.CONNECTED, connected.state());
        assertEquals(Boolean.FALSE, connected.progress().answeredWithinTarget());
        Contact completed = assertInstanceOf(Write.UpdateContact.class, apply(T0.plusSeconds(90),
                new Decision.Completed("c1", VOICE, "kim", new Outcome(true, null, null), Duration.ofSeconds(60)))
                .writes().getFirst()).contact();
        assertEquals(Boolean.FALSE, completed.progress().answeredWithinTarget(), "a later row keeps it");
    }

    @Test
    void aContactAnsweredInALineWithoutATargetHasNoServiceLevelInItsRow() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0));

        List<Write> writes = apply(T0.plusSeconds(5), new Decision.Connected("c1", VOICE, "kim",
                Duration.ofSeconds(5)), new Decision.Answered("c1", null, null)).writes();

        assertEquals(2, writes.size(), "the row and the connected event: " + writes);
        assertNull(assertInstanceOf(Write.UpdateContact.class, writes.getFirst()).contact().progress()
                .answeredWithinTarget());
    }

    @Test
    void anOverflowIsAnEventSayingFromWhichLineToWhatAtWhichStepAndChangesNoRow() {
        records.track(waiting("c1"));

        List<Write> writes = apply(T0.plusSeconds(60),
                new Decision.Overflowed("c1", "billing", "general", null, 1),
                new Decision.Overflowed("c1", "billing", null, java.util.Map.of("loyalty", 2), 2)).writes();

        assertEquals(2, writes.size(), "two events and no row: " + writes);
        ContactEvent toLine = assertInstanceOf(Write.AppendEvent.class, writes.get(0)).event();
        ContactEvent toSkills = assertInstanceOf(Write.AppendEvent.class, writes.get(1)).event();
        assertEquals(new ContactEvent(42, "c1", "gw", "contact.overflowed", "QUEUED", null, T0.plusSeconds(60), null,
                null, null, null, null, null, null, null, new ContactEvent.Overflow("billing", "general", null, 1)), toLine);
        assertEquals(new ContactEvent.Overflow("billing", null, java.util.Map.of("loyalty", 2), 2), toSkills.overflow());
    }

    @Test
    void anEndedContactIsNoLongerLiveButListenersGetItAsItEnded() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0));
        apply(T0.plusSeconds(5), new Decision.Connected("c1", VOICE, "kim", Duration.ofSeconds(5)));
        Contact beforeEnd = records.get("c1");

        ContactRecords.Applied applied = apply(T0.plusSeconds(65), new Decision.Completed("c1", VOICE, "kim",
                new Outcome(true, "fixed", null), Duration.ofSeconds(60)));

        assertNull(records.get("c1"));
        Contact completed = applied.decided().get("c1");
        assertEquals(ContactState.COMPLETED, completed.state());
        assertEquals(60_000L, completed.progress().touchMillis());
        assertEquals(T0.plusSeconds(65), completed.progress().endedAt());
        // What a listener got earlier is a value: the later decision did not change it.
        assertEquals(ContactState.CONNECTED, beforeEnd.state());
        assertNull(beforeEnd.progress().endedAt());
    }

    @Test
    void theTouchTimeStoredAtWrapUpStandsWhenTheContactCompletes() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0), new Decision.Connected("c1", VOICE, "kim",
                Duration.ZERO));
        apply(T0.plusSeconds(90), new Decision.Wrapping("c1", VOICE, "kim", Duration.ofSeconds(90)));

        Contact completed = apply(T0.plusSeconds(150), new Decision.Completed("c1", VOICE, "kim",
                new Outcome(true, null, null), Duration.ofSeconds(150))).decided().get("c1");

        assertEquals(90_000L, completed.progress().touchMillis());
        assertEquals(T0.plusSeconds(90), completed.progress().wrappedAt());
    }

    @Test
    void aCallbacksNumberReachesItsRowAndTheGatewaysConnectedEvent() {
        records.track(waiting("c1"));
        Contact arranged = apply(new Command.RequestCallback("c1", "+15551234567"), T0,
                new Decision.CallbackArranged("c1")).decided().get("c1");
        assertEquals(Contact.Mode.CALLBACK, arranged.progress().mode());
        assertEquals("+15551234567", arranged.progress().callbackNumber());

        apply(T0.plusSeconds(30), new Decision.Offered("c1", VOICE, "kim", T0));
        List<Write> writes = apply(T0.plusSeconds(35), new Decision.Connected("c1", VOICE, "kim",
                Duration.ofSeconds(35))).writes();

        ContactEvent connected = assertInstanceOf(Write.AppendEvent.class, writes.get(1)).event();
        assertEquals("+15551234567", connected.callbackNumber());
    }

    @Test
    void aWarmTransferStoresTheLegsSoFarAndWhoHandedItOn() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0), new Decision.Connected("c1", VOICE, "kim",
                Duration.ZERO));

        ContactRecords.Applied applied = apply(T0.plusSeconds(70), new Decision.Transferred("c1", VOICE, "kim", "lee",
                TransferMode.WARM, "refund approved", Duration.ofSeconds(70)));

        Contact moved = applied.decided().get("c1");
        assertEquals("lee", moved.progress().agentId());
        assertEquals(T0.plusSeconds(70), moved.progress().connectedAt());
        assertEquals(70_000L, moved.progress().touchMillis());
        assertEquals(new Contact.Transfers(1, "kim", "warm", "refund approved"), moved.progress().transfers());
        ContactEvent event = assertInstanceOf(Write.AppendEvent.class, applied.writes().get(1)).event();
        assertEquals("kim", event.fromAgentId());
        assertEquals("lee", event.agentId());
        assertEquals("warm", event.transferMode());
    }

    @Test
    void aColdTransferStoresTheSkillsAndLanguageItWasSentToAndLeavesItsLine() {
        records.track(new Contact(new Contact.Arrival("c1", "gw", null, "voice", new Contact.Customer("cust", "Ana", "en"),
                false, "{\"billing\":1}", 0, null, null, null, "billing"), Contact.Progress.waiting(Contact.Mode.LIVE, T0,
                null), null));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0), new Decision.Connected("c1", VOICE, "kim",
                Duration.ZERO));

        ContactRecords.Applied applied = apply(T0.plusSeconds(70), new Decision.Transferred("c1", VOICE, "kim", null,
                TransferMode.COLD, "chargeback", Duration.ofSeconds(70),
                new TransferTarget.ToLine(Map.of("disputes", 2), "es")));

        Contact sent = assertInstanceOf(Write.UpdateContact.class, applied.writes().get(0)).contact();
        assertEquals("{\"disputes\":2}", sent.arrival().requiredSkills());
        assertEquals("es", sent.arrival().customer().language());
        assertNull(sent.arrival().line());
        assertEquals(ContactState.QUEUED, sent.state());
        assertEquals(sent, applied.decided().get("c1"));
    }

    @Test
    void aContactRequeuedAfterItsAgentWasLostStoresTheTouchTimeSoFar() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0), new Decision.Connected("c1", VOICE, "kim",
                Duration.ZERO));

        Contact requeued = apply(T0.plusSeconds(75), new Decision.Requeued("c1", VOICE, "kim", Duration.ofSeconds(75)))
                .decided().get("c1");

        assertEquals(ContactState.QUEUED, requeued.state());
        assertEquals(75_000L, requeued.progress().touchMillis());
    }

    @Test
    void aRequeueSaysWhyTheOfferBeforeItEndedAndARestoresRequeueSaysNothing() {
        records.track(waiting("c1"));
        apply(T0, new Decision.Offered("c1", VOICE, "kim", T0));
        List<Write> rejected = apply(T0.plusSeconds(3), new Decision.OfferRevoked("c1", "kim", RevokeReason.REJECTED),
                new Decision.Requeued("c1", VOICE, "kim")).writes();
        List<Write> restored = apply(T0.plusSeconds(9), new Decision.Requeued("c1", VOICE, "kim")).writes();

        assertEquals("rejected", assertInstanceOf(Write.AppendEvent.class, rejected.get(1)).event().reason());
        assertNull(assertInstanceOf(Write.AppendEvent.class, restored.get(1)).event().reason());
    }
}
