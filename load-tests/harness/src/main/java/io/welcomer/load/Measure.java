package io.welcomer.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One measure of one step: latencies from the intended send time (so a stall delays every send
 * behind it and shows, rather than hiding as coordinated omission), and the count of errors.
 */
public final class Measure {

    public record Summary(String name, long count, long errors, double p50, double p90, double p99, double p999,
                          double max) {

        /** All in milliseconds. */
        public String row() {
            return "%,d | %,d | %.2f | %.2f | %.2f | %.2f | %.2f".formatted(count, errors, p50, p90, p99, p999, max);
        }
    }

    private final String name;
    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    private long errors;

    public Measure(String name) {
        this.name = name;
    }

    public synchronized void record(long latencyNanos) {
        histogram.recordValue(Math.min(histogram.getHighestTrackableValue(), Math.max(0, latencyNanos / 1_000)));
    }

    public synchronized void error() {
        errors++;
    }

    public synchronized void errors(long count) {
        errors += count;
    }

    public synchronized void reset() {
        histogram.reset();
        errors = 0;
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    public synchronized long errors() {
        return errors;
    }

    public synchronized Summary summary() {
        return new Summary(name, histogram.getTotalCount(), errors, ms(50), ms(90), ms(99), ms(99.9),
                histogram.getMaxValue() / 1000.0);
    }

    private double ms(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
