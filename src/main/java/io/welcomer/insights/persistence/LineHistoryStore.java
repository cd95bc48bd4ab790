package io.welcomer.insights.persistence;

import io.smallrye.mutiny.Uni;
import io.welcomer.insights.LineInterval;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** The contacts of configured lines per line and interval: one aggregate query in PostgreSQL. */
@ApplicationScoped
public class LineHistoryStore {

    /** Intervals start at whole multiples of their length from here, in UTC (days at midnight). */
    static final String ORIGIN = "timestamptz '2000-01-01T00:00:00Z'";

    /**
     * What is counted of contacts ({@code c}), in the roll-up's columns' order: the counts, and the
     * sums of waits (in microseconds, exact) and touch times (milliseconds) under the means.
     */
    static final String COUNTS = """
            count(*), count(c.connected_at), count(*) filter (where c.state = 'ABANDONED'),
            count(*) filter (where c.answered_within_target), count(c.answered_within_target),
            coalesce(sum(round(date_part('epoch', c.connected_at - c.created_at) * 1000000)::bigint), 0),
            count(c.touch_ms), coalesce(sum(c.touch_ms), 0),
            count(*) filter (where c.state = 'COMPLETED' and c.resolved),
            count(*) filter (where c.state = 'COMPLETED')""";

    private final Mutiny.SessionFactory sessions;

    LineHistoryStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * The contacts that arrived in [from, to) in each configured line (or only in {@code line}),
     * per line and interval, in line then time order; intervals with no contact are left out.
     * Sealed quarter hours are read from their roll-up ({@code line_quarters}, V18), the rest
     * from the contacts, in one statement, so the seal and the roll-up are read at one instant.
     */
    public Uni<List<LineInterval>> intervals(Instant from, Instant to, Duration interval, String line) {
        // As for touch-time insights: compiling one short aggregate costs more than it saves.
        return sessions.withStatelessTransaction(session -> session.createNativeQuery("set local jit = off")
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(SQL, Object[].class)
                                .setParameter("seconds", interval.toSeconds())
                                .setParameter("from", from)
                                .setParameter("to", to)
                                .setParameter("line", line == null ? "" : line)
                                .getResultList()))
                .map(rows -> rows.stream().map(LineHistoryStore::interval).toList());
    }

    /**
     * [from, to) in three parts: the whole quarters from the first on or after {@code from} up to
     * the seal ({@code sealed_to}, never past the last whole quarter before {@code to}) come from
     * the roll-up; the part of a quarter before the first whole one, and everything from the seal
     * on, from the contacts, one index range of (line, arrival) per interval (V19: the counted
     * columns come from the rows, the index holds none that a contact's life changes). Intervals (15 minutes, an hour, a day from the origin) are whole quarters, so
     * each sealed quarter falls in one. Per line, the parts are summed by interval start; means
     * and rates are taken from the exact sums in {@link #interval}.
     */
    private static final String SQL = """
            with span as (
                select given.from_at, given.to_at, make_interval(secs => :seconds) as step,
                       date_bin(interval '15 minutes', given.from_at - interval '1 microsecond', %1$s)
                           + interval '15 minutes' as whole_from,
                       date_bin(interval '15 minutes', given.to_at, %1$s) as whole_to
                from (select cast(:from as timestamptz) as from_at, cast(:to as timestamptz) as to_at) given),
            seam as (
                select span.*, greatest(span.whole_from, least(span.whole_to, s.sealed_until)) as sealed_to
                from span, line_history_seal s),
            unsealed as (
                select from_at as lo, least(to_at, whole_from) as hi from seam
                union all
                select greatest(b.start, from_at, sealed_to), least(b.start + step, to_at)
                from seam, generate_series(date_bin(step, greatest(from_at, sealed_to), %1$s),
                                           to_at - interval '1 microsecond', step) as b(start))
            select l.id, s.*
            from seam, lines l cross join lateral (
                select p.start, sum(p.offered) as offered, sum(p.answered) as answered,
                       sum(p.abandoned) as abandoned, sum(p.within_target) as within_target,
                       sum(p.under_target) as under_target, sum(p.wait_us) as wait_us, sum(p.touched) as touched,
                       sum(p.touch_ms) as touch_ms, sum(p.resolved) as resolved, sum(p.completed) as completed
                from (
                    select date_bin(seam.step, q.quarter, %1$s) as start, q.offered, q.answered, q.abandoned,
                           q.within_target, q.under_target, q.wait_us, q.touched, q.touch_ms, q.resolved,
                           q.completed
                    from line_quarters q
                    where q.line = l.id and q.quarter >= seam.whole_from and q.quarter < seam.sealed_to
                    union all
                    select date_bin(seam.step, u.lo, %1$s), a.*
                    from unsealed u cross join lateral (
                        select %2$s
                        from contacts c
                        where c.line = l.id and c.created_at >= u.lo and c.created_at < u.hi) a
                    where u.lo < u.hi) p
                group by p.start) s
            where s.offered > 0 and (:line = '' or l.id = :line)
            order by l.id, s.start""".formatted(ORIGIN, COUNTS);

    /** Row: line, start, then the sums in {@link #COUNTS}' order. */
    private static LineInterval interval(Object[] row) {
        long answered = count(row[3]);
        long abandoned = count(row[4]);
        long within = count(row[5]);
        long underTarget = count(row[6]);
        long touched = count(row[8]);
        long completed = count(row[11]);
        return new LineInterval((String) row[0], instant(row[1]), count(row[2]), answered, abandoned, within,
                underTarget == 0 ? null : (double) within / (answered + abandoned),
                answered == 0 ? null : (double) count(row[7]) / answered / 1_000_000,
                touched == 0 ? null : (double) count(row[9]) / touched / 1000,
                completed == 0 ? null : (double) count(row[10]) / completed);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
