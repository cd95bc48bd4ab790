package io.welcomer.routing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tunable rules of routing.
 *
 * @param offerTimeout    how long an offer waits for an answer before it is revoked
 * @param maxMissedOffers consecutive timed-out offers after which an agent is set away
 * @param reconnectGrace  how long connected contacts wait for their agent to reconnect
 * @param repeatWindow    a customer back within this after being connected to an agent is
 *                        offered to that agent first, when it is free
 * @param relaxAfter      after waiting this long a contact's minimum proficiencies drop to 1
 *                        and its language is no longer required (unless the contact insists);
 *                        the skills it names stay required
 * @param priorityAging   priority points a waiting contact gains per minute waited (0: none),
 *                        so that no low-priority contact waits for ever behind newer high ones
 * @param wrapUpLimits    per channel, how long after-contact work may last before the contact is
 *                        completed for the agent; a channel not named has no limit
 * @param awayReasons     the reasons an agent may give for stepping away
 * @param maxTransfers    transfers one contact may go through
 * @param followUpGrace   how long a due follow-up waits for its own agent before anyone eligible
 *                        may take it
 * @param rejectUnservable refuse a new contact that no agent profile could serve (its skills, or
 *                        a required language, nobody has) instead of letting it wait
 */
public record RoutingRules(Duration offerTimeout, int maxMissedOffers, Duration reconnectGrace, Duration repeatWindow,
                           Duration relaxAfter, double priorityAging, Map<Channel, Duration> wrapUpLimits,
                           Set<String> awayReasons, int maxTransfers, Duration followUpGrace,
                           boolean rejectUnservable) {

    public static final Set<String> DEFAULT_AWAY_REASONS = Set.of("break", "lunch", "training", "meeting", "other");

    public RoutingRules {
        wrapUpLimits = Map.copyOf(wrapUpLimits);
        awayReasons = Set.copyOf(awayReasons);
    }

    /** The routing rules with the agent-work settings at their defaults. */
    public RoutingRules(Duration offerTimeout, int maxMissedOffers, Duration reconnectGrace, Duration repeatWindow,
                        Duration relaxAfter, double priorityAging) {
        this(offerTimeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter, priorityAging, Map.of(),
                DEFAULT_AWAY_REASONS, 5, Duration.ofMinutes(10), false);
    }

    public static RoutingRules defaults() {
        return new RoutingRules(Duration.ofSeconds(15), 2, Duration.ofSeconds(30), Duration.ofDays(7),
                Duration.ofSeconds(30), 0);
    }

    public Optional<Duration> wrapUpLimit(Channel channel) {
        return Optional.ofNullable(wrapUpLimits.get(channel));
    }

    public RoutingRules withOfferTimeout(Duration timeout) {
        return new RoutingRules(timeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter, priorityAging,
                wrapUpLimits, awayReasons, maxTransfers, followUpGrace, rejectUnservable);
    }

    public RoutingRules withRepeatWindow(Duration window) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, window, relaxAfter, priorityAging,
                wrapUpLimits, awayReasons, maxTransfers, followUpGrace, rejectUnservable);
    }

    public RoutingRules withPriorityAging(double pointsPerMinute) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter,
                pointsPerMinute, wrapUpLimits, awayReasons, maxTransfers, followUpGrace, rejectUnservable);
    }

    public RoutingRules withWrapUpLimits(Map<Channel, Duration> limits) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter,
                priorityAging, limits, awayReasons, maxTransfers, followUpGrace, rejectUnservable);
    }

    public RoutingRules withMaxTransfers(int transfers) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter,
                priorityAging, wrapUpLimits, awayReasons, transfers, followUpGrace, rejectUnservable);
    }

    public RoutingRules withRejectUnservable(boolean reject) {
        return new RoutingRules(offerTimeout, maxMissedOffers, reconnectGrace, repeatWindow, relaxAfter,
                priorityAging, wrapUpLimits, awayReasons, maxTransfers, followUpGrace, reject);
    }
}
