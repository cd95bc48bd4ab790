package io.welcomer.routing;

import io.welcomer.routing.WaitingLine.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Honest waits. A contact at position p waits until p contacts of its queue have left it, so its
 * wait is p times the queue's mean time between departures while it had someone waiting. Those
 * gaps are measured in open time: from the moment the queue last had nobody waiting, or from the
 * previous departure, to each departure (to an agent, or a customer giving up), leaving out any
 * time its line was closed; the mean is over the last 100 gaps within the hour, from at least 5
 * of them (more gaps steady the mean, the hour keeps it current). With less history, a stated
 * prior: p x the channel's recent mean touch time / the concurrent slots of signed-in agents who
 * could serve it (180 s touch time until measured). The router asks only when someone could.
 */
final class WaitEstimator {

    static final Duration WINDOW = Duration.ofMinutes(60);
    static final int MIN_DEPARTURES = 5;
    /** The most recent gaps averaged; older ones are dropped first. */
    private static final int MAX_REMEMBERED = 100;

    /** How much of a stretch of time a line was open. */
    interface OpenTime {
        /** An implicit line: always open. */
        OpenTime ALWAYS = Duration::between;

        Duration openBetween(Instant from, Instant to);
    }

    private record Gap(Instant endedAt, double seconds) {}

    private static final class History {
        final ArrayDeque<Gap> gaps = new ArrayDeque<>();
        double sumSeconds;
        Instant since;
    }

    private final Map<Queue, History> lines = new HashMap<>();
    private final TouchTimes touchTimes = new TouchTimes();
    private Instant lastSweep = Instant.MIN;

    /** Someone is waiting in a queue where nobody waited: the clock of the next departure starts. */
    void queueStarted(Queue queue, Instant now) {
        forgetIdleLines(now);
        lines.computeIfAbsent(queue, l -> new History()).since = now;
    }

    /**
     * Skill sets are the gateways' to invent, so a line whose history says nothing about the last
     * hour is dropped: no gap within the window and no departure clock started within it. A
     * sweep at most once a minute keeps this off the hot path.
     */
    private void forgetIdleLines(Instant now) {
        if (now.isBefore(lastSweep.plus(Duration.ofMinutes(1)))) {
            return;
        }
        lastSweep = now;
        Instant windowStart = now.minus(WINDOW);
        lines.values().removeIf(history -> history.since.isBefore(windowStart)
                && (history.gaps.isEmpty() || history.gaps.peekLast().endedAt().isBefore(windowStart)));
    }

    /** How many lines have a history: bounded by the lines active within the window. */
    int linesRemembered() {
        return lines.size();
    }

    /**
     * One contact left the queue. A departure while its line was closed all along since the last
     * one measures nothing (its gap would be no open time at all): the open time goes on adding up
     * to the next departure.
     */
    void departed(Queue queue, Instant now, OpenTime openTime) {
        History history = lines.get(queue);
        if (history == null) {
            // Forgotten while someone waited over an hour with no departure: measure from now on.
            lines.computeIfAbsent(queue, l -> new History()).since = now;
            return;
        }
        Duration open = openTime.openBetween(history.since, now);
        if (open.isZero() && now.isAfter(history.since)) {
            return;
        }
        double seconds = open.toMillis() / 1000.0;
        history.gaps.addLast(new Gap(now, seconds));
        history.sumSeconds += seconds;
        history.since = now;
        if (history.gaps.size() > MAX_REMEMBERED) {
            history.sumSeconds -= history.gaps.removeFirst().seconds();
        }
    }

    void completed(Channel channel, Duration touchTime) {
        touchTimes.record(channel, touchTime);
    }

    /** The expected wait at this position; {@code slots}: concurrent slots of the signed-in agents who could serve it. */
    long estimateSeconds(Queue queue, int position, Instant now, IntSupplier slots) {
        History history = lines.get(queue);
        if (history != null) {
            Instant windowStart = now.minus(WINDOW);
            while (!history.gaps.isEmpty() && history.gaps.peekFirst().endedAt().isBefore(windowStart)) {
                history.sumSeconds -= history.gaps.removeFirst().seconds();
            }
            if (history.gaps.size() >= MIN_DEPARTURES) {
                return Math.round(position * history.sumSeconds / history.gaps.size());
            }
        }
        return priorSeconds(queue.channel(), position, slots.getAsInt());
    }

    /**
     * The stated prior alone: what an overflowed contact is told, since no queue's history
     * measures the agents of several lines taking it.
     */
    long priorSeconds(Channel channel, int position, int slots) {
        double touchSeconds = touchTimes.meanSeconds(channel);
        // Asked only while someone signed in could serve the contact: at least one slot.
        return (long) Math.ceil(position * touchSeconds / Math.max(1, slots));
    }
}
