package io.welcomer.switchboard;

import static io.welcomer.switchboard.JournalConnections.await;
import static io.welcomer.switchboard.JournalConnections.flush;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Transaction;
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
 * A contact's row is rewritten at each step of its life; until it ends, PostgreSQL writes each
 * new version on the same page without touching any index (a HOT update), which needs every
 * index of contacts to leave out the columns those steps change, and room on the page (V19).
 * Counted by PostgreSQL for this transaction alone, which is rolled back.
 */
@QuarkusTest
class HotUpdatesTest {

    @Inject
    JournalConnections journal;

    private PgConnection connection;

    @BeforeEach
    void connectAsTheJournal() throws Exception {
        connection = journal.open();
    }

    @AfterEach
    void close() throws Exception {
        await(connection.close());
    }

    @Test
    void everyUpdateOfAContactUntilItEndsIsHot() throws Exception {
        Instant arrived = Instant.now();
        String id = UUID.randomUUID().toString();
        Contact waiting = new Contact(new Contact.Arrival(id, "gw", "key-" + id, "voice",
                new Contact.Customer("hot-customer", "Ana", "en"), false, "{}", 0, null, "{\"orderId\": \"A-1\"}",
                null, "billing"),
                Contact.Progress.waiting(Contact.Mode.LIVE, arrived, null).arrived(new Arrived(1, arrived)), null);
        Contact.Progress offered = waiting.progress().offeredTo("agent-1", arrived.plusSeconds(1));
        Contact.Progress connected = offered.connected(arrived.plusSeconds(2));
        Contact.Progress wrapping = connected.wrapping(arrived.plusSeconds(60), 58_000);
        Contact.Progress completed = wrapping.completed(arrived.plusSeconds(90), 58_000,
                new Outcome(true, "fixed", "done"));

        Transaction transaction = await(connection.begin());
        try {
            flush(connection, new Write.InsertContact(waiting));
            for (Contact.Progress step : List.of(offered, connected, wrapping)) {
                flush(connection, new Write.UpdateContact(waiting.with(step)));
            }
            assertEquals(List.of(3L, 3L), updatedAndHot());

            flush(connection, new Write.UpdateContact(waiting.with(completed)));
            assertEquals(4L, updatedAndHot().getFirst());
        } finally {
            await(transaction.rollback());
        }
    }

    /** This transaction's updates of contacts, and how many of them were HOT. */
    private List<Long> updatedAndHot() throws Exception {
        Row row = await(connection.query("""
                select pg_stat_get_xact_tuples_updated('contacts'::regclass),
                       pg_stat_get_xact_tuples_hot_updated('contacts'::regclass)""").execute()).iterator().next();
        return List.of(row.getLong(0), row.getLong(1));
    }
}
