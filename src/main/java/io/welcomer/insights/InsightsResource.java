package io.welcomer.insights;

import io.smallrye.mutiny.Uni;
import io.welcomer.config.WelcomerConfig;
import io.welcomer.insights.persistence.LineHistoryStore;
import io.welcomer.insights.persistence.TouchTimeStore;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Touch time set against outcome: for completed contacts that ended in [from, to), per band of
 * time spent with the customer, how many were resolved, how many customers came back, how many
 * were resolved first time, and how they felt. The counting is {@link TouchTimeStore}'s. And each
 * configured line's history per interval, counted by {@link LineHistoryStore}.
 */
@Path("/v1/insights")
@RolesAllowed(Roles.SUPERVISOR)
@Tag(name = "Ops")
public class InsightsResource {

    public record TouchTimeInsights(Instant from, Instant to, String groupedBy, List<TouchTimeBand> bands,
                                    TouchTimeBand total) {}

    /** Lines per interval: the intervals with contacts, by line then start. */
    public record LineInsights(Instant from, Instant to, String interval, List<LineInterval> intervals) {}

    private static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    private static final Map<String, Duration> INTERVALS = Map.of("15m", Duration.ofMinutes(15), "1h",
            Duration.ofHours(1), "1d", Duration.ofDays(1));
    /** Intervals per line one answer may hold: 31 days by the hour, or a year by the day. */
    static final int MAX_INTERVALS = 3000;

    private final TouchTimeStore store;
    private final LineHistoryStore lineHistory;
    private final WelcomerConfig config;
    private final InstantSource clock;

    InsightsResource(TouchTimeStore store, LineHistoryStore lineHistory, WelcomerConfig config, InstantSource clock) {
        this.store = store;
        this.lineHistory = lineHistory;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/touch-time")
    @Operation(summary = "Touch time against outcome: per touch-time band, resolved, repeat and first-contact"
            + " resolution rates and satisfaction of the contacts completed in [from, to)")
    @APIResponse(responseCode = "200", description = "Every band and the total")
    @APIResponse(responseCode = "400", description = "from or to not an ISO-8601 date or instant, from after to,"
            + " or by other than channel")
    public Uni<TouchTimeInsights> touchTime(
            @Parameter(description = "ISO-8601 date (midnight UTC) or instant; default 7 days before to") @RestQuery String from,
            @Parameter(description = "ISO-8601 date or instant, exclusive; default now") @RestQuery String to,
            @Parameter(description = "channel: each band split by channel") @RestQuery String by) {
        Instant until = to == null ? clock.instant() : instant("to", to);
        Instant since = from == null ? until.minus(DEFAULT_RANGE) : instant("from", from);
        if (since.isAfter(until)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "from must not be after to");
        }
        if (by != null && !by.equals("channel")) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "by may only be channel");
        }
        boolean byChannel = by != null;
        return store.tallies(since, until, byChannel, clock.instant().minus(config.repeatWindow()))
                .map(tallies -> answer(since, until, byChannel, tallies));
    }

    @GET
    @Path("/lines")
    @Operation(summary = "Each configured line per interval: offered, answered, abandoned, answered within target,"
            + " service level, speed of answer, touch time and resolved rate of the contacts that arrived in [from, to)")
    @APIResponse(responseCode = "200", description = "The intervals with contacts, by line then time")
    @APIResponse(responseCode = "400", description = "from or to not an ISO-8601 date or instant, from after to,"
            + " an interval other than 15m, 1h or 1d, or more than " + MAX_INTERVALS + " intervals")
    public Uni<LineInsights> lines(
            @Parameter(description = "ISO-8601 date (midnight UTC) or instant; default 1 day before to") @RestQuery String from,
            @Parameter(description = "ISO-8601 date or instant, exclusive; default now") @RestQuery String to,
            @Parameter(description = "15m, 1h or 1d (UTC days); default 1h") @RestQuery String interval,
            @Parameter(description = "one line's id; default every line") @RestQuery String line) {
        Instant until = to == null ? clock.instant() : instant("to", to);
        Instant since = from == null ? until.minus(Duration.ofDays(1)) : instant("from", from);
        if (since.isAfter(until)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "from must not be after to");
        }
        String named = interval == null ? "1h" : interval;
        Duration length = INTERVALS.get(named);
        if (length == null) {
            throw ProblemException.invalidField("interval", "interval must be 15m, 1h or 1d");
        }
        if (Duration.between(since, until).dividedBy(length) > MAX_INTERVALS) {
            throw ProblemException.invalidField("interval", "at most " + MAX_INTERVALS
                    + " intervals per line: a longer interval or a shorter range");
        }
        return lineHistory.intervals(since, until, length, line)
                .map(intervals -> new LineInsights(since, until, named, intervals));
    }

    private static TouchTimeInsights answer(Instant from, Instant to, boolean byChannel, List<BandTally> tallies) {
        List<TouchTimeBand> bands = new ArrayList<>();
        BandTally total = BandTally.NONE;
        for (BandTally tally : tallies) {
            bands.add(tally.toBand(TouchTimeBand.LABELS[tally.band()], tally.channel()));
            total = total.plus(tally);
        }
        if (!byChannel) {
            bands = everyBand(bands);
        }
        return new TouchTimeInsights(from, to, byChannel ? "channel" : null, bands, total.toBand(null, null));
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
