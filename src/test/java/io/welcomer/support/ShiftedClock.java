package io.welcomer.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock in virtual time: real time plus a shift a test moves forward, so that days
 * pass in a test without waiting for them. Enabled by {@link Profile}.
 */
@Alternative
@Priority(1)
@Singleton
public class ShiftedClock implements InstantSource {

    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get());
    }

    /** Moves the server's time forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + by);
        }
        shift.accumulateAndGet(by, Duration::plus);
    }

    /** The server on the shifted clock; the background sweeps wait for the test to run them. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ShiftedClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("welcomer.retention.every", "24h", "welcomer.retention.batch-size", "3");
        }
    }
}
