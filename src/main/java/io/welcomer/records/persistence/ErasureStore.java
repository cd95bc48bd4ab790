package io.welcomer.records.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.welcomer.records.Erasure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Customers' erasures: each one statement, so a customer's personal data goes from everywhere at
 * once (contacts, their events, their follow-ups) and the erasure is done in the same commit,
 * forgetting the customer's id as it finishes.
 */
@ApplicationScoped
public class ErasureStore {

    /**
     * The customer's ended contacts keep their ids, times, states and outcomes, and one another:
     * their customer id becomes a pseudonym no one can trace back (the erasure's id), so repeats
     * counted among them stand while the customer coming back is a stranger.
     */
    static final String ERASE_CUSTOMER = """
            with erasure as (select id, customer_id from erasures where id = $1 and state = 'running' for update),
            erased as (update contacts c set customer_id = 'erased:' || erasure.id, customer_name = null,
                           context = null, outcome_notes = null, transfer_note = null, follow_up_note = null,
                           feedback_comment = null, callback_number = null, erased_at = coalesce(c.erased_at, $2)
                       from erasure
                       where c.customer_id = erasure.customer_id and c.state in ('COMPLETED', 'ABANDONED')
                       returning c.id),
            %s
            done as (update erasures e set state = 'done', customer_id = null, done_at = $2,
                         contacts = (select count(*) from erased)
                     from erasure where e.id = erasure.id)
            select count(*)::int as contacts from erased""".formatted(SweepStore.ERASE_EVENTS_AND_FOLLOW_UPS);

    private final Pool pool;

    ErasureStore(Pool pool) {
        this.pool = pool;
    }

    /** Runs the erasure if it is still running; answers the contacts it erased. */
    public Uni<Integer> erase(String erasureId, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery(ERASE_CUSTOMER)
                .execute(Tuple.of(erasureId, now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getInteger("contacts")));
    }

    /** The erasure, or null if there is none with this id. */
    public Uni<Erasure> find(String erasureId) {
        return pool.preparedQuery("select id, state, contacts, requested_at, done_at from erasures where id = $1")
                .execute(Tuple.of(erasureId))
                .map(rows -> rows.size() == 0 ? null : erasure(rows.iterator().next()));
    }

    /** Erasures asked for and not done yet (the server stopped while they ran), oldest first. */
    public Uni<List<String>> running() {
        return pool.query("select id from erasures where state = 'running' order by requested_at").execute()
                .map(ErasureStore::ids);
    }

    private static List<String> ids(RowSet<Row> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        rows.forEach(row -> ids.add(row.getString("id")));
        return ids;
    }

    private static Erasure erasure(Row row) {
        return new Erasure(row.getString("id"), row.getString("state"), row.getInteger("contacts"),
                instant(row.getOffsetDateTime("requested_at")), instant(row.getOffsetDateTime("done_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
