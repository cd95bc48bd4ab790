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
     * The contacts that arrived in [from, to) in a configured line (or only in {@code line}), per
     * line and interval, in line then time order; intervals with no contact are left out. An index
     * on (line, arrival) that holds every column counted (V16) lets PostgreSQL read the index alone.
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

    private static final String SQL = """
            select line, date_bin(make_interval(secs => :seconds), created_at, timestamptz '%s') as start,
                   count(*),
                   count(connected_at),
                   count(*) filter (where state = 'ABANDONED'),
                   count(*) filter (where answered_within_target),
                   count(answered_within_target),
                   avg(extract(epoch from connected_at - created_at)),
                   avg(touch_ms) / 1000.0,
                   count(*) filter (where state = 'COMPLETED' and resolved),
                   count(*) filter (where state = 'COMPLETED')
            from contacts
            where line is not null and created_at >= :from and created_at < :to
              and (:line = '' or line = :line)
            group by line, start
            order by line, start""".formatted(ORIGIN);

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
