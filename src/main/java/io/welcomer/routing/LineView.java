package io.welcomer.routing;

import java.time.Instant;
import java.util.SortedSet;

/**
 * One queue of waiting contacts (a line, a channel and the skill names its contacts need), as a
 * supervisor watches it.
 *
 * @param line          the configured line's id; null for an implicit line
 * @param oldestArrival when the longest-waiting contact in this queue arrived
 */
public record LineView(String line, Channel channel, SortedSet<String> skills, int waiting, int callbacksWaiting,
                       Instant oldestArrival) {
}
