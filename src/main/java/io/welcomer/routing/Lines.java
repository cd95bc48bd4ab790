package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules of configured lines: configuring and removing them, and opening and closing them at
 * a deadline set for each change. Nothing in a closed line is offered: its contacts keep their
 * places and, at the opening, are offered in line order (priority, then arrival) to the agents
 * free then, each to its customer's last agent first, as on arrival.
 */
final class Lines {

    /** With no change within the horizon, the hours are looked at again after this. */
    private static final Duration RECHECK = Duration.ofDays(OpeningHours.HORIZON_DAYS / 2);

    private final Router router;
    private final Map<String, LineState> states = new HashMap<>();
    private Map<String, QueueStats.LineFigures> figures = Map.of();
    private boolean figuresChanged;

    Lines(Router router) {
        this.router = router;
    }

    LineState get(String lineId) {
        return states.get(lineId);
    }

    void configure(Line line) {
        Refusal refusal = overflowRefusal(line);
        if (refusal != null) {
            router.refuse(refusal);
            return;
        }
        LineState state = states.computeIfAbsent(line.id(), id -> new LineState(line));
        state.line = line;
        evaluate(state);
        // Open time is read by the hours as configured now, for the time before too.
        state.openSince = state.open ? router.now() : null;
        // Its contacts need what the line asks now; those waiting keep their places, and relax
        // from when they began to need what they need (a line that now asks a skill relaxes too).
        for (RoutedContact contact : List.copyOf(router.contacts.values())) {
            if (contact.line == state) {
                if (state.waiting.contains(contact)) {
                    router.queue.rekey(contact, router.now());
                } else {
                    contact.rederive();
                }
                router.matching.scheduleRelax(contact);
            } else {
                router.overflows.targetChanged(contact, state);
            }
        }
        router.decide(new Decision.LineConfigured(line, state.open, state.changesAt));
        if (state.open) {
            offerWaiting(state);
        } else {
            // Closed, nothing is offered; still its waiting contacts reach at once the steps of the
            // new configuration their open time earns, and lose those it does not.
            for (RoutedContact contact : List.copyOf(router.contacts.values())) {
                if (contact.line == state && contact.state == ContactState.QUEUED) {
                    router.overflows.catchUp(contact);
                }
            }
        }
    }

    void remove(String lineId) {
        LineState state = states.get(lineId);
        if (state == null) {
            router.refuse(Refusal.UNKNOWN_LINE);
        } else if (router.contacts.values().stream().anyMatch(contact -> contact.line == state)) {
            router.refuse(Refusal.LINE_NOT_EMPTY);
        } else if (states.values().stream().anyMatch(other -> other.line.overflowLines().contains(lineId))) {
            router.refuse(Refusal.LINE_OVERFLOWED_INTO);
        } else {
            states.remove(lineId);
            figuresChanged = true;
            router.decide(new Decision.LineRemoved(lineId));
        }
    }

    /** A line's deadline fell due: it opens or closes, unless the deadline was set for an earlier evaluation. */
    void changeDue(String lineId, long serial) {
        LineState state = states.get(lineId);
        if (state == null || state.serial != serial) {
            return;
        }
        boolean wasOpen = state.open;
        evaluate(state);
        if (state.open == wasOpen) {
            return;
        }
        if (state.open) {
            router.decide(new Decision.LineOpened(lineId, state.changesAt));
            offerWaiting(state);
        } else {
            state.waiting.forEach(router.queue::unfile);
            router.decide(new Decision.LineClosed(lineId, state.changesAt));
        }
    }

    /** Open or closed now and the next change, and a deadline set for it (or to look again later). */
    private void evaluate(LineState state) {
        Instant now = router.now();
        OpeningHours hours = state.line.hours();
        boolean wasOpen = state.open;
        state.open = hours == null || hours.isOpen(now);
        state.changesAt = hours == null ? null : hours.nextChange(now).orElse(null);
        if (state.open && (!wasOpen || state.openSince == null)) {
            state.openSince = now;
        }
        state.serial++;
        figuresChanged = true;
        if (hours != null) {
            router.deadlines.add(Deadlines.Kind.LINE_CHANGE, state.line.id(), state.serial,
                    state.changesAt != null ? state.changesAt : now.plus(RECHECK));
        }
    }

    /**
     * The line is open: its waiting contacts reach the overflow steps their open time has earned,
     * are filed for agents again and offered, in line order, to whoever is free now; then due follow-ups in it go to their own agents if free.
     */
    private void offerWaiting(LineState state) {
        List<RoutedContact> inOrder = new ArrayList<>(state.waiting);
        inOrder.sort(WaitingLine.ORDER);
        for (RoutedContact contact : inOrder) {
            router.overflows.catchUp(contact);
            router.queue.file(contact);
        }
        for (RoutedContact contact : inOrder) {
            if (!router.roster.anyRoutable()) {
                break;
            }
            router.matching.offerIfFree(contact);
        }
        for (RoutedContact contact : List.copyOf(router.contacts.values())) {
            if (contact.line == state && contact.reservedFor != null && contact.state == ContactState.QUEUED) {
                router.overflows.catchUp(contact);
                router.followUps.offerToOwnAgent(contact);
            }
        }
    }

    /** Why this configuration's overflow cannot be taken: a line it names is unknown, or it leads back here. */
    private Refusal overflowRefusal(Line line) {
        for (String target : line.overflowLines()) {
            if (!states.containsKey(target)) {
                return Refusal.UNKNOWN_OVERFLOW_LINE;
            }
        }
        // The configured lines never form a cycle, so a new one can only run through this line.
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(line.overflowLines());
        while (!next.isEmpty()) {
            String target = next.removeLast();
            if (target.equals(line.id())) {
                return Refusal.OVERFLOW_CYCLE;
            }
            LineState reached = states.get(target);
            if (seen.add(target) && reached != null) {
                next.addAll(reached.line.overflowLines());
            }
        }
        return null;
    }

    // --- service level ---

    /** The contact reached a human for the first time: counted for its line's service level today. */
    Decision.Answered answered(RoutedContact contact, Duration timeToHuman) {
        LineState state = contact.line;
        if (state == null) {
            return new Decision.Answered(contact.id(), null, null);
        }
        Line.ServiceLevel target = state.line.serviceLevel();
        Boolean within = target == null ? null : timeToHuman.compareTo(target.within()) <= 0;
        state.count(router.now(), true, Boolean.TRUE.equals(within));
        return new Decision.Answered(contact.id(), state.line.id(), within);
    }

    /** The customer left before reaching a human: counted against its line's service level today. */
    void abandoned(RoutedContact contact) {
        if (contact.line != null) {
            contact.line.count(router.now(), false, false);
        }
    }

    /** A wait that ended before a restart, counted again where its line (still configured) counts today. */
    void waitEnded(Command.RestoreWaitEnded ended) {
        LineState state = states.get(ended.lineId());
        if (state != null) {
            state.count(ended.at(), ended.answered(), ended.withinTarget());
        }
    }

    // --- what the lines look like ---

    /** Every line as it stands, by id. */
    List<LineStatus> statuses() {
        List<LineStatus> statuses = new ArrayList<>(states.size());
        new TreeMap<>(states).values().forEach(state -> statuses.add(status(state)));
        return statuses;
    }

    LineStatus status(LineState state) {
        Coverage.Count who = router.roster.couldServe(Coverage.Need.of(state.line));
        return new LineStatus(state.line, state.open, state.open ? null : state.changesAt,
                state.open ? state.changesAt : null, state.waiting.size(),
                state.waiting.isEmpty() ? null : state.waiting.first().arrivedAt, who.signedIn,
                state.serviceLevelToday(router.now()));
    }

    /** Open, waiting and who could serve it per configured line, made again only after something in them changed. */
    Map<String, QueueStats.LineFigures> figures() {
        if (figuresChanged) {
            Map<String, QueueStats.LineFigures> now = new LinkedHashMap<>();
            new TreeMap<>(states).forEach((id, state) -> now.put(id, new QueueStats.LineFigures(state.open,
                    state.waiting.size(), router.roster.couldServe(Coverage.Need.of(state.line)).signedIn,
                    state.line.serviceLevel() == null ? null : state.line.serviceLevel().target())));
            figures = Collections.unmodifiableMap(now);
            figuresChanged = false;
        }
        return figures;
    }

    /** A waiting count changed somewhere, or who is signed in. */
    void counted() {
        figuresChanged = true;
    }
}
