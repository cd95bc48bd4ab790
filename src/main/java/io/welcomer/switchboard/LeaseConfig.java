package io.welcomer.switchboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The routing lease: one active router per domain, others stand by. A crash is taken over once
 * the lease expires (at most {@code duration} plus one {@code renew-every}); a clean stop releases
 * it and a standby takes over at once.
 */
@ConfigMapping(prefix = "welcomer.lease")
public interface LeaseConfig {

    /**
     * The routing domain: processes of one domain share its contacts and agents; one routes at a
     * time. Only {@code default} for now: contacts and agents have no domain, so another is refused at start.
     */
    @WithDefault("default")
    String domain();

    /**
     * This process's name in the lease; unless set, the host name, the process id and a random
     * suffix, unique per process. A restart under a set name takes its own lease back at once once
     * the session that held it is gone; a live process of the same name is never displaced.
     */
    Optional<String> holder();

    /** How long a lease lasts past its last renewal, by the database's clock. */
    @WithDefault("4s")
    Duration duration();

    /** The holder renews, and a standby bids, this often. */
    @WithDefault("1s")
    Duration renewEvery();

    /** The holder stops routing this long before its lease would expire without a renewal. */
    @WithDefault("1s")
    Duration safetyMargin();
}
