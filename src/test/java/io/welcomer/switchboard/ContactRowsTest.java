package io.welcomer.switchboard;

import static io.welcomer.switchboard.JournalConnections.await;
import static io.welcomer.switchboard.JournalConnections.flush;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import io.welcomer.routing.Arrived;
import io.welcomer.routing.Outcome;
import io.welcomer.store.Contact;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a supervisor or the line's service level changes in a contact is written with its row, by
 * the flush's one insert or update of contacts and no statement of its own, and stands as the row
 * is written again. Flush by flush as the journal writes them, in a transaction rolled back.
 */
@QuarkusTest
class ContactRowsTest {

    @Inject
    JournalConnections journal;

    private PgConnection connection;
    private Transaction transaction;

    @BeforeEach
    void connectAsTheJournal() throws Exception {
        connection = journal.open();
        transaction = await(connection.begin());
    }

    @AfterEach
    void close() throws Exception {
        await(transaction.rollback());
        await(connection.close());
    }

    @Test
    void aContactArrivingAndAnsweredInOneFlushIsInsertedAnsweredWithinTarget() throws Exception {
        Contact waiting = waiting();
        Contact.Progress offered = waiting.progress().offeredTo("kim", waiting.progress().createdAt().plusSeconds(1));

        assertEquals(List.of(Statements.INSERT_CONTACTS), flush(connection, new Write.InsertContact(waiting),
                new Write.UpdateContact(waiting.with(offered)),
                new Write.UpdateContact(waiting.with(offered.connected(offered.offeredAt()).answered(true)))));

        assertEquals("CONNECTED true", row(waiting.id(), "state || ' ' || answered_within_target"));
    }

    @Test
    void aContactAnsweredPastItsTargetKeepsItThroughTheLaterFlushesOfItsRow() throws Exception {
        Contact waiting = waiting();
        Instant at = waiting.progress().createdAt();
        flush(connection, new Write.InsertContact(waiting));
        Contact.Progress offered = waiting.progress().offeredTo("kim", at.plusSeconds(30));
        flush(connection, new Write.UpdateContact(waiting.with(offered)));

        Contact.Progress answered = offered.connected(at.plusSeconds(31)).answered(false);
        assertEquals(List.of(Statements.UPDATE_CONTACTS),
                flush(connection, new Write.UpdateContact(waiting.with(answered))));
        assertEquals("false", row(waiting.id(), "answered_within_target::text"));

        Contact.Progress wrapping = answered.wrapping(at.plusSeconds(90), 59_000);
        flush(connection, new Write.UpdateContact(waiting.with(wrapping)));
        flush(connection, new Write.UpdateContact(waiting.with(wrapping.completed(at.plusSeconds(120), 59_000,
                new Outcome(true, null, null)))));
        assertEquals("COMPLETED false", row(waiting.id(), "state || ' ' || answered_within_target"));
    }

    @Test
    void aNewPriorityAndAMoveToALineAreWrittenWithTheContactsRow() throws Exception {
        Contact waiting = waiting();
        flush(connection, new Write.InsertContact(waiting));

        assertEquals(List.of(Statements.UPDATE_CONTACTS),
                flush(connection, new Write.UpdateContact(waiting.withPriority(7).inLine("general"))));

        assertEquals("7 general {}", row(waiting.id(), "priority || ' ' || line || ' ' || required_skills"));
    }

    /** A contact of the billing line asking for a skill of its own, arrived now. */
    private static Contact waiting() {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        return new Contact(new Contact.Arrival(id, "gw", null, "voice", new Contact.Customer("rows-customer", "Ana",
                "en"), false, "{\"billing\": 2}", 0, null, null, null, "billing"),
                Contact.Progress.waiting(Contact.Mode.LIVE, now, null).arrived(new Arrived(1, now)), null);
    }

    private String row(String contactId, String column) throws Exception {
        Row row = await(connection.preparedQuery("select " + column + " from contacts where id = $1")
                .execute(Tuple.of(contactId))).iterator().next();
        return row.getString(0);
    }
}
