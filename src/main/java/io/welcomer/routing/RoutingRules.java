package io.welcomer.routing;

import java.time.Duration;

/**
 * The tunable rules of routing.
 *
 * @param offerTimeout    how long an offer waits for an answer before it is revoked
 * @param maxMissedOffers consecutive timed-out offers after which an agent is set away
 * @param reconnectGrace  how long connected contacts wait for their agent to reconnect
 * @param repeatWindow    a customer back within this after being connected to an agent is
 *                        offered to that agent first, when it is free
 * @param relaxAfter      after waiting this long a contact's minimum proficiencies drop to 1;
 *                        the skills it names stay required
 * @param priorityAging   priority points a waiting contact gains per minute waited (0: none),
 *                        so that no low-priority contact waits for ever behind newer high ones
 */
public record RoutingRules(Duration offerTimeout, int maxMissedOffers, Duration reconnectGrace, Duration repeatWindow,
                           Duration relaxAfter, double priorityAging) {

    public static RoutingRules defaults() {
        return new RoutingRules(Duration.ofSeconds(15), 2, Duration.ofSeconds(30), Duration.ofDays(7),
                Duration.ofSeconds(30), 0);
    }

    public RoutingRules withOfferTimeout(Duration timeout) {
        return new RoutingRules(timeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter, priorityAging);
    }

    public RoutingRules withRepeatWindow(Duration window) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, window, relaxAfter, priorityAging);
    }

    public RoutingRules withPriorityAging(double pointsPerMinute) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter,
                pointsPerMinute);
    }
}
