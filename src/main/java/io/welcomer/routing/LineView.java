package io.welcomer.routing;

import java.time.Instant;
import java.util.SortedSet;

/**
 * One line of waiting contacts (a channel and the skill names its contacts need), as a
 * supervisor watches it.
 *
 * @param oldestArrival when the longest-waiting contact in this line arrived
 */
public record LineView(Channel channel, SortedSet<String> skills, int waiting, int callbacksWaiting,
                       Instant oldestArrival) {
}
