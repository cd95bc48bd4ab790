package io.welcomer.simulation.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.welcomer.insights.LineInterval;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Line;
import io.welcomer.simulation.rest.ScenarioBody.StreamBody;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The arrivals a line's history gives a staffing question ("staff next Monday from last Monday"):
 * the contacts that arrived in [from, to) over the hours the line was open then (by its hours as
 * configured now; all of them when always open), and their mean touch time, the intervals' means
 * weighted by the contacts they answered. One stream on the line's first channel, with its skills,
 * exponential touch times and customers who wait.
 *
 * @param offered   contacts that arrived in the range
 * @param openHours hours the line was open in the range, over which the rate is taken
 */
public record HistoryArrivals(String line, Instant from, Instant to, long offered, double openHours, String channel,
                              double perHour, double touchTimeSeconds, @JsonIgnore Line configured) {

    /** The arrivals of {@code line} over [from, to), from its history per interval; 422 naming what is missing. */
    public static HistoryArrivals of(Line line, Instant from, Instant to, List<LineInterval> intervals) {
        long offered = 0;
        long answered = 0;
        double touchSum = 0;
        for (LineInterval interval : intervals) {
            offered += interval.offered();
            if (interval.meanTouchSeconds() != null && interval.answered() > 0) {
                answered += interval.answered();
                touchSum += interval.meanTouchSeconds() * interval.answered();
            }
        }
        if (offered == 0) {
            throw ProblemException.unprocessable("fromHistory", "no contact arrived in line " + line.id()
                    + " from " + from + " to " + to + ": no history to plan from");
        }
        if (answered == 0) {
            throw ProblemException.unprocessable("fromHistory", "no contact of line " + line.id()
                    + " was answered and ended from " + from + " to " + to + ": no touch time to plan from");
        }
        Duration open = line.alwaysOpen() ? Duration.between(from, to) : line.hours().openBetween(from, to);
        if (open.isZero()) {
            throw ProblemException.unprocessable("fromHistory", "line " + line.id()
                    + " is never open from " + from + " to " + to + " by its hours: no open time to spread the "
                    + offered + " arrivals over");
        }
        double openHours = open.toMillis() / 3_600_000.0;
        return new HistoryArrivals(line.id(), from, to, offered, openHours, line.channels().stream().sorted()
                .findFirst().map(Channel::wireName).orElseThrow(), offered / openHours, touchSum / answered, line);
    }

    /** The stream to simulate: in the line itself when the question configures it, else with its skills. */
    StreamBody stream(boolean lineConfigured) {
        return new StreamBody(channel, perHour, lineConfigured ? null : configured.skills(), null, touchTimeSeconds,
                null, null, null, null, lineConfigured ? line : null);
    }
}
