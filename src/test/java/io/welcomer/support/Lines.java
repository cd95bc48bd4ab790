package io.welcomer.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line bodies as tests put them. The tests run at any hour, so a line is either always open or
 * closed until a day ahead (open only on that date): its state never depends on the time of day.
 */
public final class Lines {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Lines() {
    }

    /** Open on voice and chat at any time, asking for the skill. */
    public static Map<String, Object> alwaysOpen(String skill) {
        return Map.of("name", "Always open", "channels", List.of("voice", "chat"), "skills", Map.of(skill, 1));
    }

    /** Closed now: open only on the date {@code days} ahead, 08:00-20:00 in London. */
    public static Map<String, Object> closedUntil(int days, String skill) {
        return Map.of("name", "Billing", "channels", List.of("voice", "chat"), "skills", Map.of(skill, 1),
                "hours", Map.of("timeZone", "Europe/London", "weekly", List.of(),
                        "exceptions", List.of(Map.of("date", inDays(days).toString(), "open", "08:00", "close", "20:00"))),
                "serviceLevel", Map.of("seconds", 20, "target", 0.8));
    }

    /** Weekdays 08:00-20:00 in London, closed on the date 30 days ahead (a body to break, never stored as is). */
    public static Map<String, Object> weekdays(String skill) {
        return Map.of("name", "Billing", "channels", List.of("voice", "chat"), "skills", Map.of(skill, 1),
                "hours", Map.of("timeZone", "Europe/London",
                        "weekly", List.of(Map.of("days", List.of("MON", "TUE", "WED", "THU", "FRI"),
                                "open", "08:00", "close", "20:00")),
                        "exceptions", List.of(Map.of("date", inDays(30).toString(), "closed", true))));
    }

    public static LocalDate inDays(int days) {
        return LocalDate.now(LONDON).plusDays(days);
    }

    /** When a line {@link #closedUntil} that many days opens, as the API writes an instant. */
    public static String opensAt(int days) {
        return ZonedDateTime.of(inDays(days), LocalTime.of(8, 0), LONDON).toInstant().toString();
    }

    /** A contact for the line on the channel, asking nothing more. */
    public static Map<String, Object> contactIn(String line, String channel) {
        return Map.of("channel", channel, "customer", Map.of("id", Api.uniqueId("cust"), "name", "Sunil"), "line", line);
    }

    /** The line's gauges in a Prometheus scrape. */
    public static List<String> gaugesOf(String metrics, String line) {
        return metrics.lines().filter(sample -> sample.startsWith("welcomer_line_")
                && sample.contains("line=\"" + line + "\"")).sorted().toList();
    }

    /** A deep copy whose maps and lists can be changed. */
    @SuppressWarnings("unchecked")
    public static <T> T mutable(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, mutable(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(mutable(item)));
            return (T) copy;
        }
        return value;
    }
}
