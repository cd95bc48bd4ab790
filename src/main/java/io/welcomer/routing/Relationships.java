package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which agent each customer was last connected to, for as long as the repeat window lasts. */
final class Relationships {

    private record Served(String agentId, Instant connectedAt) {}

    private final Duration window;
    private final Map<String, Served> lastServed = new HashMap<>();

    Relationships(Duration window) {
        this.window = window;
    }

    /** Keeps the later of what is known and this connection. */
    void remember(String customerId, String agentId, Instant connectedAt) {
        lastServed.merge(customerId, new Served(agentId, connectedAt),
                (known, latest) -> latest.connectedAt().isBefore(known.connectedAt()) ? known : latest);
    }

    /** The agent who last served the customer, if that was within the window; forgets older ones. */
    Optional<String> lastAgentOf(String customerId, Instant now) {
        Served served = lastServed.get(customerId);
        if (served == null) {
            return Optional.empty();
        }
        if (served.connectedAt().plus(window).isBefore(now)) {
            lastServed.remove(customerId);
            return Optional.empty();
        }
        return Optional.of(served.agentId());
    }
}
