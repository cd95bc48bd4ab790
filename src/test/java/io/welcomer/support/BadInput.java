package io.welcomer.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generated bad input, from a seed: every request and frame made here must be refused, so a
 * test can check that none is a 5xx, each answer names the problem, and nothing is stored.
 * Each is a valid request with one thing broken, so the refusal is for that thing.
 */
public final class BadInput {

    /** One HTTP request: what it is (for a failure message), and what to send. */
    public record Request(String why, String method, String path, String contentType, String body,
                          Map<String, String> headers) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Text no field accepts: control characters, broken surrogates, noncharacters. */
    private static final List<String> BAD_TEXT = List.of("a\u0000b", "bell\u0007", "esc\u001b[31m", "x\ud800",
            "\udc00y", "z\uffff", "del\u007f", "\u0085next-line");
    /** Values of the wrong type for a text field (Jackson would coerce a number to text). */
    private static final List<Object> NOT_TEXT = List.of(List.of("a"), Map.of("a", 1));
    /** Values of the wrong type or out of range for a small number. */
    private static final List<Object> NOT_A_SMALL_NUMBER = List.of("high", List.of(1), Map.of(), -1, 1_000_000,
            new BigInteger("123456789012345678901234567890"));

    /** A line the server under test has: voice only. */
    public static final String BAD_LINE = "bad-input-line";

    private final Random random;
    private final String contactId;

    /** {@code contactId}: a stored contact still waiting, for the per-contact endpoints. */
    public BadInput(long seed, String contactId) {
        this.random = new Random(seed);
        this.contactId = contactId;
    }

    public List<Request> requests(int count) {
        List<Function<Random, Request>> kinds = List.of(this::contact, this::contact, this::contact, this::agent,
                this::agent, this::line, this::line, this::callback, this::feedback, this::simulation,
                this::wrongContentType, this::truncated, this::oversized, this::badHeaderOrQuery);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(kinds.get(random.nextInt(kinds.size())).apply(random));
        }
        return requests;
    }

    /** Frames an agent might send by mistake or malice; none names a contact it holds. */
    public List<String> frames(int count) {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(switch (random.nextInt(9)) {
                case 0 -> truncate(json(Map.of("type", "accept", "contactId", contactId)));
                case 1 -> json(List.of("type", "available"));
                case 2 -> json(Map.of("contactId", contactId));
                case 3 -> json(Map.of("type", pick(List.of("dance", "", "AVAILABLE", "accept ", "x".repeat(500)))));
                case 4 -> json(Map.of("type", pick(List.of("accept", "reject", "complete")), "contactId", pick(NOT_TEXT)));
                case 5 -> json(Map.of("type", "accept", "contactId", pick(BAD_TEXT)));
                case 6 -> json(Map.of("type", "away", "reason", pick(BAD_TEXT)));
                case 7 -> json(Map.of("type", "complete", "contactId", contactId,
                        "outcome", pick(List.of("done", Map.of("resolved", "yes"), Map.of("code", "x")))));
                default -> json(Map.of("type", pick(List.of("accept", "reject")), "contactId", "nobody-" + random.nextInt()));
            });
        }
        return frames;
    }

    private Request contact(Random random) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "voice");
        Map<String, Object> customer = new LinkedHashMap<>(Map.of("id", "bad-input", "name", "Sunil", "language", "en"));
        body.put("customer", customer);
        body.put("skills", Map.of("bad-input-skill", 1));
        body.put("priority", 5);
        body.put("topic", "refund");
        String why;
        switch (random.nextInt(11)) {
            case 10 -> {
                // A line nobody configured, an id no line could have, or a channel the line does not take.
                Object line = pick(List.of("no-such-line", "Bad Line", "x".repeat(65), List.of("a"), BAD_LINE));
                body.put("line", line);
                if (line.equals(BAD_LINE)) {
                    body.put("channel", "chat");
                }
                why = "line " + line;
            }
            case 0 -> {
                String field = pick(List.of("prority", "channell", "customerId", "skill", "Priority"));
                body.put(field, 90);
                why = "unknown field " + field;
            }
            case 1 -> {
                String field = pick(List.of("nmae", "email", "ID"));
                customer.put(field, "x");
                why = "unknown field customer." + field;
            }
            case 2 -> {
                String field = pick(List.of("channel", "customer"));
                body.remove(field);
                why = "missing " + field;
            }
            case 3 -> {
                customer.remove("id");
                why = "missing customer.id";
            }
            case 4 -> {
                Object value = pick(NOT_A_SMALL_NUMBER);
                body.put("priority", value);
                why = "priority " + value;
            }
            case 5 -> {
                String field = pick(List.of("channel", "topic"));
                body.put(field, pick(NOT_TEXT));
                why = field + " of the wrong type";
            }
            case 6 -> {
                String field = pick(List.of("id", "name", "language"));
                customer.put(field, pick(BAD_TEXT));
                why = "bad text in customer." + field;
            }
            case 7 -> {
                body.put(pick(List.of("topic", "channel")), pick(BAD_TEXT));
                why = "bad text in a field";
            }
            case 8 -> {
                body.put("skills", pick(List.of(Map.of(pick(BAD_TEXT), 1), Map.of("billing", 9), Map.of("billing", "high"),
                        List.of("billing"))));
                why = "bad skills";
            }
            default -> {
                body.put("channel", pick(List.of("fax", "VOICE", "voice ", "")));
                why = "unknown channel";
            }
        }
        return post("contact: " + why, "/v1/contacts", json(body));
    }

    private Request agent(Random random) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Agent", "skills", Map.of("billing", 3),
                "capacity", Map.of("chat", 2)));
        String id = "bad-input-agent";
        String why;
        switch (random.nextInt(6)) {
            case 0 -> {
                body.put("skils", Map.of());
                why = "unknown field";
            }
            case 1 -> {
                body.remove("name");
                why = "missing name";
            }
            case 2 -> {
                body.put("name", pick(BAD_TEXT));
                why = "bad text in name";
            }
            case 3 -> {
                body.put("capacity", pick(List.of(Map.of("fax", 1), Map.of("chat", 51), Map.of("chat", "two"))));
                why = "bad capacity";
            }
            case 4 -> {
                body.put("skills", Map.of("billing", pick(NOT_A_SMALL_NUMBER)));
                why = "bad skill level";
            }
            default -> {
                id = pick(List.of("has%20space", "x".repeat(65), "%00", "caf%C3%A9"));
                why = "bad agent id " + id;
            }
        }
        return new Request("agent: " + why, "PUT", "/v1/agents/" + id, "application/json", json(body), Map.of());
    }

    /**
     * A line with one thing wrong: a time, the zone, a window, a date, a channel, a skill level,
     * an overflow step, the id, an unknown field.
     */
    private Request line(Random random) {
        Map<String, Object> window = new LinkedHashMap<>(Map.of("days", List.of("MON", "TUE"), "open", "08:00",
                "close", "20:00"));
        Map<String, Object> exception = new LinkedHashMap<>(Map.of("date", "2026-12-25", "closed", true));
        List<Object> weekly = new ArrayList<>(List.of(window));
        Map<String, Object> hours = new LinkedHashMap<>(Map.of("timeZone", "Europe/London",
                "weekly", weekly, "exceptions", List.of(exception)));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Billing", "channels", List.of("voice"),
                "skills", Map.of("billing", 1), "hours", hours));
        String id = "bad-input-new-line";
        String why;
        switch (random.nextInt(10)) {
            case 0 -> {
                window.put(pick(List.of("open", "close")), pick(List.of("8am", "25:00", "08:60", "", "8:00", "24:00:00")));
                why = "a time that does not parse";
            }
            case 1 -> {
                hours.put("timeZone", pick(List.of("Mars/Olympus", "Europe/Londn", "", "GMT+25")));
                why = "an unknown time zone";
            }
            case 2 -> {
                window.put("close", pick(List.of("08:00", "07:59", "00:00")));
                why = "close not after open";
            }
            case 3 -> {
                weekly.add(Map.of("days", List.of("TUE"), "open", "19:00", "close", "22:00"));
                why = "overlapping windows";
            }
            case 4 -> {
                exception.put("date", pick(List.of("2027-02-30", "2026-13-01", "25/12/2026", "tomorrow")));
                why = "an exception date that does not exist";
            }
            case 5 -> {
                body.put(pick(List.of("channels", "skills")), pick(List.of(List.of("fax"), List.of(), Map.of("billing", 6),
                        Map.of("billing", 0), Map.of(pick(BAD_TEXT), 1))));
                why = "channels or skills out of range";
            }
            case 6 -> {
                body.put("overflow", pick(List.of(
                        List.of(Map.of("after", "3m", "line", BAD_LINE), Map.of("after", "60s", "skills", Map.of("a", 1))),
                        List.of(Map.of("after", "60s", "line", id)),
                        List.of(Map.of("after", "soon", "line", BAD_LINE)),
                        List.of(Map.of("after", "60s", "line", "no-such-line")),
                        List.of(Map.of("after", "60s")))));
                why = "a bad overflow step";
            }
            case 7 -> {
                id = pick(List.of("Billing", "x".repeat(65), "%00", "bill%20ing", "caf%C3%A9"));
                why = "a bad line id " + id;
            }
            case 8 -> {
                body.put(pick(List.of("hour", "channel", "skill")), "x");
                why = "an unknown field";
            }
            default -> {
                exception.put("open", "10:00");
                why = "an exception both closed and open";
            }
        }
        return new Request("line: " + why, "PUT", "/v1/lines/" + id, "application/json", json(body), Map.of());
    }

    private Request callback(Random random) {
        Object number = pick(List.of("5551234567", "+0123", "+1555123456789012", "call me", "+1555\u0000", 15551234567L,
                List.of("+15551234567")));
        Map<String, Object> body = random.nextBoolean() ? Map.of("number", number)
                : Map.of("number", "+15551234567", "when", "now");
        return post("callback " + body, "/v1/contacts/" + contactId + "/callback", json(body));
    }

    private Request feedback(Random random) {
        Map<String, Object> body = switch (random.nextInt(4)) {
            case 0 -> Map.of("csat", pick(List.of(0, 6, "five", -3)));
            case 1 -> Map.of("csat", 5, "comment", "nul\u0000");
            case 2 -> Map.of("csat", 5, "rating", 5);
            // Valid, but the contact is not completed: a 409, and nothing stored.
            default -> Map.of("csat", 4);
        };
        return post("feedback " + body, "/v1/contacts/" + contactId + "/feedback", json(body));
    }

    private Request simulation(Random random) {
        Map<String, Object> body = switch (random.nextInt(4)) {
            case 0 -> Map.of("seed", 1, "hours", 1, "agents", List.of(), "arrivals", List.of(), "speed", "fast");
            case 1 -> Map.of("seed", "one", "hours", 1);
            case 2 -> Map.of("seed", 1, "hours", 1, "agents", List.of(Map.of("count", -1)),
                    "arrivals", List.of(Map.of("channel", "fax", "perHour", 1, "touchTimeSeconds", 60)));
            default -> Map.of("hours", List.of());
        };
        return post("simulation " + body, "/v1/simulations", json(body));
    }

    private Request wrongContentType(Random random) {
        String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"));
        String body = json(Map.of("channel", "voice", "customer", Map.of("id", "bad-input")));
        return new Request("content type " + type, "POST", "/v1/contacts", type, body, Map.of());
    }

    private Request truncated(Random random) {
        return post("truncated JSON", "/v1/contacts", truncate(json(Map.of("channel", "voice",
                "customer", Map.of("id", "bad-input", "name", "Sunil"), "skills", Map.of("bad-input-skill", 1)))));
    }

    private Request oversized(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> post("70 KB topic", "/v1/contacts", json(Map.of("channel", "voice",
                    "customer", Map.of("id", "bad-input"), "topic", "x".repeat(70_000))));
            case 1 -> post("9 KB context", "/v1/contacts", json(Map.of("channel", "voice",
                    "customer", Map.of("id", "bad-input"), "context", Map.of("blob", "x".repeat(9_000)))));
            default -> post("context nested 2,000 deep", "/v1/contacts", "{\"channel\": \"voice\", \"customer\": {\"id\": \"b\"},"
                    + " \"context\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}");
        };
    }

    private Request badHeaderOrQuery(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new Request("Idempotency-Key too long", "POST", "/v1/contacts", "application/json",
                    json(Map.of("channel", "voice", "customer", Map.of("id", "bad-input"))),
                    Map.of("Idempotency-Key", "k".repeat(201)));
            case 1 -> new Request("Last-Event-ID not a number", "GET", "/v1/events", null, null,
                    Map.of("Last-Event-ID", pick(List.of("yesterday", "1e9", "-", "9".repeat(30)))));
            case 2 -> new Request("insights with a bad date", "GET", "/v1/insights/touch-time?from="
                    + pick(List.of("yesterday", "2026-13-01", "2026-11-08&to=2026-11-01", "2026-11-01&by=agent")), null, null, Map.of());
            default -> new Request("no such contact", pick(List.of("GET", "DELETE")),
                    "/v1/contacts/" + pick(List.of("nobody", "%00", "x".repeat(300), "..%2F..")), null, null, Map.of());
        };
    }

    private Request post(String why, String path, String body) {
        return new Request(why, "POST", path, "application/json", body, Map.of());
    }

    private String truncate(String json) {
        return json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    private <T> T pick(List<? extends T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** JSON text; a lone surrogate is written as an escape, as a broken client might. */
    private static String json(Object value) {
        try {
            StringBuilder escaped = new StringBuilder();
            String text = JSON.writeValueAsString(value);
            for (char c : text.toCharArray()) {
                escaped.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return escaped.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
