package io.welcomer.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.welcomer.support.PackagedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged server in the prod profile will not run with a key anyone can read in this repository. */
class PublishedKeysIT {

    @Test
    void prodRefusesTheDevKeys() throws Exception {
        refuses(Map.of("WELCOMER_ADMIN_KEYS", "a-real-admin-key-7f3a9c, dev-admin-key"), "dev-admin-key");
    }

    @Test
    void prodRefusesADevKeyUnderAName() throws Exception {
        refuses(Map.of("WELCOMER_SUPERVISOR_KEYS", "lead:dev-supervisor-key"), "dev-supervisor-key");
    }

    @Test
    void prodRefusesTheKubernetesPlaceholders() throws Exception {
        refuses(Map.of("WELCOMER_GATEWAY_KEYS", "replace-with-a-long-random-gateway-key"),
                "replace-with-a-long-random-gateway-key");
    }

    private static void refuses(Map<String, String> keys, String named) throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_published_keys")) {
            assertNotEquals(0, server.startExpectingExit(keys), "the server must not start");
            assertThat(server.tail(), containsString("refusing to start: the key '" + named + "'"));
        }
    }
}
