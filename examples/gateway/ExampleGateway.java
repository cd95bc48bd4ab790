import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A gateway in one file, with nothing but the JDK: what a phone system does with Welcomer over
 * one call (docs/gateways.md). It follows its event stream, hands the call over, tells the caller
 * where they stand, offers a callback that keeps their place, waits for an agent, puts the call
 * through (dialling the callback number), and hangs up.
 *
 * <pre>
 * java examples/gateway/ExampleGateway.java --server http://localhost:8080 --key dev-gateway-key \
 *     --customer cust-42 --name Sunil --skill billing --number +15551234567 --wait 120
 * </pre>
 *
 * Exit status: 0 when an agent took the call, 2 when the caller gave up waiting, 1 on an error.
 */
public class ExampleGateway {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Welcomer welcomer = new Welcomer(URI.create(options.get("server")), options.get("key"));
        Duration patience = Duration.ofSeconds(Long.parseLong(options.get("wait")));

        // 1. The event stream first, so that nothing about the call happens before we listen.
        BlockingQueue<Map<String, String>> events = welcomer.follow();

        // 2. Hand the call over. The key is the call's own id: posting again after a lost answer
        //    gives the same contact, never a second one.
        String body = """
                {"channel": "voice", "customer": {"id": "%s", "name": "%s"}, "skills": {"%s": 1}}"""
                .formatted(options.get("customer"), options.get("name"), options.get("skill"));
        HttpResponse<String> posted = welcomer.send("POST", "/v1/contacts", body, "call-" + UUID.randomUUID());
        if (posted.statusCode() != 201 && posted.statusCode() != 200) {
            throw new IllegalStateException("POST /v1/contacts answered " + posted.statusCode() + ": " + posted.body());
        }
        Map<String, String> contact = fields(posted.body());
        String id = contact.get("id");
        say("contact " + id + " " + contact.get("state"));

        // 3. Tell the caller the truth: offered at once, or their place and an honest wait.
        if ("QUEUED".equals(contact.get("state"))) {
            say(standing(contact));
            // 4. Rather than hold, the caller may hang up and keep their place (voice and video).
            if ("true".equals(contact.get("callbackAvailable"))) {
                HttpResponse<String> callback = welcomer.send("POST", "/v1/contacts/" + id + "/callback",
                        "{\"number\": \"" + options.get("number") + "\"}", null);
                say(callback.statusCode() == 200 ? "callback arranged on " + options.get("number") + ", place kept"
                        : "no callback (" + callback.statusCode() + "): " + callback.body());
            }
        }

        // 5. Wait for an agent: contact.connected carries the number to dial for a callback.
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            Map<String, String> event = events.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (event == null || !id.equals(event.get("contactId"))) {
                continue;
            }
            say("event " + event.get("type") + (event.containsKey("agentId") ? " agent " + event.get("agentId") : ""));
            if ("contact.connected".equals(event.get("type"))) {
                say(event.containsKey("callbackNumber") ? "connected to " + event.get("agentId") + ": dialling "
                        + event.get("callbackNumber") : "connected to " + event.get("agentId") + ": putting the caller through");
                // ... the conversation happens on the phone system ...
                // 6. The caller hangs up: the agent is told and still completes the contact.
                say("hung up: " + fields(welcomer.send("DELETE", "/v1/contacts/" + id, null, null).body()).get("state"));
                System.exit(0);
            }
        }
        // Nobody came within the caller's patience: they leave, and any offer is withdrawn.
        say("gave up waiting: " + fields(welcomer.send("DELETE", "/v1/contacts/" + id, null, null).body()).get("state"));
        System.exit(2);
    }

    /** What the caller hears while queued: contract v1.2's honest answers, never an invented wait. */
    static String standing(Map<String, String> contact) {
        if ("false".equals(contact.get("open"))) {
            return "we are closed; we open at " + contact.get("opensAt") + ". Leave a number and keep your place";
        }
        if ("false".equals(contact.get("servable"))) {
            return "nobody here can help with this; we will put you through to someone who can route you";
        }
        if ("false".equals(contact.get("staffed"))) {
            return "you are number " + contact.get("position") + " in line; nobody who can help is signed in right now";
        }
        String wait = contact.containsKey("estimatedWaitSeconds")
                ? ", about " + Math.max(1, Math.round(Long.parseLong(contact.get("estimatedWaitSeconds")) / 60.0)) + " min"
                : "";
        return "you are number " + contact.get("position") + " in line" + wait;
    }

    /** The HTTP side of Welcomer, as a gateway uses it. */
    record Welcomer(URI server, String key) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        HttpResponse<String> send(String method, String path, String json, String idempotencyKey)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                    .header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(10))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 && response.statusCode() != 503 || attempt == 5) {
                    return response;
                }
                // Nothing was done: wait as told and try again (the Idempotency-Key makes a POST safe to repeat).
                Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
            }
        }

        /**
         * Follows GET /v1/events on its own thread; returns once the stream is open. A dropped
         * stream is reopened with Last-Event-ID, so no event is missed or repeated.
         */
        BlockingQueue<Map<String, String>> follow() throws Exception {
            BlockingQueue<Map<String, String>> events = new LinkedBlockingQueue<>();
            AtomicReference<String> lastId = new AtomicReference<>();
            HttpResponse<Stream<String>> first = open(null);
            Thread.ofVirtual().start(() -> {
                HttpResponse<Stream<String>> stream = first;
                while (true) {
                    try {
                        stream.body().forEach(line -> {
                            if (line.startsWith("id:")) {
                                lastId.set(line.substring(3).strip());
                            } else if (line.startsWith("data:")) {
                                events.add(fields(line.substring(5)));
                            }
                        });
                    } catch (RuntimeException dropped) {
                        // the connection broke: reopen below
                    }
                    try {
                        stream = open(lastId.get());
                    } catch (Exception unreachable) {
                        return;
                    }
                }
            });
            return events;
        }

        private HttpResponse<Stream<String>> open(String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/v1/events"))
                    .header("Authorization", "Bearer " + key)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IOException("GET /v1/events answered " + response.statusCode());
            }
            return response;
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|true|false)");

    /**
     * The top-level text, number and boolean fields of a JSON object. Enough for this example,
     * which reads only flat fields; a real gateway uses its JSON library.
     */
    static Map<String, String> fields(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            fields.putIfAbsent(matcher.group(1), matcher.group(3) != null ? matcher.group(3) : matcher.group(2));
        }
        return fields;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("server", "http://localhost:8080", "key", "dev-gateway-key",
                "customer", "cust-42", "name", "Sunil", "skill", "billing", "number", "+15551234567", "wait", "120"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
