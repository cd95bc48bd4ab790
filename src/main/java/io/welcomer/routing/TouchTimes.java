package io.welcomer.routing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Recent mean touch time per channel (exponentially weighted), for wait estimates. */
final class TouchTimes {

    /** Assumed before any contact on the channel completed: three minutes. */
    static final double INITIAL_MEAN_SECONDS = 180;
    private static final double WEIGHT = 0.1;

    private final Map<Channel, Double> means = new EnumMap<>(Channel.class);

    void record(Channel channel, Duration touchTime) {
        double seconds = touchTime.toMillis() / 1000.0;
        means.merge(channel, seconds, (mean, latest) -> mean + WEIGHT * (latest - mean));
    }

    double meanSeconds(Channel channel) {
        return means.getOrDefault(channel, INITIAL_MEAN_SECONDS);
    }
}
