package io.welcomer.records.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The background sweeps' batches along the arrival index, each one statement in its own short
 * transaction. A sweep remembers how far it got ({@code sweeps}), so each batch reads only
 * contacts it has not seen; the row lock on its place keeps two servers from sweeping at once.
 */
@ApplicationScoped
public class SweepStore {

    /** What one batch did: contacts changed, and whether the sweep reached its cutoff. */
    public record Batch(int changed, boolean done) {}

    /** The personal data of an ended contact, erased in its row, its events and its follow-ups. */
    static final String ERASE_PERSONAL_DATA = """
            update contacts c set customer_name = null, context = null, outcome_notes = null, transfer_note = null,
                follow_up_note = null, feedback_comment = null, callback_number = null, erased_at = $3
            from %s where c.id = %s.id and c.erased_at is null and c.state in ('COMPLETED', 'ABANDONED')
            returning c.id""";

    /** The same inside the erased contacts' events and follow-ups (CTEs after {@code erased}). */
    static final String ERASE_EVENTS_AND_FOLLOW_UPS = """
            events as (update contact_events e set callback_number = null from erased
                       where e.contact_id = erased.id and e.callback_number is not null),
            follow_ups as (update follow_ups f set callback_number = null, note = null from erased
                           where f.from_contact_id = erased.id),""";

    private static final String RETENTION = sweep("retention",
            ERASE_PERSONAL_DATA.formatted("batch", "batch").replace("$3", "$3::timestamptz"), ERASE_EVENTS_AND_FOLLOW_UPS);

    private static final String IDEMPOTENCY_KEYS = sweep("idempotency-keys", """
            update contacts c set idempotency_key = null from batch
            where c.id = batch.id and c.idempotency_key is not null returning c.id""", "");

    private final Pool pool;

    SweepStore(Pool pool) {
        this.pool = pool;
    }

    /** Erases the personal data of the next ended contacts that arrived before {@code cutoff}. */
    public Uni<Batch> eraseBefore(Instant cutoff, int size, Instant now) {
        return run(RETENTION, size, Tuple.of(cutoff.atOffset(ZoneOffset.UTC), size, now.atOffset(ZoneOffset.UTC)));
    }

    /** Frees the idempotency keys of the next contacts that arrived before {@code cutoff}. */
    public Uni<Batch> freeKeysBefore(Instant cutoff, int size) {
        return run(IDEMPOTENCY_KEYS, size, Tuple.of(cutoff.atOffset(ZoneOffset.UTC), size));
    }

    private Uni<Batch> run(String sql, int size, Tuple params) {
        return pool.preparedQuery(sql)
                .execute(params)
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Batch(row.getInteger("changed"), row.getInteger("seen") < size);
                });
    }

    /**
     * One batch of a sweep: the next {@code $2} contacts in arrival order that arrived before
     * {@code $1}, changed by {@code change} (which reads {@code batch} and returns the ids it
     * changed as {@code erased}), and the sweep's place moved past them.
     */
    private static String sweep(String name, String change, String alongside) {
        return """
                with sweep as (select done_at, done_seq from sweeps where name = '%1$s' for update),
                batch as (select c.id, c.created_at, c.arrival_seq from contacts c, sweep
                          where (c.created_at, c.arrival_seq) > (sweep.done_at, sweep.done_seq) and c.created_at < $1
                          order by c.created_at, c.arrival_seq limit $2),
                erased as (%2$s),
                %3$s
                moved as (update sweeps s set done_at = last.created_at, done_seq = last.arrival_seq
                          from (select created_at, arrival_seq from batch
                                order by created_at desc, arrival_seq desc limit 1) last
                          where s.name = '%1$s')
                select (select count(*) from erased)::int as changed, (select count(*) from batch)::int as seen"""
                .formatted(name, change, ERASE_EVENTS_AND_FOLLOW_UPS);
    }
}
