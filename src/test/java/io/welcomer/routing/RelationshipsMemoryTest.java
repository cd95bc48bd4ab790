package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Customers who never come back are forgotten once their window closes, so memory stays bounded. */
class RelationshipsMemoryTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void connectionsOutOfTheWindowAreForgottenOldestFirst() {
        Relationships relationships = new Relationships(Duration.ofDays(7));
        for (int i = 0; i < 1_000; i++) {
            relationships.remember("once-" + i, "agent", START.plus(Duration.ofMinutes(i)));
        }
        relationships.remember("regular", "agent", START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(500)));

        // The first 500 connected more than 7 days before the latest: only the other 500 and it stay.
        assertEquals(501, relationships.size());
        assertEquals("agent", relationships.lastAgentOf("once-999", START.plus(Duration.ofDays(7))).orElseThrow());
    }

    @Test
    void aCustomerComingBackMovesToTheNewEndAndIsKept() {
        Relationships relationships = new Relationships(Duration.ofDays(7));
        relationships.remember("back", "first", START);
        relationships.remember("other", "first", START.plus(Duration.ofDays(1)));
        relationships.remember("back", "second", START.plus(Duration.ofDays(6)));
        relationships.remember("late", "first", START.plus(Duration.ofDays(9)));

        assertEquals(2, relationships.size());
        assertEquals("second", relationships.lastAgentOf("back", START.plus(Duration.ofDays(9))).orElseThrow());
    }
}
