package io.welcomer.switchboard;

import java.time.Duration;
import java.util.Optional;

/** Lease settings for a test: a 4 s lease with a 1 s safety margin, no holder name configured. */
record FixedLeaseConfig(String domain, Duration renewEvery) implements LeaseConfig {

    @Override
    public Optional<String> holder() {
        return Optional.empty();
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds(4);
    }

    @Override
    public Duration safetyMargin() {
        return Duration.ofSeconds(1);
    }
}
