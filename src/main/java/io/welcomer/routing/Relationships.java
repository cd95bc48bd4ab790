package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which agent each customer was last connected to, for as long as the repeat window lasts. Kept in
 * the order of connection, so customers who never come back are forgotten from the oldest on.
 */
final class Relationships {

    private record Served(String agentId, Instant connectedAt) {}

    private final Duration window;
    private final Map<String, Served> lastServed = new LinkedHashMap<>();

    Relationships(Duration window) {
        this.window = window;
    }

    /** Keeps the later of what is known and this connection; forgets connections out of the window. */
    void remember(String customerId, String agentId, Instant connectedAt) {
        Served known = lastServed.remove(customerId);
        lastServed.put(customerId, known != null && connectedAt.isBefore(known.connectedAt()) ? known
                : new Served(agentId, connectedAt));
        forgetBefore(connectedAt.minus(window));
    }

    private void forgetBefore(Instant windowOpen) {
        Iterator<Served> oldestFirst = lastServed.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().connectedAt().isBefore(windowOpen)) {
            oldestFirst.remove();
        }
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

    /** The customer's data is erased: nobody served them, as far as routing knows. */
    void forget(String customerId) {
        lastServed.remove(customerId);
    }

    /** How many customers are remembered: bounded by the connections within the window. */
    int size() {
        return lastServed.size();
    }
}
