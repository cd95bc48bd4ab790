package io.welcomer.switchboard;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The lease holder's default name: two processes on one host, with no name set, never share it. */
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
}
