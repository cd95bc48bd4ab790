package io.welcomer.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where contacts wait for one kind of help: the channels it takes, the skills and language it
 * asks of agents, when it is open ({@code hours} null: always), its service-level target and its
 * overflow steps. Each instance is valid on its own; what involves other lines (an overflow
 * target exists, no cycle) the router checks when the line is configured.
 *
 * @param serviceLevel null when the line sets no target
 */
public record Line(String id, String name, Set<Channel> channels, Map<String, Integer> skills, String language,
                   boolean languageRequired, OpeningHours hours, ServiceLevel serviceLevel,
                   List<OverflowStep> overflow) {

    /** What a line's id may be: 1-64 of a-z, 0-9 and -. */
    public static final String ID_PATTERN = "[a-z0-9-]{1,64}";

    /** Overflow steps a line may have at most. */
    public static final int MAX_OVERFLOW_STEPS = 6;

    /** A share of contacts ({@code target}, 0-1) to be answered within {@code within} of arrival. */
    public record ServiceLevel(Duration within, double target) {
        public ServiceLevel {
            if (within.isNegative() || within.isZero() || target <= 0 || target > 1) {
                throw new IllegalArgumentException("a service level needs a positive time and a target in (0, 1]");
            }
        }
    }

    /**
     * After waiting {@code after} of open time, a contact also becomes eligible for agents with
     * these {@code skills}, or for the agents of the line named {@code line}: exactly one of the two.
     */
    public record OverflowStep(Duration after, Map<String, Integer> skills, String line) {
        public OverflowStep {
            skills = skills == null ? null : Map.copyOf(skills);
            if ((skills == null) == (line == null)) {
                throw new IllegalArgumentException("an overflow step names skills or a line, not both or neither");
            }
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("an overflow step's wait must be positive");
            }
        }
    }

    public Line {
        channels = Set.copyOf(EnumSet.copyOf(channels));
        skills = Map.copyOf(skills);
        overflow = List.copyOf(overflow);
        if (overflow.size() > MAX_OVERFLOW_STEPS) {
            throw new IllegalArgumentException("at most " + MAX_OVERFLOW_STEPS + " overflow steps");
        }
        for (int i = 0; i < overflow.size(); i++) {
            if (id.equals(overflow.get(i).line())) {
                throw new IllegalArgumentException("a line cannot overflow into itself");
            }
            if (i > 0 && overflow.get(i).after().compareTo(overflow.get(i - 1).after()) <= 0) {
                throw new IllegalArgumentException("overflow waits must rise from step to step");
            }
        }
    }

    /** Whether this line's hours say it is always open. */
    public boolean alwaysOpen() {
        return hours == null;
    }

    /** The date at this instant where the line is: in its hours' zone, in UTC without hours. */
    LocalDate dayOf(Instant at) {
        return at.atZone(hours == null ? ZoneOffset.UTC : hours.zone()).toLocalDate();
    }

    /** The lines this one overflows into, in step order. */
    public List<String> overflowLines() {
        return overflow.stream().map(OverflowStep::line).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * These lines ordered so that each comes after every line among them that its overflow names:
     * the order a restore configures them in.
     */
    public static List<Line> targetsFirst(Collection<Line> lines) {
        Map<String, Line> byId = new LinkedHashMap<>();
        lines.forEach(line -> byId.put(line.id(), line));
        List<Line> ordered = new ArrayList<>(lines.size());
        Map<String, Boolean> placed = new HashMap<>();
        for (Line line : byId.values()) {
            place(line, byId, placed, ordered);
        }
        return ordered;
    }

    private static void place(Line line, Map<String, Line> byId, Map<String, Boolean> placed, List<Line> ordered) {
        if (placed.containsKey(line.id())) {
            return;
        }
        // Marked first, so a cycle (which configuring refuses) cannot loop here.
        placed.put(line.id(), true);
        for (String target : line.overflowLines()) {
            Line next = byId.get(target);
            if (next != null) {
                place(next, byId, placed, ordered);
            }
        }
        ordered.add(line);
    }
}
