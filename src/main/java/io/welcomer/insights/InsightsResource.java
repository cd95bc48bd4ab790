package io.welcomer.insights;

import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.problems.ProblemException;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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
    private final InstantSource clock;

    InsightsResource(Mutiny.SessionFactory sessions, WelcomerConfig config, InstantSource clock) {
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/touch-time")
    public Uni<TouchTimeInsights> touchTime(@RestQuery String from, @RestQuery String to, @RestQuery String by) {
        Instant until = to == null ? clock.instant() : instant("to", to);
        Instant since = from == null ? until.minus(DEFAULT_RANGE) : instant("from", from);
        if (since.isAfter(until)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "from must not be after to");
        }
        if (by != null && !by.equals("channel")) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "by may only be channel");
        }
        boolean byChannel = by != null;
        Instant windowOpenSince = clock.instant().minus(config.repeatWindow());
        // One short aggregate: compiling it (PostgreSQL's JIT) costs more than it saves (about
        // 250 ms of 1 s over a million contacts), so it is off for this transaction only.
        return sessions.withStatelessTransaction(session -> session.createNativeQuery("set local jit = off")
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(sql(byChannel), Object[].class)
                                .setParameter("from", since)
                                .setParameter("to", until)
                                .setParameter("windowOpen", windowOpenSince)
                                .getResultList()))
                .map(rows -> answer(since, until, byChannel, rows));
    }

    /**
     * Counts and sums per band (and channel): a hash aggregate into at most 20 rows, over the
     * band column PostgreSQL keeps for each contact (V6). The total is added up from those rows,
     * which is cheaper than asking PostgreSQL for it by grouping sets (that sorts every contact).
     */
    private static String sql(boolean byChannel) {
        String channel = byChannel ? "channel" : "cast(null as varchar)";
        return """
                select touch_band, %s as channel_key, count(*),
                       count(*) filter (where resolved),
                       count(*) filter (where repeated_by is not null),
                       count(*) filter (where resolved and repeated_by is null),
                       sum(csat), count(csat),
                       count(*) filter (where repeated_by is null and ended_at > :windowOpen),
                       sum(coalesce(extract(epoch from ended_at - wrapped_at), 0))
                from contacts
                where state = 'COMPLETED' and ended_at >= :from and ended_at < :to and touch_band is not null
                group by touch_band, channel_key
                order by touch_band, channel_key""".formatted(channel);
    }

    /** One row's figures; added up for the total. */
    private record Tally(long contacts, long resolved, long repeated, long firstContactResolved, long csatSum,
                         long csatResponses, long stillInRepeatWindow, double wrapUpSeconds) {

        static Tally of(Object[] row) {
            return new Tally(count(row[2]), count(row[3]), count(row[4]), count(row[5]), count(row[6]),
                    count(row[7]), count(row[8]), row[9] == null ? 0 : ((Number) row[9]).doubleValue());
        }

        Tally plus(Tally other) {
            return new Tally(contacts + other.contacts, resolved + other.resolved, repeated + other.repeated,
                    firstContactResolved + other.firstContactResolved, csatSum + other.csatSum,
                    csatResponses + other.csatResponses, stillInRepeatWindow + other.stillInRepeatWindow,
                    wrapUpSeconds + other.wrapUpSeconds);
        }

        TouchTimeBand band(String band, String channel) {
            return new TouchTimeBand(band, channel, contacts, rate(resolved, contacts), rate(repeated, contacts),
                    rate(firstContactResolved, contacts), rate(csatSum, csatResponses), csatResponses,
                    stillInRepeatWindow, contacts == 0 ? null : wrapUpSeconds / contacts);
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }

        private static long count(Object value) {
            return value == null ? 0 : ((Number) value).longValue();
        }
    }

    private static TouchTimeInsights answer(Instant from, Instant to, boolean byChannel, List<Object[]> rows) {
        List<TouchTimeBand> bands = new ArrayList<>();
        Tally total = new Tally(0, 0, 0, 0, 0, 0, 0, 0);
        for (Object[] row : rows) {
            Tally tally = Tally.of(row);
            bands.add(tally.band(TouchTimeBand.LABELS[((Number) row[0]).intValue()], (String) row[1]));
            total = total.plus(tally);
        }
        if (!byChannel) {
            bands = everyBand(bands);
        }
        return new TouchTimeInsights(from, to, byChannel ? "channel" : null, bands, total.band(null, null));
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
