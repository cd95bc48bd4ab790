package io.welcomer.insights.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** Seals the lines' history quarter hour by quarter hour into its roll-up ({@code line_quarters}, V18). */
@ApplicationScoped
public class LineQuarterStore {

    /**
     * One batch, one statement under the seal's row lock: from the seal to the first of the
     * quarter holding {@code $1} (a contact may still be stored with an arrival after it), the
     * quarter of the oldest live contact (its counts may still change, and it may still be moved
     * into a line), and the quarter of the ({@code $2} + 1)th contact after the seal, in a line or
     * not (a batch's bound, read from the arrival index alone, so a stretch without contacts is
     * crossed at once; at least one quarter). Every line's contacts there are counted per quarter
     * and the seal moves to the end. A second server waits on the lock and then starts where this
     * one stopped, so no quarter is counted twice; a stop before the commit leaves nothing behind.
     */
    private static final String SEAL = """
            with seal as (select sealed_until as lo from line_history_seal for update),
            bound as (
                select lo, least(
                    date_bin(interval '15 minutes', $1::timestamptz, %1$s),
                    coalesce(date_bin(interval '15 minutes', (select min(created_at) from contacts
                        where ended_at is null), %1$s), 'infinity'),
                    greatest(lo + interval '15 minutes', coalesce(date_bin(interval '15 minutes',
                        (select c.created_at from contacts c where c.created_at >= lo
                         order by c.created_at offset $2 limit 1), %1$s), 'infinity'))) as hi
                from seal),
            rolled as (
                insert into line_quarters (line, quarter, offered, answered, abandoned, within_target, under_target,
                                           wait_us, touched, touch_ms, resolved, completed)
                select c.line, date_bin(interval '15 minutes', c.created_at, %1$s), %2$s
                from bound join contacts c on c.created_at >= bound.lo and c.created_at < bound.hi
                where c.line is not null
                group by 1, 2
                returning 1),
            moved as (update line_history_seal s set sealed_until = bound.hi from bound
                      where bound.hi > bound.lo returning s.sealed_until)
            select (select count(*) from moved)::int as moved, (select count(*) from rolled)::int as quarters"""
            .formatted(LineHistoryStore.ORIGIN, LineHistoryStore.COUNTS);

    private final Pool pool;

    LineQuarterStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Seals the next quarters that arrived before {@code horizon} and hold no live contact, about
     * {@code batch} contacts at most; answers whether the seal moved.
     */
    public Uni<Boolean> sealBatch(Instant horizon, int batch) {
        return pool.preparedQuery(SEAL)
                .execute(Tuple.of(horizon.atOffset(ZoneOffset.UTC), batch))
                .map(rows -> rows.iterator().next().getInteger("moved") > 0);
    }
}
