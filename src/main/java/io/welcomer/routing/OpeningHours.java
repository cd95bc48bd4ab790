package io.welcomer.routing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a line is open: weekly windows of local time in a zone, and dated exceptions that replace
 * a day's windows (closed all day, or other hours). Local times follow the zone's rules: a window
 * opens at the first moment its local opening time occurs and closes at the last moment its
 * closing time occurs, so on the day the clocks go back a window across the repeated hour lasts
 * an hour longer, and on the day they go forward one across the skipped hour an hour shorter (a
 * time inside the gap is read with the offset before it, as calendars do). A close of
 * {@link LocalTime#MIDNIGHT} is the end of the day (24:00).
 */
public final class OpeningHours {

    /** How far ahead the next opening or closing is looked for. */
    public static final int HORIZON_DAYS = 400;

    /** Open from {@code open} to {@code close} on each of these days of the week. */
    public record Weekly(Set<DayOfWeek> days, LocalTime open, LocalTime close) {
        public Weekly {
            days = Set.copyOf(days);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekly window needs at least one day");
            }
            checkWindow(open, close);
        }
    }

    /** On this date, open from {@code open} to {@code close} instead of the weekly hours; both null: closed all day. */
    public record Dated(LocalDate date, LocalTime open, LocalTime close) {
        public Dated {
            if ((open == null) != (close == null)) {
                throw new IllegalArgumentException("an exception is closed, or has both an open and a close time");
            }
            if (open != null) {
                checkWindow(open, close);
            }
        }

        public static Dated closed(LocalDate date) {
            return new Dated(date, null, null);
        }

        public boolean isClosed() {
            return open == null;
        }
    }

    /** One open stretch in real time, from {@code start} up to (not including) {@code end}. */
    record Interval(Instant start, Instant end) {}

    private final ZoneId zone;
    private final List<Weekly> weekly;
    private final List<Dated> exceptions;
    private final Map<DayOfWeek, List<Weekly>> weeklyByDay = new EnumMap<>(DayOfWeek.class);
    private final Map<LocalDate, List<Dated>> exceptionsByDate = new HashMap<>();

    /** Throws {@link IllegalArgumentException} if windows of one day overlap, or a date is both closed and open. */
    public OpeningHours(ZoneId zone, List<Weekly> weekly, List<Dated> exceptions) {
        this.zone = Objects.requireNonNull(zone);
        this.weekly = List.copyOf(weekly);
        this.exceptions = List.copyOf(exceptions);
        for (Weekly window : this.weekly) {
            for (DayOfWeek day : EnumSet.copyOf(window.days())) {
                weeklyByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(window);
            }
        }
        this.exceptions.forEach(e -> exceptionsByDate.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e));
        weeklyByDay.forEach((day, windows) -> requireApart(
                windows.stream().map(w -> new LocalTime[] {w.open(), w.close()}).toList(),
                "weekly windows overlap on " + day));
        exceptionsByDate.forEach((date, entries) -> {
            if (entries.size() > 1 && entries.stream().anyMatch(Dated::isClosed)) {
                throw new IllegalArgumentException(date + " is both closed and open");
            }
            requireApart(entries.stream().map(e -> new LocalTime[] {e.open(), e.close()}).toList(),
                    "exception hours overlap on " + date);
        });
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Weekly> weekly() {
        return weekly;
    }

    public List<Dated> exceptions() {
        return exceptions;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpeningHours hours && zone.equals(hours.zone) && weekly.equals(hours.weekly)
                && exceptions.equals(hours.exceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekly, exceptions);
    }

    @Override
    public String toString() {
        return "OpeningHours[" + zone + ", weekly " + weekly + ", exceptions " + exceptions + "]";
    }

    /** Whether the line is open at this instant. */
    public boolean isOpen(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            for (Interval window : windowsOn(d)) {
                if (!at.isBefore(window.start()) && at.isBefore(window.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first instant after {@code after} at which the line opens or closes, looking at most
     * {@link #HORIZON_DAYS} ahead; empty if its state does not change within them.
     */
    public Optional<Instant> nextChange(Instant after) {
        LocalDate first = LocalDate.ofInstant(after, zone).minusDays(1);
        LocalDate last = first.plusDays(HORIZON_DAYS);
        Instant horizon = last.plusDays(1).atStartOfDay(zone).toInstant();
        for (Interval open : merged(first, last)) {
            if (open.start().isAfter(after)) {
                return Optional.of(open.start());
            }
            if (open.end().isAfter(after)) {
                // Open past the last day looked at: its closing is beyond the horizon.
                return open.end().isBefore(horizon) ? Optional.of(open.end()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** How much of the time from {@code from} to {@code to} the line is open. */
    public Duration openBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration open = Duration.ZERO;
        for (Interval window : merged(LocalDate.ofInstant(from, zone).minusDays(1),
                LocalDate.ofInstant(to, zone).plusDays(1))) {
            Instant start = window.start().isAfter(from) ? window.start() : from;
            Instant end = window.end().isBefore(to) ? window.end() : to;
            if (end.isAfter(start)) {
                open = open.plus(Duration.between(start, end));
            }
        }
        return open;
    }

    /** The open stretches of these days in time order, stretches that meet or overlap joined into one. */
    private List<Interval> merged(LocalDate first, LocalDate last) {
        List<Interval> merged = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Interval window : windowsOn(day)) {
                Interval previous = merged.isEmpty() ? null : merged.getLast();
                if (previous != null && !window.start().isAfter(previous.end())) {
                    Instant end = window.end().isAfter(previous.end()) ? window.end() : previous.end();
                    merged.set(merged.size() - 1, new Interval(previous.start(), end));
                } else {
                    merged.add(window);
                }
            }
        }
        return merged;
    }

    /** The windows of one local date, in real time, earliest first. */
    private List<Interval> windowsOn(LocalDate day) {
        List<Interval> windows = new ArrayList<>(2);
        List<Dated> dated = exceptionsByDate.get(day);
        if (dated != null) {
            dated.stream().filter(e -> !e.isClosed()).forEach(e -> windows.add(interval(day, e.open(), e.close())));
        } else {
            for (Weekly window : weeklyByDay.getOrDefault(day.getDayOfWeek(), List.of())) {
                windows.add(interval(day, window.open(), window.close()));
            }
        }
        windows.sort(Comparator.comparing(Interval::start));
        return windows;
    }

    private Interval interval(LocalDate day, LocalTime open, LocalTime close) {
        ZonedDateTime start = ZonedDateTime.ofLocal(LocalDateTime.of(day, open), zone, null);
        ZonedDateTime end = close.equals(LocalTime.MIDNIGHT)
                ? day.plusDays(1).atStartOfDay(zone)
                : ZonedDateTime.ofLocal(LocalDateTime.of(day, close), zone, null).withLaterOffsetAtOverlap();
        return new Interval(start.toInstant(), end.toInstant());
    }

    private static void checkWindow(LocalTime open, LocalTime close) {
        if (open == null || close == null) {
            throw new IllegalArgumentException("a window needs an open and a close time");
        }
        if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
            throw new IllegalArgumentException("close " + close + " is not after open " + open);
        }
    }

    /** Windows of one day must not overlap (touching is fine: 08:00-12:00 and 12:00-18:00). */
    private static void requireApart(List<LocalTime[]> windows, String problem) {
        List<LocalTime[]> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(w -> w[0]));
        for (int i = 1; i < sorted.size(); i++) {
            LocalTime previousClose = sorted.get(i - 1)[1];
            if (previousClose.equals(LocalTime.MIDNIGHT) || previousClose.isAfter(sorted.get(i)[0])) {
                throw new IllegalArgumentException(problem);
            }
        }
    }
}
