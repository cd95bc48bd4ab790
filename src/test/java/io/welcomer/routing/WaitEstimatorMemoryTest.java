package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.routing.WaitingLine.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Skill sets are the gateways' to invent: a line with nothing to say about the last hour is forgotten. */
class WaitEstimatorMemoryTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void linesIdleForAnHourAreForgotten() {
        WaitEstimator waits = new WaitEstimator();
        for (int i = 0; i < 1_000; i++) {
            Queue invented = line("invented-" + i);
            Instant at = START.plus(Duration.ofSeconds(i));
            waits.queueStarted(invented, at);
            waits.departed(invented, at.plusSeconds(1), WaitEstimator.OpenTime.ALWAYS);
        }
        Queue busy = line("billing");
        Instant later = START.plus(Duration.ofMinutes(90));
        waits.queueStarted(busy, later.minusSeconds(10));
        for (int i = 0; i < WaitEstimator.MIN_DEPARTURES; i++) {
            waits.departed(busy, later.plusSeconds(i), WaitEstimator.OpenTime.ALWAYS);
        }

        waits.queueStarted(line("another"), later.plus(Duration.ofMinutes(2)));
        assertEquals(2, waits.linesRemembered());
        // The live line keeps its measured gaps: 10 s, then 1 s each.
        assertEquals(Math.round(2 * 14 / 5.0), waits.estimateSeconds(busy, 2, later.plusSeconds(5), () -> 1));
    }

    @Test
    void aDepartureFromAForgottenLineStartsItsMeasureAgain() {
        WaitEstimator waits = new WaitEstimator();
        Queue slow = line("slow");
        waits.queueStarted(slow, START);
        waits.queueStarted(line("other"), START.plus(Duration.ofMinutes(61)));

        waits.departed(slow, START.plus(Duration.ofMinutes(62)), WaitEstimator.OpenTime.ALWAYS);
        waits.departed(slow, START.plus(Duration.ofMinutes(63)), WaitEstimator.OpenTime.ALWAYS);
        assertEquals(2, waits.linesRemembered());
    }

    private static Queue line(String skill) {
        return new Queue(null, Channel.VOICE, Set.of(skill), null);
    }
}
