package io.welcomer.switchboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Line;
import io.welcomer.routing.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A line's configuration as JSON, the same document the API takes and shows: days as {@code MON},
 * local times as {@code 08:00} ({@code 24:00} closes at midnight), waits as {@code 60s}. Stored
 * as this text and read back at a restart.
 */
public final class LineDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The configuration of a line; {@code hours} null: always open. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(String name, List<String> channels, Map<String, Integer> skills, String language,
                           boolean languageRequired, Hours hours, ServiceLevel serviceLevel, List<Step> overflow) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hours(String timeZone, List<Weekly> weekly, List<Dated> exceptions) {}

    public record Weekly(List<String> days, String open, String close) {}

    /** On {@code date}: closed all day, or open from {@code open} to {@code close}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dated(String date, Boolean closed, String open, String close) {}

    public record ServiceLevel(long seconds, double target) {}

    /** After {@code after} of open time, agents with {@code skills}, or those of {@code line}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String after, Map<String, Integer> skills, String line) {}

    private LineDocuments() {
    }

    public static Document of(Line line) {
        OpeningHours hours = line.hours();
        return new Document(line.name(),
                EnumSet.copyOf(line.channels()).stream().map(Channel::wireName).toList(),
                new TreeMap<>(line.skills()), line.language(), line.languageRequired(),
                hours == null ? null : new Hours(hours.zone().getId(),
                        hours.weekly().stream().map(w -> new Weekly(EnumSet.copyOf(w.days()).stream()
                                .map(LineDocuments::day).toList(), time(w.open()), closeTime(w.close()))).toList(),
                        hours.exceptions().stream().map(e -> e.isClosed()
                                ? new Dated(e.date().toString(), true, null, null)
                                : new Dated(e.date().toString(), null, time(e.open()), closeTime(e.close()))).toList()),
                line.serviceLevel() == null ? null
                        : new ServiceLevel(line.serviceLevel().within().toSeconds(), line.serviceLevel().target()),
                line.overflow().stream().map(step -> new Step(step.after().toSeconds() + "s",
                        step.skills() == null ? null : new TreeMap<>(step.skills()), step.line())).toList());
    }

    /** The document as a map of JSON values (for the audit trail). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Line line) {
        return JSON.convertValue(of(line), Map.class);
    }

    public static String write(Line line) {
        try {
            return JSON.writeValueAsString(of(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a line: " + line, e);
        }
    }

    /** The line this stored document describes; it was checked when it was configured. */
    public static Line read(String id, String stored) {
        Document document;
        try {
            document = JSON.readValue(stored, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored line " + id + " is not a line document", e);
        }
        Hours hours = document.hours();
        return new Line(id, document.name(), channels(document.channels()),
                document.skills() == null ? Map.of() : document.skills(), document.language(),
                document.languageRequired(),
                hours == null ? null : new OpeningHours(ZoneId.of(hours.timeZone()),
                        hours.weekly().stream().map(w -> new OpeningHours.Weekly(days(w.days()), LocalTime.parse(w.open()),
                                parseClose(w.close()))).toList(),
                        hours.exceptions() == null ? List.of() : hours.exceptions().stream()
                                .map(e -> Boolean.TRUE.equals(e.closed())
                                        ? OpeningHours.Dated.closed(LocalDate.parse(e.date()))
                                        : new OpeningHours.Dated(LocalDate.parse(e.date()), LocalTime.parse(e.open()),
                                                parseClose(e.close())))
                                .toList()),
                document.serviceLevel() == null ? null : new Line.ServiceLevel(
                        Duration.ofSeconds(document.serviceLevel().seconds()), document.serviceLevel().target()),
                document.overflow() == null ? List.of() : document.overflow().stream()
                        .map(step -> new Line.OverflowStep(parseWait(step.after()), step.skills(), step.line()))
                        .toList());
    }

    /** {@code MON} for Monday. */
    public static String day(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    /** The day for {@code MON} ... {@code SUN}, or null. */
    public static DayOfWeek parseDay(String day) {
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (day(candidate).equals(day)) {
                return candidate;
            }
        }
        return null;
    }

    /** A closing time: {@code 24:00} is midnight at the end of the day. */
    public static LocalTime parseClose(String close) {
        return "24:00".equals(close) ? LocalTime.MIDNIGHT : LocalTime.parse(close);
    }

    /** A wait such as {@code 60s}, {@code 3m} or {@code 1h}. */
    public static Duration parseWait(String wait) {
        long amount = Long.parseLong(wait.substring(0, wait.length() - 1));
        return switch (wait.toLowerCase(Locale.ROOT).charAt(wait.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a wait: " + wait);
        };
    }

    private static String time(LocalTime time) {
        return time.toString().substring(0, 5);
    }

    private static String closeTime(LocalTime close) {
        return close.equals(LocalTime.MIDNIGHT) ? "24:00" : time(close);
    }

    private static Set<Channel> channels(List<String> names) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        names.forEach(name -> channels.add(Channel.fromWireName(name)));
        return channels;
    }

    private static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        names.forEach(name -> days.add(parseDay(name)));
        return days;
    }
}
