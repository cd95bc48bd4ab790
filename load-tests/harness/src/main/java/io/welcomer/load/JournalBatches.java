package io.welcomer.load;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's journal flushes as its metrics count them (the histogram
 * {@code welcomer_journal_batch_size}: commands stored per transaction), read before and after
 * a step so the step's own flushes can be told apart.
 */
record JournalBatches(long flushes, double commands, TreeMap<Double, Long> atMost) {

    private static final String NAME = "welcomer_journal_batch_size";

    static JournalBatches read(Http http) throws Exception {
        String metrics = LoadRun.await(http.send(HttpMethod.GET, "/q/metrics", null, 200)).toString();
        long flushes = 0;
        double commands = 0;
        TreeMap<Double, Long> atMost = new TreeMap<>();
        for (String line : metrics.split("\n")) {
            if (!line.startsWith(NAME)) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.startsWith(NAME + "_count")) {
                flushes = (long) value;
            } else if (line.startsWith(NAME + "_sum")) {
                commands = value;
            } else if (line.startsWith(NAME + "_bucket")) {
                String bound = line.substring(line.indexOf("le=\"") + 4, line.indexOf('"', line.indexOf("le=\"") + 4));
                atMost.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), (long) value);
            }
        }
        return new JournalBatches(flushes, commands, atMost);
    }

    /** The flushes since {@code before}: how many per second, and their size (mean, median, p99). */
    JsonObject since(JournalBatches before, double seconds) {
        long count = flushes - before.flushes;
        return new JsonObject().put("flushesPerSecond", count / seconds)
                .put("mean", count == 0 ? Double.NaN : (commands - before.commands) / count)
                .put("p50", quantile(before, count, 0.50)).put("p99", quantile(before, count, 0.99));
    }

    /** The smallest bucket bound holding the share {@code q} of the step's flushes. */
    private double quantile(JournalBatches before, long count, double q) {
        for (Map.Entry<Double, Long> bucket : atMost.entrySet()) {
            long inStep = bucket.getValue() - before.atMost.getOrDefault(bucket.getKey(), 0L);
            if (count > 0 && inStep >= q * count) {
                return bucket.getKey();
            }
        }
        return Double.NaN;
    }
}
