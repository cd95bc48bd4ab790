package io.welcomer.insights;

import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.problems.ProblemException;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Touch time set against outcome: for completed contacts that ended in [from, to), per band of
 * time spent with the customer, how many were resolved, how many customers came back, how many
 * were resolved first time, and how they felt. One aggregate query in PostgreSQL.
 */
@Path("/v1/insights")
@RolesAllowed(Roles.ADMIN)
public class InsightsResource {

    public record TouchTimeInsights(Instant from, Instant to, String groupedBy, List<TouchTimeBand> bands,
                                    TouchTimeBand total) {}

    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final Mutiny.SessionFactory sessions;
    private final WelcomerConfig config;

    InsightsResource(Mutiny.SessionFactory sessions, WelcomerConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @GET
    @Path("/touch-time")
    public Uni<TouchTimeInsights> touchTime(@RestQuery String from, @RestQuery String to, @RestQuery String by) {
        Instant until = to == null ? Instant.now() : instant("to", to);
        Instant since = from == null ? until.minus(DEFAULT_RANGE) : instant("from", from);
        if (since.isAfter(until)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "from must not be after to");
        }
        if (by != null && !by.equals("channel")) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "by may only be channel");
        }
        boolean byChannel = by != null;
        Instant windowOpenSince = Instant.now().minus(config.repeatWindow());
        return sessions.withStatelessSession(session -> session.createNativeQuery(sql(byChannel), Object[].class)
                        .setParameter("from", since)
                        .setParameter("to", until)
                        .setParameter("windowOpen", windowOpenSince)
                        .getResultList())
                .map(rows -> answer(since, until, byChannel, rows));
    }

    /** Bands and the total in one pass (GROUPING SETS); the channel column only when asked for. */
    private static String sql(boolean byChannel) {
        String channel = byChannel ? "channel" : "cast(null as varchar)";
        return """
                select grouping(c.band), c.band, c.channel_key, count(*),
                       avg(case when c.resolved then 1.0 else 0.0 end),
                       avg(case when c.repeated_by is not null then 1.0 else 0.0 end),
                       avg(case when c.resolved and c.repeated_by is null then 1.0 else 0.0 end),
                       avg(c.csat), count(c.csat),
                       count(*) filter (where c.repeated_by is null and c.ended_at > :windowOpen)
                from (select case when touch < 120 then 0 when touch < 300 then 1 when touch < 600 then 2
                                  when touch < 1200 then 3 else 4 end as band,
                             %s as channel_key, resolved, repeated_by, csat, ended_at
                      from (select *, extract(epoch from ended_at - connected_at) as touch from contacts
                            where state = 'COMPLETED' and ended_at >= :from and ended_at < :to
                              and connected_at is not null) t) c
                group by grouping sets ((c.band, c.channel_key), ())
                order by 1, 2, 3""".formatted(channel);
    }

    private static TouchTimeInsights answer(Instant from, Instant to, boolean byChannel, List<Object[]> rows) {
        List<TouchTimeBand> bands = new ArrayList<>();
        TouchTimeBand total = TouchTimeBand.empty(null, null);
        for (Object[] row : rows) {
            boolean isTotal = ((Number) row[0]).intValue() == 1;
            TouchTimeBand band = new TouchTimeBand(isTotal ? null : TouchTimeBand.LABELS[((Number) row[1]).intValue()],
                    (String) row[2], ((Number) row[3]).longValue(), rate(row[4]), rate(row[5]), rate(row[6]),
                    rate(row[7]), ((Number) row[8]).longValue(), ((Number) row[9]).longValue());
            if (isTotal) {
                total = band;
            } else {
                bands.add(band);
            }
        }
        if (!byChannel) {
            bands = everyBand(bands);
        }
        return new TouchTimeInsights(from, to, byChannel ? "channel" : null, bands, total);
    }

    /** Without grouping, every band is listed, with zero contacts where none fell in it. */
    private static List<TouchTimeBand> everyBand(List<TouchTimeBand> found) {
        List<TouchTimeBand> all = new ArrayList<>();
        for (String label : TouchTimeBand.LABELS) {
            all.add(found.stream().filter(band -> label.equals(band.band())).findFirst()
                    .orElse(TouchTimeBand.empty(label, null)));
        }
        return all;
    }

    private static Double rate(Object value) {
        return value == null ? null : ((BigDecimal) value).doubleValue();
    }

    private static Instant instant(String field, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST,
                    field + " must be an ISO-8601 date or instant, such as 2026-11-01 or 2026-11-01T09:00:00Z");
        }
    }
}
