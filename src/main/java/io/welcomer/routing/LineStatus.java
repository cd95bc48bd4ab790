package io.welcomer.routing;

import java.time.Instant;

/**
 * A configured line as it stands: open or closed with its next change, who waits in it, and how
 * many signed-in agents could serve it.
 *
 * @param opensAt        while closed, when it opens next (null: not within the horizon)
 * @param closesAt       while open, when it closes next (null: always open, or not within the horizon)
 * @param oldestArrival  when its longest-waiting contact arrived; null when nobody waits
 * @param agentsSignedIn agents with a session (not OFFLINE) who have its skills, its language if
 *                       required, and a slot on one of its channels
 * @param serviceLevelToday of today's contacts that ended their wait (answered or abandoned; today
 *                       in the line's zone), the share answered within its target; null without a
 *                       target or before any ended today
 */
public record LineStatus(Line line, boolean open, Instant opensAt, Instant closesAt, int waiting,
                         Instant oldestArrival, int agentsSignedIn, Double serviceLevelToday) {
}
