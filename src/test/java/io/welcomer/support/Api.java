package io.welcomer.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The HTTP API as a test calls it. Tests share one server, so each test names its own skill
 * (see {@link #uniqueSkill()}) and its contacts require it: only that test's agents are eligible.
 */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key";
    public static final String GATEWAY_KEY = "test-gateway-key";
    public static final String OTHER_GATEWAY_KEY = "test-gateway-key-2";
    /** Named {@code floor-lead} in the test profile. */
    public static final String SUPERVISOR_KEY = "test-supervisor-key";
    public static final String SUPERVISOR_NAME = "floor-lead";
    /** The admin key named {@code ops} in the test profile (the unnamed one is {@code admin-1}). */
    public static final String OPS_KEY = "test-ops-key";

    private Api() {
    }

    public static int port() {
        return RestAssured.port;
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON);
    }

    public static RequestSpecification supervisor() {
        return given().auth().oauth2(SUPERVISOR_KEY).contentType(ContentType.JSON);
    }

    public static RequestSpecification gateway() {
        return given().auth().oauth2(GATEWAY_KEY).contentType(ContentType.JSON);
    }

    /** A skill name no other test uses. */
    public static String uniqueSkill() {
        return "skill-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an agent who speaks English, as the test customers do, and answers a fresh token for it. */
    public static String agentWithToken(String agentId, Map<String, Integer> skills, Map<String, Integer> capacity) {
        return agentWithToken(agentId, skills, capacity, List.of("en"));
    }

    /** Creates an agent who speaks these languages and answers a fresh token for it. */
    public static String agentWithToken(String agentId, Map<String, Integer> skills, Map<String, Integer> capacity,
                                        List<String> languages) {
        admin().body(Map.of("name", "Agent " + agentId, "skills", skills, "capacity", capacity, "languages", languages))
                .put("/v1/agents/{id}", agentId)
                .then().statusCode(201);
        return admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
    }

    /** Connects the agent and makes it available; the hello and presence frames are consumed. */
    public static AgentClient availableAgent(String token) {
        AgentClient agent = AgentClient.connect(token);
        agent.next("hello");
        agent.send(Map.of("type", "available"));
        JsonPresence.await(agent, "AVAILABLE");
        return agent;
    }

    /**
     * The agent takes its offer for this contact, is connected, completes it resolved, and is
     * available again (nothing else waits for it).
     */
    public static void serve(AgentClient agent, String contactId) {
        agent.next("offer");
        agent.send(Map.of("type", "accept", "contactId", contactId));
        agent.next("connected");
        agent.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
        JsonPresence.await(agent, "AVAILABLE");
    }

    /** The body of a voice contact requiring the skill (minimum proficiency 1). */
    public static Map<String, Object> contact(String skill, String customerId, int priority) {
        return Map.of("channel", "voice",
                "customer", Map.of("id", customerId, "name", "Sunil", "language", "en"),
                "skills", Map.of(skill, 1),
                "priority", priority,
                "topic", "refund",
                "context", Map.of("orderId", "A-1001"));
    }

    /** Presence frames as tests wait for them. */
    public static final class JsonPresence {
        private JsonPresence() {
        }

        /** The next frame is this presence, past the {@code completed} that answers a complete. */
        public static void await(AgentClient agent, String presence) {
            var frame = agent.next();
            if (frame.path("type").asText().equals("completed")) {
                frame = agent.next();
            }
            if (!frame.path("type").asText().equals("presence") || !frame.path("presence").asText().equals(presence)) {
                throw new AssertionError("expected presence " + presence + " but got " + frame);
            }
        }
    }

    /**
     * An outage that makes the server rebuild its routing state from the store: the journal's
     * connection is cut while the database refuses new ones, so a write fails for good (a 503); the
     * server is ready again once it has rebuilt.
     */
    public static void rebuildAfterAnOutage(Database db) throws Exception {
        try (AutoCloseable refusing = Database.refuseConnections()) {
            db.terminate("welcomer-journal");
            assertEquals(503, gateway().body(contact(uniqueSkill(), uniqueId("cust"), 0)).post("/v1/contacts")
                    .statusCode(), "a write during the outage");
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
