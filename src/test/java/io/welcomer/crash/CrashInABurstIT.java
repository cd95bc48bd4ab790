package io.welcomer.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.welcomer.support.PackagedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The packaged server is killed with SIGKILL in the middle of a burst: hundreds of POSTs per
 * second while agents accept and complete. After the restart every 201 names a stored contact,
 * and every contact an agent was told is connected is still connected to that agent (or
 * completed, if the agent had sent its completion). {@code -Dcrash.rounds=20} repeats it
 * (load-tests/crash-rounds.sh).
 */
class CrashInABurstIT {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 1);
    private static final int AGENTS = 20;
    private static final int PER_SECOND = 300;
    private static final int KILL_AFTER_CREATED = 300;
    private static final Duration BURST_BOUND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAcknowledgedContactAndEveryConnectionSurvivesAKillInABurst() throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_crash_burst")) {
            server.start();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String agentId = "burst-" + i;
                server.admin().body(Map.of("name", agentId, "skills", Map.of("burst", 3), "capacity", Map.of("chat", 3)))
                        .put("/v1/agents/{id}", agentId).then().statusCode(201);
                tokens.add(server.admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201)
                        .extract().path("token"));
            }
            for (int round = 1; round <= ROUNDS; round++) {
                burstAndKill(server, tokens, round);
            }
        }
    }

    private void burstAndKill(PackagedServer server, List<String> tokens, int round) throws Exception {
        Map<String, String> connectedTo = new ConcurrentHashMap<>();
        Set<String> completionSent = ConcurrentHashMap.newKeySet();
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            agents.add(new Agent(server, tokens.get(i), "burst-" + i, connectedTo, completionSent));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        AtomicInteger created = new AtomicInteger();
        long started = System.nanoTime();
        long gapNanos = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
        // Killed in full flow: once enough contacts were acknowledged, whatever the machine's speed.
        long bound = started + BURST_BOUND.toNanos();
        for (int i = 0; created.get() < KILL_AFTER_CREATED && System.nanoTime() < bound; i++) {
            long due = started + i * gapNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            URI contacts = URI.create("http://127.0.0.1:" + server.port() + "/v1/contacts");
            posts.add(http.sendAsync(HttpRequest.newBuilder(contacts)
                    .header("Authorization", "Bearer " + PackagedServer.GATEWAY_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("channel", "chat",
                            "customer", Map.of("id", "round-" + round + "-" + i), "skills", Map.of("burst", 1)))))
                    .build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (response != null && response.statusCode() == 201) {
                            created.incrementAndGet();
                        }
                    }));
        }
        server.kill();
        agents.forEach(Agent::abort);
        // Snapshot what clients were told before the kill; later answers cannot exist.
        Map<String, String> toldConnected = Map.copyOf(connectedTo);
        Set<String> completed = Set.copyOf(completionSent);
        List<String> acknowledged = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            HttpResponse<String> response = post.handle((answer, failure) -> answer).get(10, TimeUnit.SECONDS);
            if (response != null && response.statusCode() == 201) {
                acknowledged.add(JSON.readTree(response.body()).path("id").asText());
            }
        }

        assertTrue(acknowledged.size() >= KILL_AFTER_CREATED, "round " + round + ": only " + acknowledged.size()
                + " acknowledged within " + BURST_BOUND);
        server.start();
        for (String id : acknowledged) {
            Response stored = server.gateway().get("/v1/contacts/{id}", id);
            assertEquals(200, stored.statusCode(), "round " + round + ": acknowledged contact " + id + " is lost");
        }
        toldConnected.forEach((contactId, agentId) -> {
            Response stored = server.gateway().get("/v1/contacts/{id}", contactId);
            String state = stored.path("state");
            String where = "round " + round + ": contact " + contactId + " told connected to " + agentId;
            assertEquals(agentId, stored.path("agentId"), where);
            assertTrue("CONNECTED".equals(state) || completed.contains(contactId) && "COMPLETED".equals(state),
                    where + " is " + state);
        });
        assertEquals(0, eventsWithoutTheirContact(server), "round " + round + ": events stored without their contact");
    }

    /** Events and their contact are written in one flush (no foreign key checks it since V21). */
    private static int eventsWithoutTheirContact(PackagedServer server) throws Exception {
        try (Connection db = server.database(); Statement statement = db.createStatement();
             ResultSet orphans = statement.executeQuery("select count(*) from contact_events e"
                     + " where not exists (select 1 from contacts c where c.id = e.contact_id)")) {
            orphans.next();
            return orphans.getInt(1);
        }
    }

    /** Becomes available, accepts every offer, completes every other contact it is connected to. */
    private static final class Agent {
        private final WebSocket socket;

        Agent(PackagedServer server, String token, String agentId, Map<String, String> connectedTo,
              Set<String> completionSent) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws/agent");
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(uri, new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();
                        private int connections;

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                react(webSocket, parse(text.toString()));
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        private void react(WebSocket webSocket, JsonNode frame) {
                            String contactId = frame.path("contactId").asText();
                            switch (frame.path("type").asText()) {
                                case "hello" -> webSocket.sendText("{\"type\":\"available\"}", true);
                                case "offer" -> webSocket.sendText(
                                        "{\"type\":\"accept\",\"contactId\":\"" + contactId + "\"}", true);
                                case "connected" -> {
                                    connectedTo.put(contactId, agentId);
                                    if (connections++ % 2 == 0) {
                                        completionSent.add(contactId);
                                        webSocket.sendText("{\"type\":\"complete\",\"contactId\":\"" + contactId
                                                + "\",\"outcome\":{\"resolved\":true}}", true);
                                    }
                                }
                                default -> { }
                            }
                        }
                    }).orTimeout(10, TimeUnit.SECONDS).join();
        }

        /** The server died: drop the socket without a closing handshake. */
        void abort() {
            socket.abort();
        }

        private static JsonNode parse(String text) {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
