package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.TreeSet;

/** A configured line as the router tracks it: open or closed now, its next change, who waits in it. */
final class LineState implements WaitEstimator.OpenTime {

    Line line;
    boolean open;
    /** The next opening or closing; null when none lies within the horizon, or the line is always open. */
    Instant changesAt;
    /** When the router last saw it open (or configured it open): no closed time since then. */
    Instant openSince;
    /** New on every evaluation, so a deadline set for an earlier one is recognised and ignored. */
    long serial;
    /** Its waiting contacts in arrival order (a follow-up waiting for its own agent is not among them). */
    final TreeSet<RoutedContact> waiting = new TreeSet<>(Comparator.comparingLong(c -> c.seq));

    /** Today's counts for its service level, on {@link #day} in the line's zone (UTC without hours). */
    LocalDate day;
    int answeredToday;
    int withinTargetToday;
    int abandonedToday;

    LineState(Line line) {
        this.line = line;
    }

    /**
     * Open time between two instants up to now, by its hours: all of it when the line has been
     * open throughout (open since before {@code from}, and not yet due to close at {@code to}).
     */
    @Override
    public Duration openBetween(Instant from, Instant to) {
        if (line.alwaysOpen() || open && !from.isBefore(openSince) && (changesAt == null || !to.isAfter(changesAt))) {
            return Duration.between(from, to);
        }
        return line.hours().openBetween(from, to);
    }

    /** Counts an answer, within the target or not, or an abandon (not answered); a new day starts from zero. */
    void count(Instant now, boolean answered, boolean within) {
        LocalDate today = line.dayOf(now);
        if (!today.equals(day)) {
            day = today;
            answeredToday = 0;
            withinTargetToday = 0;
            abandonedToday = 0;
        }
        if (!answered) {
            abandonedToday++;
        } else {
            answeredToday++;
            if (within) {
                withinTargetToday++;
            }
        }
    }

    /**
     * The share of today's contacts that ended their wait (answered or abandoned) that were answered
     * within the target; null without a target, or before any did today.
     */
    Double serviceLevelToday(Instant now) {
        LocalDate today = line.dayOf(now);
        int ended = answeredToday + abandonedToday;
        return line.serviceLevel() == null || !today.equals(day) || ended == 0 ? null
                : (double) withinTargetToday / ended;
    }
}
