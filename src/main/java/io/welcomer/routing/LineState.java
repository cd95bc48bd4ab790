package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/** A configured line as the router tracks it: open or closed now, its next change, who waits in it. */
final class LineState implements WaitEstimator.OpenTime {

    Line line;
    boolean open;
    /** The next opening or closing; null when none lies within the horizon, or the line is always open. */
    Instant changesAt;
    /** When the router last saw it open (or configured it, open): no closed time since then by its hours. */
    Instant openSince;
    /** New on every evaluation, so a deadline set for an earlier one is recognised and ignored. */
    long serial;
    /** Its waiting contacts in arrival order (a follow-up waiting for its own agent is not among them). */
    final TreeSet<RoutedContact> waiting = new TreeSet<>(Comparator.comparingLong(c -> c.seq));

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
}
