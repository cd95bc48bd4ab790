package io.welcomer.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Customers who never come back are forgotten once their repeat window closes, so memory stays bounded. */
class RepeatWatchTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void endedContactsOutOfTheWindowAreForgottenOldestFirst() {
        RepeatWatch watch = new RepeatWatch(Duration.ofDays(7));
        for (int i = 0; i < 1_000; i++) {
            watch.ended("once-" + i, "contact-" + i, START.plus(Duration.ofMinutes(i)));
        }
        watch.ended("later", "contact-later", START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(500)));

        // The first 500 ended more than 7 days before the latest: only the other 500 and it stay.
        assertEquals(501, watch.size());
        assertEquals("contact-999", watch.arrival("once-999", START.plus(Duration.ofDays(7))).orElseThrow());
    }

    @Test
    void aCustomerWhoEndsAgainMovesToTheNewEndAndIsKept() {
        RepeatWatch watch = new RepeatWatch(Duration.ofDays(7));
        watch.ended("back", "first", START);
        watch.ended("other", "other", START.plus(Duration.ofDays(1)));
        watch.ended("back", "second", START.plus(Duration.ofDays(6)));
        watch.ended("late", "late", START.plus(Duration.ofDays(9)));

        assertEquals(2, watch.size());
        assertEquals("second", watch.arrival("back", START.plus(Duration.ofDays(9))).orElseThrow());
    }
}
