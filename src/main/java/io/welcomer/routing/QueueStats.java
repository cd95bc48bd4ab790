package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The router's state in figures, for ops and gauges.
 *
 * @param oldestArrival when the longest-waiting contact arrived; null when nobody waits
 * @param lines         open and waiting for each configured line, by id
 */
public record QueueStats(int waiting, int callbacksWaiting, Instant oldestArrival,
                         Map<Channel, Integer> waitingByChannel, Map<Presence, Integer> agentsByPresence,
                         Map<String, LineFigures> lines) {

    /**
     * A configured line in figures: open or not, how many wait in it, how many agents signed in
     * could serve it, and its service-level target (null: none).
     */
    public record LineFigures(boolean open, int waiting, int agentsSignedIn, Double serviceLevelTarget) {}

    /** Seconds the longest-waiting contact has waited at {@code now}; 0 when nobody waits. */
    public long oldestWaitSeconds(Instant now) {
        return oldestArrival == null ? 0 : Math.max(0, Duration.between(oldestArrival, now).toSeconds());
    }
}
