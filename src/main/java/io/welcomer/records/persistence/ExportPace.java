package io.welcomer.records.persistence;

/**
 * When an export may read its next batch: each batch has a slot of {@code batch / rate} seconds
 * from when it is read, and the next waits for the end of it. A client that paused earns no
 * credit: after a pause the export goes on at the rate, never in a burst to catch up.
 */
final class ExportPace {

    private final long slotNanos;
    private long nextAt = Long.MIN_VALUE;

    ExportPace(int rowsPerSecond, int batch) {
        this.slotNanos = Math.max(1, 1_000_000_000L * batch / rowsPerSecond);
    }

    /** Nanoseconds to wait at {@code now} (a monotonic time) before reading the next batch, which takes its slot. */
    long untilNext(long now) {
        long at = Math.max(now, nextAt);
        nextAt = at + slotNanos;
        return at - now;
    }
}
