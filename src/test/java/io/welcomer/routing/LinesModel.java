package io.welcomer.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured lines as the model holds them, rebuilt from commands and decisions, with its own
 * reading of their hours (the random run's hours lie in one UTC day) and of their rules.
 */
final class LinesModel {

    /** A configured line: its configuration, its open stretches, and its state as announced. */
    static final class Modelled {
        Line config;
        /** Open stretches [start, end); null: always open. */
        List<Instant[]> windows;
        boolean open;

        /** Open time between two instants by its hours. */
        Duration openBetween(Instant from, Instant to) {
            if (windows == null) {
                return Duration.between(from, to);
            }
            Duration open = Duration.ZERO;
            for (Instant[] window : windows) {
                Instant start = window[0].isAfter(from) ? window[0] : from;
                Instant end = window[1].isBefore(to) ? window[1] : to;
                if (start.isBefore(end)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
            return open;
        }

        boolean scheduledOpenAt(Instant now) {
            return windows == null || windows.stream().anyMatch(w -> !now.isBefore(w[0]) && now.isBefore(w[1]));
        }
    }

    private final Map<String, Modelled> lines = new LinkedHashMap<>();

    Modelled get(String lineId) {
        return lines.get(lineId);
    }

    Set<String> ids() {
        return lines.keySet();
    }

    Map<String, Modelled> all() {
        return lines;
    }

    /** What a contact needs in a line: its skills and the line's (the higher level), its language first. */
    static ContactRequest needs(ContactRequest given, Modelled line) {
        if (line == null) {
            return given;
        }
        Map<String, Integer> skills = new HashMap<>(line.config.skills());
        given.skills().forEach((skill, level) -> skills.put(skill, Math.max(level, skills.getOrDefault(skill, 0))));
        return new ContactRequest(given.contactId(), given.channel(), given.customerId(), skills, given.priority(),
                given.language() != null ? given.language() : line.config.language(),
                given.languageRequired() || line.config.languageRequired(), given.line());
    }

    Refusal arrivalRefusal(ContactRequest request) {
        Modelled line = request.line() == null ? null : lines.get(request.line());
        return request.line() != null && line == null ? Refusal.UNKNOWN_LINE
                : line != null && !line.config.channels().contains(request.channel()) ? Refusal.CHANNEL_NOT_TAKEN : null;
    }

    /** An overflow step naming an unknown line, or steps that would lead back to the line. */
    Refusal configureRefusal(Line line) {
        if (line.overflowLines().stream().anyMatch(target -> !lines.containsKey(target))) {
            return Refusal.UNKNOWN_OVERFLOW_LINE;
        }
        List<String> next = new ArrayList<>(line.overflowLines());
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String target = next.removeFirst();
            if (target.equals(line.id())) {
                return Refusal.OVERFLOW_CYCLE;
            }
            if (seen.add(target)) {
                next.addAll(lines.get(target).config.overflowLines());
            }
        }
        return null;
    }

    Refusal removeRefusal(String lineId, Collection<RoutingModel.Live> live) {
        return !lines.containsKey(lineId) ? Refusal.UNKNOWN_LINE
                : live.stream().anyMatch(contact -> lineId.equals(contact.lineId)) ? Refusal.LINE_NOT_EMPTY
                : lines.values().stream().anyMatch(other -> other.config.overflowLines().contains(lineId))
                        ? Refusal.LINE_OVERFLOWED_INTO : null;
    }

    Modelled configured(Decision.LineConfigured d, Instant now) {
        Modelled line = lines.computeIfAbsent(d.line().id(), id -> new Modelled());
        line.config = d.line();
        line.windows = windowsOf(d.line());
        assertEquals(line.scheduledOpenAt(now), d.open(), () -> "configured open or closed: " + d);
        line.open = d.open();
        return line;
    }

    void removed(String lineId) {
        lines.remove(lineId);
    }

    /** A line opened or closed: only on a tick, and only when its hours say so. */
    void changed(Command command, String lineId, boolean open, Instant now) {
        Modelled line = lines.get(lineId);
        assertTrue(command instanceof Command.Tick && line.open != open && line.scheduledOpenAt(now) == open,
                () -> lineId + (open ? " opened" : " closed") + " on " + command + " at " + now);
        line.open = open;
    }

    /** This run's hours: weekly windows on one Monday in UTC, 2025-03-03. */
    private static List<Instant[]> windowsOf(Line line) {
        if (line.hours() == null) {
            return null;
        }
        assertEquals(ZoneOffset.UTC, line.hours().zone(), "the model reads hours in UTC");
        LocalDate day = LocalDate.of(2025, 3, 3);
        return line.hours().weekly().stream()
                .filter(w -> w.days().contains(DayOfWeek.MONDAY))
                .map(w -> new Instant[] {day.atTime(w.open()).toInstant(ZoneOffset.UTC),
                        day.atTime(w.close()).toInstant(ZoneOffset.UTC)})
                .toList();
    }
}
