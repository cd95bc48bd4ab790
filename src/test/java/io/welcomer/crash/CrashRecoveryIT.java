package io.welcomer.crash;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.support.PackagedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: the packaged server is killed with SIGKILL while contacts wait
 * (one of them offered), started again, and every acknowledged contact is back in the same order.
 */
class CrashRecoveryIT {

    private static final int CONTACTS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Acknowledged(String id, String key, int priority, int arrival) {}

    @Test
    void everyAcknowledgedContactSurvivesAKillInItsPlace() throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_crash_it")) {
            server.start();
            server.admin().body(Map.of("name", "Kim", "skills", Map.of("crash", 3), "capacity", Map.of("voice", 1)))
                    .put("/v1/agents/kim").then().statusCode(201);

            List<Acknowledged> acknowledged = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                int priority = (i * 37) % 5 * 10;
                String key = "call-" + i;
                String id = server.gateway().header("Idempotency-Key", key)
                        .body(Map.of("channel", "voice", "customer", Map.of("id", "cust-" + i, "name", "Customer " + i),
                                "skills", Map.of("crash", 1), "priority", priority))
                        .post("/v1/contacts")
                        .then().statusCode(201).body("state", equalTo("QUEUED"))
                        .extract().path("id");
                acknowledged.add(new Acknowledged(id, key, priority, i));
            }
            List<Acknowledged> inLine = acknowledged.stream()
                    .sorted(Comparator.comparingInt((Acknowledged a) -> -a.priority()).thenComparingInt(Acknowledged::arrival))
                    .toList();
            assertPositions(server, inLine, "before the kill");
            // The agent is offered the first in line and has not answered when the server dies.

            String token = server.admin().post("/v1/agents/kim/tokens").then().statusCode(201).extract().path("token");
            Agent offered = new Agent(server, token);
            offered.send("{\"type\":\"available\"}");
            assertEquals(inLine.getFirst().id(), offered.next("offer").path("contactId").asText());
            server.gateway().get("/v1/contacts/{id}", inLine.getFirst().id()).then().body("state", equalTo("OFFERED"));
            server.kill();
            offered.abort();

            server.start();
            assertPositions(server, inLine, "after the restart");
            server.admin().get("/v1/queue").then().body("waiting", equalTo(CONTACTS));
            Acknowledged retried = acknowledged.get(7);
            server.gateway().header("Idempotency-Key", retried.key())
                    .body(Map.of("channel", "voice", "customer", Map.of("id", "cust-7")))
                    .post("/v1/contacts")
                    .then().statusCode(200).body("id", equalTo(retried.id()));

            // Routing picks up where it was: the first in line is offered first.
            try (Agent agent = new Agent(server, token)) {
                agent.send("{\"type\":\"available\"}");
                assertEquals(inLine.getFirst().id(), agent.next("offer").path("contactId").asText());
            }
        }
    }

    private static void assertPositions(PackagedServer server, List<Acknowledged> inLine, String when) {
        for (int place = 0; place < inLine.size(); place++) {
            try {
                server.gateway().get("/v1/contacts/{id}", inLine.get(place).id())
                        .then().statusCode(200)
                        .body("state", equalTo("QUEUED"))
                        .body("position", equalTo(place + 1));
            } catch (AssertionError e) {
                throw new AssertionError(when + ", place " + (place + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    /** A bare agent socket: enough to become available and read an offer. */
    private static final class Agent implements AutoCloseable {
        private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        Agent(PackagedServer server, String token) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws/agent"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                try {
                                    frames.add(JSON.readTree(text.toString()));
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).orTimeout(10, TimeUnit.SECONDS).join();
            next("hello");
        }

        void send(String frame) {
            socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
        }

        JsonNode next(String type) {
            try {
                for (JsonNode frame = frames.poll(10, TimeUnit.SECONDS); frame != null; frame = frames.poll(10, TimeUnit.SECONDS)) {
                    if (frame.path("type").asText().equals(type)) {
                        return frame;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no " + type + " frame within 10 s");
        }

        /** The server died: drop the socket without a closing handshake. */
        void abort() {
            socket.abort();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
