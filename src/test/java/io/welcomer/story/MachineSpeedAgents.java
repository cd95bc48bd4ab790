package io.welcomer.story;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Test agents that answer at machine speed: each sends more frames a second than a person at a
 * console, so the per-socket frame rate limit is lifted out of the way of what the test checks.
 */
public class MachineSpeedAgents implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("welcomer.socket.frames-per-second", "10000");
    }
}
