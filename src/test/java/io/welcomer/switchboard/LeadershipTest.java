package io.welcomer.switchboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** This process's standing in the lease before it bids: its default name, and the one domain it accepts. */
class LeadershipTest {

    @Test
    void theDefaultHolderNamesTheHostAndTheProcessAndDiffersPerProcess() throws Exception {
        String one = Leadership.defaultHolder();
        String other = Leadership.defaultHolder();

        assertTrue(one.startsWith(InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid() + "-"), one);
        // A process id can come back after a restart or in another container: the random part tells them apart.
        assertNotEquals(one, other);
        assertTrue(one.length() <= 128, "fits routing_lease.holder: " + one);
    }

    @Test
    void aDomainOtherThanTheDefaultIsRefusedAtStartSayingWhy() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new Leadership(config("east"), new SimpleMeterRegistry()));

        assertTrue(refused.getMessage().startsWith("refusing to start: welcomer.lease.domain is 'east'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("would route the same contacts"), refused.getMessage());
        assertFalse(new Leadership(config("default"), new SimpleMeterRegistry()).leading());
    }

    private static LeaseConfig config(String domain) {
        return new FixedLeaseConfig(domain, Duration.ofSeconds(1));
    }
}
