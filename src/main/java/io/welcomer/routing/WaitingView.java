package io.welcomer.routing;

import java.time.Instant;

/**
 * Where a waiting contact stands, honestly: its 1-based position, and an estimate of its wait
 * only where one can be made. No estimate while its line is closed, nor while nobody signed in
 * could serve it.
 *
 * @param estimatedWaitSeconds null when there is no honest estimate
 * @param open                 whether its line is open
 * @param opensAt              while closed, when its line opens next (null: not within the horizon)
 * @param closesAt             while open, when its line closes next (null: always open)
 * @param staffed              someone signed in (not OFFLINE) could serve it
 * @param servable             some agent profile could serve it at all (its skills, a required language)
 * @param likelyBeforeClose    with an estimate and a closing: whether the wait ends before the closing
 */
public record WaitingView(int position, Long estimatedWaitSeconds, boolean open, Instant opensAt, Instant closesAt,
                          boolean staffed, boolean servable, Boolean likelyBeforeClose) {
}
