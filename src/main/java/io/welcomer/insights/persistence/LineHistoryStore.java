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
    private static final String ORIGIN = "2000-01-01T00:00:00Z";

    private final Mutiny.SessionFactory sessions;

    LineHistoryStore(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * The contacts that arrived in [from, to) in each configured line (or only in {@code line}),
     * per line and interval, in line then time order; intervals with no contact are left out. The
     * index on (line, arrival) holds every column counted (V16), so PostgreSQL reads it alone.
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
     * Per configured line and interval, one aggregate over an index range of that line's contacts
     * (line, arrival), read from the index alone: no sort and no hash of a million rows, which a
     * plain GROUP BY over the intervals needed since PostgreSQL cannot tell how few they are.
     * Means are taken in double precision, cheaper than numeric.
     */
    private static final String SQL = """
            select l.id, b.start, a.*
            from lines l
            cross join generate_series(
                date_bin(make_interval(secs => :seconds), cast(:from as timestamptz), timestamptz '%s'),
                cast(:to as timestamptz) - interval '1 microsecond', make_interval(secs => :seconds)) as b(start)
            cross join lateral (
                select count(*) as offered,
                       count(c.connected_at) as answered,
                       count(*) filter (where c.state = 'ABANDONED') as abandoned,
                       count(*) filter (where c.answered_within_target) as within_target,
                       count(c.answered_within_target) as under_target,
                       avg(date_part('epoch', c.connected_at - c.created_at)) as asa,
                       avg(c.touch_ms::float8) / 1000 as touch,
                       count(*) filter (where c.state = 'COMPLETED' and c.resolved) as resolved,
                       count(*) filter (where c.state = 'COMPLETED') as completed
                from contacts c
                where c.line = l.id
                  and c.created_at >= greatest(b.start, cast(:from as timestamptz))
                  and c.created_at < least(b.start + make_interval(secs => :seconds), cast(:to as timestamptz))) as a
            where a.offered > 0 and (:line = '' or l.id = :line)
            order by l.id, b.start""".formatted(ORIGIN);

    private static LineInterval interval(Object[] row) {
        long answered = count(row[3]);
        long abandoned = count(row[4]);
        long within = count(row[5]);
        long underTarget = count(row[6]);
        long completed = count(row[10]);
        return new LineInterval((String) row[0], instant(row[1]), count(row[2]), answered, abandoned, within,
                underTarget == 0 ? null : (double) within / (answered + abandoned),
                mean(row[7]), mean(row[8]), completed == 0 ? null : (double) count(row[9]) / completed);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }

    private static Double mean(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
