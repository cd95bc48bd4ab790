package io.welcomer.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's latest ended contact, while the repeat window is open: a new contact from the
 * same customer within the window makes that earlier contact a repeat. Kept in the order
 * contacts ended, so customers who never come back are forgotten from the oldest on, once their
 * window has closed: memory is bounded by the contacts ending within one window. Touched only on
 * the routing context.
 */
public final class RepeatWatch {

    private record Ended(String contactId, Instant endedAt) {}

    private final Duration window;
    private final Map<String, Ended> latestEnded = new LinkedHashMap<>();

    public RepeatWatch(Duration window) {
        this.window = window;
    }

    public void ended(String customerId, String contactId, Instant endedAt) {
        latestEnded.remove(customerId);
        latestEnded.put(customerId, new Ended(contactId, endedAt));
        Iterator<Ended> oldestFirst = latestEnded.values().iterator();
        Instant windowOpen = endedAt.minus(window);
        while (oldestFirst.hasNext() && oldestFirst.next().endedAt().isBefore(windowOpen)) {
            oldestFirst.remove();
        }
    }

    /** How many customers are watched: bounded by the contacts ended within the window. */
    public int size() {
        return latestEnded.size();
    }

    /** The customer's data is erased: their next contact repeats none before it. */
    public void forget(String customerId) {
        latestEnded.remove(customerId);
    }

    /** Forgets everything (before a rebuild from the store). */
    public void clear() {
        latestEnded.clear();
    }

    /** The earlier contact this arrival repeats, if any; each earlier contact is repeated once. */
    public Optional<String> arrival(String customerId, Instant now) {
        Ended earlier = latestEnded.remove(customerId);
        if (earlier == null || earlier.endedAt().plus(window).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(earlier.contactId());
    }
}
