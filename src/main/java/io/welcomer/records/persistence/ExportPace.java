package io.welcomer.records.persistence;

import java.time.Duration;

/**
 * When an export may read its next batch: each batch has a slot of {@code batch / rate} seconds
 * from when it is read, and the next waits for the end of it. A client that paused earns no
 * credit: after a pause the export goes on at the rate, never in a burst to catch up.
 */
final class ExportPace {

    private static final long MILLISECOND = 1_000_000;

    private final long slotNanos;
    private long nextAt = Long.MIN_VALUE;

    ExportPace(int rowsPerSecond, int batch) {
        this.slotNanos = Math.max(1, 1_000_000_000L * batch / rowsPerSecond);
    }

    /**
     * How long to wait at {@code now} (a monotonic time in nanoseconds) before reading the next
     * batch, which takes its slot: whole milliseconds, rounded up, as timers have no finer grain.
     */
    Duration untilNext(long now) {
        long at = Math.max(now, nextAt);
        nextAt = at + slotNanos;
        return Duration.ofMillis((at - now + MILLISECOND - 1) / MILLISECOND);
    }
}
