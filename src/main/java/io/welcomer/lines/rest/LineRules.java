package io.welcomer.lines.rest;

import io.welcomer.problems.Problem;
import io.welcomer.problems.ProblemException;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Line;
import io.welcomer.routing.OpeningHours;
import io.welcomer.switchboard.LineDocuments;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a line's body into the routing core's {@link Line}, checking what the annotations cannot:
 * times, the zone, dates and waits parse; each window closes after it opens; windows of a day do
 * not overlap; an exception is closed or has hours; overflow waits rise and no step names this
 * line. Every problem is named with its place ({@code hours.weekly.1.close}), all at once.
 */
public final class LineRules {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern WAIT = Pattern.compile("[1-9][0-9]{0,5}[smh]");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private LineRules() {
    }

    /** The line this body configures; throws a 400 problem naming every field that is wrong. */
    public static Line read(String lineId, LineBody body) {
        LineRules rules = new LineRules();
        OpeningHours hours = body.hours() == null ? null : rules.hours(body.hours());
        List<Line.OverflowStep> overflow = rules.overflow(lineId, body.overflow() == null ? List.of() : body.overflow());
        if (!rules.errors.isEmpty()) {
            throw ProblemException.invalid(rules.errors);
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        body.channels().forEach(channel -> channels.add(Channel.fromWireName(channel)));
        LineBody.ServiceLevel level = body.serviceLevel();
        return new Line(lineId, body.name() == null ? lineId : body.name(), channels,
                body.skills() == null ? Map.of() : body.skills(), body.language(),
                Boolean.TRUE.equals(body.languageRequired()), hours,
                level == null ? null : new Line.ServiceLevel(Duration.ofSeconds(level.seconds()), level.target()),
                overflow);
    }

    private OpeningHours hours(LineBody.Hours hours) {
        ZoneId zone = null;
        try {
            zone = ZoneId.of(hours.timeZone());
        } catch (DateTimeException e) {
            error("hours.timeZone", "is not a known time zone, such as Europe/London");
        }
        List<OpeningHours.Weekly> weekly = new ArrayList<>();
        Map<DayOfWeek, List<int[]>> byDay = new HashMap<>();
        for (int i = 0; i < hours.weekly().size(); i++) {
            LineBody.Weekly window = hours.weekly().get(i);
            String field = "hours.weekly." + i;
            Set<DayOfWeek> days = days(field + ".days", window.days());
            LocalTime[] times = window(field, window.open(), window.close());
            if (times != null && days != null) {
                for (DayOfWeek day : days) {
                    overlapping(field, byDay.computeIfAbsent(day, d -> new ArrayList<>()), times, i, "hours.weekly.",
                            day.toString());
                }
                weekly.add(new OpeningHours.Weekly(days, times[0], times[1]));
            }
        }
        List<OpeningHours.Dated> exceptions = new ArrayList<>();
        List<LineBody.Dated> dated = hours.exceptions() == null ? List.of() : hours.exceptions();
        Map<LocalDate, List<int[]>> byDate = new HashMap<>();
        for (int i = 0; i < dated.size(); i++) {
            OpeningHours.Dated exception = exception("hours.exceptions." + i, dated.get(i), byDate, i);
            if (exception != null) {
                exceptions.add(exception);
            }
        }
        return zone == null || !errors.isEmpty() ? null : new OpeningHours(zone, weekly, exceptions);
    }

    /** Days as MON ... SUN, each once; null (with the error noted) otherwise. */
    private Set<DayOfWeek> days(String field, List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names) {
            DayOfWeek day = LineDocuments.parseDay(name);
            if (day == null) {
                error(field, "must be days such as MON, TUE ... SUN");
                return null;
            }
            if (!days.add(day)) {
                error(field, "names " + name + " twice");
                return null;
            }
        }
        return days;
    }

    /**
     * A dated exception: closed all day, or open from one time to another. A date closed cannot
     * be open too; windows of one date must not overlap. {@code byDate} holds what each date had
     * so far, in minutes of the day ({@code -1} for closed) with the entry's index.
     */
    private OpeningHours.Dated exception(String field, LineBody.Dated exception, Map<LocalDate, List<int[]>> byDate,
                                         int index) {
        LocalDate date = date(field + ".date", exception.date());
        boolean closed = Boolean.TRUE.equals(exception.closed());
        if (closed == (exception.open() != null || exception.close() != null)) {
            error(field, closed ? "is closed, so it has no open or close time"
                    : "must be \"closed\": true, or have an open and a close time");
            return null;
        }
        LocalTime[] times = closed ? null : window(field, exception.open(), exception.close());
        if (date == null || (!closed && times == null)) {
            return null;
        }
        List<int[]> sameDate = byDate.computeIfAbsent(date, d -> new ArrayList<>());
        int[] closedBefore = sameDate.stream().filter(w -> w[0] < 0).findFirst().orElse(null);
        if ((closed && !sameDate.isEmpty()) || closedBefore != null) {
            int other = closedBefore != null ? closedBefore[2] : sameDate.getFirst()[2];
            error(field, "gives " + date + " as hours.exceptions." + other + " does, one of them closed");
            return null;
        }
        if (closed) {
            sameDate.add(new int[] {-1, -1, index});
            return OpeningHours.Dated.closed(date);
        }
        overlapping(field, sameDate, times, index, "hours.exceptions.", date.toString());
        return new OpeningHours.Dated(date, times[0], times[1]);
    }

    /** The open and close times of a window, or null (with the errors noted) if they do not make one. */
    private LocalTime[] window(String field, String open, String close) {
        LocalTime opens = time(field + ".open", open, false);
        LocalTime closes = time(field + ".close", close, true);
        if (opens == null || closes == null) {
            return null;
        }
        // 00:00 parses to the same time as 24:00, but as a closing it comes before any opening.
        if ("00:00".equals(close) || (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens))) {
            error(field + ".close", "must be after open (" + open + "); a window ends on its own day, 24:00 at the latest");
            return null;
        }
        return new LocalTime[] {opens, closes};
    }

    private LocalTime time(String field, String text, boolean closing) {
        if (text == null) {
            error(field, "is required");
            return null;
        }
        if (closing && "24:00".equals(text)) {
            return LocalTime.MIDNIGHT;
        }
        if (!TIME.matcher(text).matches()) {
            error(field, "must be a time such as 08:00" + (closing ? " (24:00 for midnight)" : ""));
            return null;
        }
        return LocalTime.parse(text);
    }

    private LocalDate date(String field, String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // Shaped like a date but not one (2026-02-30): the same answer as any other text.
        }
        error(field, "must be a date that exists, such as 2026-12-25");
        return null;
    }

    /** Notes an overlap with a window of the same day seen before, then remembers this one (minutes of the day). */
    private void overlapping(String field, List<int[]> sameDay, LocalTime[] times, int index, String listField,
                             String day) {
        int open = times[0].toSecondOfDay() / 60;
        int close = times[1].equals(LocalTime.MIDNIGHT) ? 24 * 60 : times[1].toSecondOfDay() / 60;
        for (int[] other : sameDay) {
            if (open < other[1] && other[0] < close) {
                error(field, "overlaps " + listField + other[2] + " on " + day);
                return;
            }
        }
        sameDay.add(new int[] {open, close, index});
    }

    private List<Line.OverflowStep> overflow(String lineId, List<LineBody.Step> steps) {
        List<Line.OverflowStep> read = new ArrayList<>();
        Duration before = Duration.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            LineBody.Step step = steps.get(i);
            String field = "overflow." + i;
            if ((step.skills() == null) == (step.line() == null)) {
                error(field, "names skills or a line, one of the two");
                continue;
            }
            if (lineId.equals(step.line())) {
                error(field + ".line", "is this line: a line cannot overflow into itself");
                continue;
            }
            if (!WAIT.matcher(step.after()).matches()) {
                error(field + ".after", "must be a wait such as 60s, 3m or 1h");
                continue;
            }
            Duration after = LineDocuments.parseWait(step.after());
            if (after.compareTo(before) <= 0) {
                error(field + ".after", "must be longer than the step before's");
                continue;
            }
            before = after;
            read.add(new Line.OverflowStep(after, step.skills(), step.line()));
        }
        return read;
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }
}
