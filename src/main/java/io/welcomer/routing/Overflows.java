package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The overflow rules. Once a waiting contact has waited a step's {@code after} of its line's open
 * time (closed time does not count), agents with the step's skills, or who serve the step's line,
 * may take it too. It keeps its arrival place, so in the groups it reaches it goes ahead of the
 * newer contacts only; it is still one contact, filed in several groups and offered once. A cold
 * transfer leaves its line and the steps it reached behind.
 */
final class Overflows {

    private final Router router;

    Overflows(Router router) {
        this.router = router;
    }

    /** A new contact in a line with overflow steps: a deadline for the first, counted from now. */
    void arrived(RoutedContact contact) {
        catchUp(contact, false);
    }

    /**
     * The contact's line changed (configured again, opened) or it came back in line: the steps it
     * has reached by now are applied, each announced once, and a deadline set for the next while
     * the line is open.
     */
    void catchUp(RoutedContact contact) {
        catchUp(contact, true);
    }

    /** A contact restored after a restart: it reaches the steps it had reached before, without announcing them again. */
    void restored(RoutedContact contact) {
        catchUp(contact, false);
    }

    /** A deadline fell due: if the contact still waits and has waited long enough, it reaches the step; else the deadline is set again. */
    void due(String contactId, long serial) {
        RoutedContact contact = router.contacts.get(contactId);
        // Closed since it was set: the opening catches up.
        if (contact == null || contact.overflowSerial != serial || contact.state != ContactState.QUEUED
                || !Matching.offerable(contact)) {
            return;
        }
        int before = contact.reached.size();
        catchUp(contact, true);
        if (contact.reached.size() > before && !contact.filedUnder.isEmpty()) {
            RoutedAgent agent = router.matching.bestFreeAgent(contact, null);
            if (agent != null) {
                router.queue.remove(contact, router.now());
                router.matching.offer(contact, agent);
            }
        }
    }

    private void catchUp(RoutedContact contact, boolean announce) {
        LineState line = contact.line;
        if (line == null || line.line.overflow().isEmpty() && contact.reached.isEmpty()) {
            return;
        }
        Instant now = router.now();
        List<Line.OverflowStep> steps = line.line.overflow();
        Duration waited = line.openBetween(contact.needingSince, now);
        int reached = 0;
        while (reached < steps.size() && steps.get(reached).after().compareTo(waited) <= 0) {
            reached++;
        }
        int before = contact.reached.size();
        if (reached != before || announce) {
            reach(contact, steps.subList(0, reached));
        }
        if (announce) {
            for (int step = before; step < reached; step++) {
                Line.OverflowStep overflow = steps.get(step);
                router.decide(new Decision.Overflowed(contact.id(), line.line.id(), overflow.line(),
                        overflow.line() == null ? overflow.skills() : null, step + 1));
            }
        }
        contact.overflowSerial++;
        if (reached < steps.size() && line.open) {
            router.deadlines.add(Deadlines.Kind.OVERFLOW, contact.id(), contact.overflowSerial,
                    now.plus(steps.get(reached).after().minus(waited)));
        }
    }

    /**
     * The contact may go to the agents of these steps from now on (a line step: as that line is
     * configured now, and whenever it is configured again). Filed for agents, it is filed again.
     */
    private void reach(RoutedContact contact, List<Line.OverflowStep> steps) {
        List<RoutedContact.Reach> reach = new ArrayList<>(steps.size());
        for (Line.OverflowStep step : steps) {
            reach.add(new RoutedContact.Reach(step.skills(), step.line() == null ? null : router.lines.get(step.line())));
        }
        refile(contact, () -> contact.reached = List.copyOf(reach));
    }

    /** A line was configured again: a waiting contact that overflowed into it is filed under what it asks now. */
    void targetChanged(RoutedContact contact, LineState target) {
        if (contact.state == ContactState.QUEUED && contact.reached.stream().anyMatch(step -> step.line() == target)) {
            refile(contact, () -> { });
        }
    }

    private void refile(RoutedContact contact, Runnable change) {
        boolean filed = router.queue.unfile(contact);
        change.run();
        if (filed) {
            router.queue.file(contact);
        }
    }
}
