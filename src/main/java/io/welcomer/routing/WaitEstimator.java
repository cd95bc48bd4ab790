package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Honest waits. A contact at position p waits until the p contacts ahead of it have reached an
 * agent, so its wait is p divided by the rate at which waiting contacts on its channel have
 * recently reached agents (connections in the last 15 minutes, from at least 5 of them). With
 * less history than that, a stated prior: p x the channel's recent mean touch time / the
 * concurrent slots of connected agents who have the skills (180 s touch time until measured).
 */
final class WaitEstimator {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MIN_CONNECTIONS = 5;
    /** Enough to measure a rate; older ones are dropped first. */
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<Channel, ArrayDeque<Instant>> connections = new EnumMap<>(Channel.class);
    private final TouchTimes touchTimes = new TouchTimes();

    void connected(Channel channel, Instant at) {
        ArrayDeque<Instant> recent = connections.computeIfAbsent(channel, c -> new ArrayDeque<>());
        recent.addLast(at);
        if (recent.size() > MAX_REMEMBERED) {
            recent.removeFirst();
        }
    }

    void completed(Channel channel, Duration touchTime) {
        touchTimes.record(channel, touchTime);
    }

    long estimateSeconds(Channel channel, int position, Instant now, IntSupplier skilledSlots) {
        ArrayDeque<Instant> recent = connections.getOrDefault(channel, new ArrayDeque<>());
        Instant windowStart = now.minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= MIN_CONNECTIONS) {
            double span = Math.max(1, Duration.between(recent.peekFirst(), now).toMillis() / 1000.0);
            double perSecond = recent.size() / span;
            return (long) Math.ceil(position / perSecond);
        }
        return (long) Math.ceil(position * touchTimes.meanSeconds(channel) / Math.max(1, skilledSlots.getAsInt()));
    }
}
