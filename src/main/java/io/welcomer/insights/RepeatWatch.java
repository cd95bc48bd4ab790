package io.welcomer.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's latest ended contact, while the repeat window is open: a new contact from the
 * same customer within the window makes that earlier contact a repeat. Touched only on the
 * routing context.
 */
public final class RepeatWatch {

    private record Ended(String contactId, Instant endedAt) {}

    private final Duration window;
    private final Map<String, Ended> latestEnded = new HashMap<>();

    public RepeatWatch(Duration window) {
        this.window = window;
    }

    public void ended(String customerId, String contactId, Instant endedAt) {
        latestEnded.put(customerId, new Ended(contactId, endedAt));
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
