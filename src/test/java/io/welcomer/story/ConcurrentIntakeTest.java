package io.welcomer.story;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 200 contacts posted at once to 5 agents of voice capacity 1: every contact is served exactly
 * once, none is offered to two agents at a time, and no agent ever holds two contacts.
 */
@QuarkusTest
@TestProfile(MachineSpeedAgents.class)
class ConcurrentIntakeTest {

    private static final int CONTACTS = 200;
    private static final int AGENTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void concurrentContactsAreEachServedOnceWithoutDoubleBooking() throws Exception {
        String skill = Api.uniqueSkill();
        List<AgentClient> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(Api.availableAgent(Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 2), Map.of("voice", 1))));
        }
        Map<String, String> holder = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
        CountDownLatch allCompleted = new CountDownLatch(CONTACTS);
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
        try {
            for (int i = 0; i < AGENTS; i++) {
                AgentClient agent = agents.get(i);
                String name = "agent-" + i;
                pool.submit(() -> serve(agent, name, holder, violations, completions, allCompleted));
            }
            // All 200 built first, then sent together, each on its own connection: at once, not
            // paced by a thread pool.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                requests.add(HttpRequest.newBuilder(URI.create("http://localhost:" + Api.port() + "/v1/contacts"))
                        .header("Authorization", "Bearer " + Api.GATEWAY_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                Api.contact(skill, Api.uniqueId("cust"), 0))))
                        .build());
            }
            List<CompletableFuture<HttpResponse<String>>> posts = requests.stream()
                    .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                HttpResponse<String> response = post.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.body());
                ids.add(JSON.readTree(response.body()).path("id").asText());
            }
            assertEquals(CONTACTS, ids.size());

            assertTrue(allCompleted.await(120, TimeUnit.SECONDS), "not every contact was served; " + violations);
            assertEquals(List.of(), violations);
            assertEquals(ids, completions.keySet());
            assertTrue(completions.values().stream().allMatch(count -> count.get() == 1), "a contact connected twice");
            // As the server recorded it: each agent was offered its next contact only after its
            // previous one had ended, since voice capacity 1 leaves no room for a second.
            Map<String, List<Response>> byAgent = new HashMap<>();
            for (String id : ids) {
                Response stored = gateway().get("/v1/contacts/{id}", id);
                stored.then().statusCode(200).body("state", equalTo("COMPLETED"));
                byAgent.computeIfAbsent(stored.path("agentId"), agent -> new ArrayList<>()).add(stored);
            }
            for (List<Response> served : byAgent.values()) {
                served.sort(Comparator.comparing(contact -> Instant.parse(contact.path("offeredAt"))));
                for (int i = 1; i < served.size(); i++) {
                    Instant offered = Instant.parse(served.get(i).path("offeredAt"));
                    Instant previousEnded = Instant.parse(served.get(i - 1).path("endedAt"));
                    assertFalse(offered.isBefore(previousEnded), "offered " + served.get(i).path("id")
                            + " at " + offered + " to an agent at capacity until " + previousEnded);
                }
            }
        } finally {
            agents.forEach(AgentClient::close);
            pool.shutdownNow();
        }
    }

    /**
     * One agent: accepts each offer, completes it once connected, and checks it holds one at a time
     * and is told only of its own completions.
     */
    private static void serve(AgentClient agent, String name, Map<String, String> holder, List<String> violations,
                              Map<String, AtomicInteger> completions, CountDownLatch allCompleted) {
        String holding = null;
        Set<String> completing = new HashSet<>();
        while (allCompleted.getCount() > 0) {
            JsonNode frame;
            try {
                frame = agent.next();
            } catch (AssertionError quiet) {
                continue;
            }
            String contactId = frame.path("contactId").asText();
            switch (frame.path("type").asText()) {
                case "offer" -> {
                    if (holding != null) {
                        violations.add(name + " offered " + contactId + " while holding " + holding);
                    }
                    String previous = holder.putIfAbsent(contactId, frame.toString());
                    if (previous != null) {
                        violations.add("offered twice: " + contactId);
                    }
                    holding = contactId;
                    agent.send(Map.of("type", "accept", "contactId", contactId));
                }
                case "connected" -> {
                    agent.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
                    completing.add(contactId);
                }
                case "completed" -> {
                    if (!completing.remove(contactId)) {
                        violations.add(name + " told " + contactId + " completed, which it did not complete");
                    }
                }
                case "presence", "hello" -> { }
                default -> violations.add("unexpected frame " + frame);
            }
            if (frame.path("type").asText().equals("connected")) {
                completions.computeIfAbsent(contactId, id -> new AtomicInteger()).incrementAndGet();
                holding = null;
                allCompleted.countDown();
            }
        }
    }
}
