package io.welcomer.floor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.welcomer.routing.Presence;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * The floor as a supervisor watches it: every configured line open or closed, every queue with
 * contacts waiting, the contacts waiting longest (at most {@link #WAITING_SHOWN}, by arrival),
 * every agent, and the away reasons a supervisor may give. {@code version} rises with each
 * picture, so a viewer keeps the newest one whatever order they arrive in.
 */
public record Floor(long version, Instant at, List<ConfiguredLine> configuredLines, List<Line> lines,
                    List<Waiting> waiting, List<Agent> agents, List<String> awayReasons) {

    /** Enough to act on what waits longest; the queue counts tell the rest. */
    public static final int WAITING_SHOWN = 100;

    /**
     * A waiting contact a supervisor may move: its configured {@code line} (null: an implicit
     * line), and {@code waitingFor} the one agent it waits for (null: anyone eligible).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Waiting(String contactId, String channel, String line, int priority, Instant arrivedAt,
                          boolean callback, String waitingFor) {}

    /**
     * A configured line: open until {@code closesAt}, or closed until {@code opensAt} (either null
     * when none lies ahead), in its hours' {@code timeZone} (null: always open); who waits, who
     * signed in could serve it, and its service level today (null: no target, or nothing ended today).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConfiguredLine(String id, String name, boolean open, Instant opensAt, Instant closesAt,
                                 String timeZone, int waiting, long oldestWaitSeconds, Instant oldestArrival,
                                 int agentsSignedIn, Double serviceLevelToday) {}

    /**
     * A queue: contacts of one line ({@code line}, the configured line's id; absent for an
     * implicit line) on one channel needing the same skills, competing with each other.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String line, String channel, SortedSet<String> skills, int waiting, long oldestWaitSeconds,
                       Instant oldestArrival, int callbacksWaiting) {}

    /**
     * An agent and what it holds now. {@code since} is when the presence last changed while this
     * server ran (null if it has not); {@code reason} is the away reason.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Agent(String id, String name, Presence presence, String reason, Instant since,
                        List<Held> contacts) {}

    /** A contact an agent holds: {@code OFFERED} or {@code CONNECTED}. */
    public record Held(String contactId, String state) {}
}
