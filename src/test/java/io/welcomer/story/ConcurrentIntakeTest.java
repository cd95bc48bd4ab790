package io.welcomer.story;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 200 contacts posted at once to 5 agents of voice capacity 1: every contact is served exactly
 * once, none is offered to two agents at a time, and no agent ever holds two contacts.
 */
@QuarkusTest
class ConcurrentIntakeTest {

    private static final int CONTACTS = 200;
    private static final int AGENTS = 5;

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
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS + 32);
        try {
            for (AgentClient agent : agents) {
                pool.submit(() -> serve(agent, holder, violations, completions, allCompleted));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> posts = new ArrayList<>();
            for (int i = 0; i < CONTACTS; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    return gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> post : posts) {
                Response response = post.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id"));
            }
            assertEquals(CONTACTS, ids.size());

            assertTrue(allCompleted.await(120, TimeUnit.SECONDS), "not every contact was served; " + violations);
            assertEquals(List.of(), violations);
            assertEquals(ids, completions.keySet());
            assertTrue(completions.values().stream().allMatch(count -> count.get() == 1), "a contact connected twice");
            for (String id : ids) {
                gateway().get("/v1/contacts/{id}", id).then().statusCode(200).body("state", equalTo("COMPLETED"));
            }
        } finally {
            agents.forEach(AgentClient::close);
            pool.shutdownNow();
        }
    }

    /** One agent: accepts each offer, completes it once connected, and checks it holds one at a time. */
    private static void serve(AgentClient agent, Map<String, String> holder, List<String> violations,
                              Map<String, AtomicInteger> completions, CountDownLatch allCompleted) {
        String holding = null;
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
                        violations.add("offered " + contactId + " while holding " + holding);
                    }
                    String previous = holder.putIfAbsent(contactId, frame.toString());
                    if (previous != null) {
                        violations.add("offered twice: " + contactId);
                    }
                    holding = contactId;
                    agent.send(Map.of("type", "accept", "contactId", contactId));
                }
                case "connected" -> agent.send(Map.of("type", "complete", "contactId", contactId,
                        "outcome", Map.of("resolved", true)));
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
