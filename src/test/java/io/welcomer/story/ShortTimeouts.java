package io.welcomer.story;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The timing rules, shortened so that tests wait seconds, not minutes, for them to fire. */
public class ShortTimeouts implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "welcomer.offer-timeout", "1s",
                "welcomer.max-missed-offers", "2",
                "welcomer.reconnect-grace", "2s");
    }
}
