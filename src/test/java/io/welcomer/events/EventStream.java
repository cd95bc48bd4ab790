package io.welcomer.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A gateway listening to GET /v1/events, as a test reads it: one parsed event at a time. */
public final class EventStream implements AutoCloseable {

    public record Event(long id, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Set<String> passedOver = ConcurrentHashMap.newKeySet();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    public EventStream(String gatewayKey, Long lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + Api.port() + "/v1/events"))
                .header("Authorization", "Bearer " + gatewayKey)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId.toString());
        }
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        reader = Thread.ofVirtual().start(this::read);
    }

    public int status() {
        return response.statusCode();
    }

    private void read() {
        long[] id = {-1};
        StringBuilder data = new StringBuilder();
        try {
            response.body().forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    try {
                        events.add(new Event(id[0], JSON.readTree(data.toString())));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    data.setLength(0);
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The next event for this contact, passing over events of other contacts of the same gateway. */
    public Event next(String contactId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event == null) {
                continue;
            }
            if (event.data().path("contactId").asText().equals(contactId)) {
                return event;
            }
            passedOver.add(event.data().path("contactId").asText());
        }
        throw new AssertionError("no event for " + contactId + " within 10 s");
    }

    /** Whether any event about this contact has been read (and passed over) so far. */
    public boolean passedOver(String contactId) {
        return passedOver.contains(contactId);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
