package io.welcomer.agents;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's WebSocket: who may open it, and what a bad frame gets. */
@QuarkusTest
class AgentSessionTest {

    private final String skill = Api.uniqueSkill();

    @Test
    void upgradeWithoutAValidAgentTokenIsRefusedBeforeTheSocketOpens() {
        assertEquals(401, handshakeStatus(AgentClient.refusedUpgrade(null)));
        assertEquals(401, handshakeStatus(AgentClient.refusedUpgrade("not-a-token")));
        assertEquals(403, handshakeStatus(AgentClient.refusedUpgrade(Api.GATEWAY_KEY)));
    }

    @Test
    void browsersMayPassTheTokenAsAQueryParameter() {
        String agentId = Api.uniqueId("agent");
        String token = Api.agentWithToken(agentId, Map.of(skill, 1), Map.of());
        try (AgentClient agent = AgentClient.connectWithQueryToken(token)) {
            JsonNode hello = agent.next("hello");
            assertEquals(agentId, hello.path("agentId").asText());
            assertEquals("AWAY", hello.path("presence").asText());
        }
    }

    @Test
    void aBadFrameGetsAnErrorAndTheSessionStaysUsable() {
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = AgentClient.connect(token)) {
            agent.next("hello");
            assertError(agent, "not json", "bad-frame");
            assertError(agent, "[1, 2]", "bad-frame");
            assertError(agent, "{\"contactId\": \"x\"}", "missing-field");
            assertError(agent, "{\"type\": \"dance\"}", "unknown-type");
            assertError(agent, "{\"type\": \"accept\"}", "missing-field");
            assertError(agent, "{\"type\": \"accept\", \"contactId\": 42}", "invalid-field");
            assertError(agent, "{\"type\": \"accept\", \"contactId\": \"no-such-contact\"}", "unknown-contact");
            agent.send(Map.of("type", "available"));
            Api.JsonPresence.await(agent, "AVAILABLE");
            assertError(agent, "{\"type\": \"away\", \"reason\": \"nap\"}", "unknown-reason");
            assertError(agent, "{\"type\": \"away\", \"reason\": \"lunch\", \"afterCurrent\": \"yes\"}",
                    "invalid-field");
            agent.send(Map.of("type", "away", "reason", "break"));
            JsonNode away = agent.next();
            assertEquals("AWAY", away.path("presence").asText());
            assertEquals("break", away.path("reason").asText());
        }
    }

    @Test
    void awayAfterCurrentTakesNoNewOffersAndIsAwayWhenTheLastContactEnds() {
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = Api.availableAgent(token)) {
            String first = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            agent.next("offer");
            agent.send(Map.of("type", "accept", "contactId", first));
            agent.next("connected");

            agent.send(Map.of("type", "away", "reason", "lunch", "afterCurrent", true));
            JsonNode next = agent.next("presence");
            assertEquals("BUSY", next.path("presence").asText());
            assertEquals("AWAY", next.path("next").asText());
            assertEquals("lunch", next.path("reason").asText());
            gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("QUEUED"));

            agent.send(complete(first, "{\"resolved\": true}"));
            // A complete is answered once stored, naming its contact (no code: the agent's own).
            JsonNode completed = agent.next();
            assertEquals("completed", completed.path("type").asText(), completed.toString());
            assertEquals(first, completed.path("contactId").asText());
            assertTrue(completed.path("code").isMissingNode(), completed.toString());
            JsonNode away = agent.next("presence");
            assertEquals("AWAY", away.path("presence").asText());
            assertEquals("lunch", away.path("reason").asText());
        }
    }

    @Test
    void anAgentActsOnlyOnItsOwnOffersAndContacts() {
        String ownerToken = Api.agentWithToken(Api.uniqueId("owner"), Map.of(skill, 5), Map.of());
        String otherToken = Api.agentWithToken(Api.uniqueId("other"), Map.of(skill, 1), Map.of());
        try (AgentClient owner = Api.availableAgent(ownerToken); AgentClient other = AgentClient.connect(otherToken)) {
            other.next("hello");
            String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            assertEquals(id, owner.next("offer").path("contactId").asText());

            assertError(other, "{\"type\": \"accept\", \"contactId\": \"" + id + "\"}", "not-your-offer");
            assertError(owner, complete(id, "{\"resolved\": true}"), "not-your-contact");
            owner.send(Map.of("type", "accept", "contactId", id));
            owner.next("connected");
            assertError(other, complete(id, "{\"resolved\": true}"), "not-your-contact");
            assertError(owner, "{\"type\": \"complete\", \"contactId\": \"" + id + "\"}", "missing-field");
            assertError(owner, complete(id, "{\"code\": \"x\"}"), "missing-field");
            assertError(owner, complete(id, "{\"resolved\": true, \"code\": \"" + "c".repeat(65) + "\"}"), "invalid-field");
            assertError(owner, complete(id, "{\"resolved\": true, \"notes\": \"" + "n".repeat(2049) + "\"}"), "invalid-field");
            gateway().get("/v1/contacts/{id}", id).then().body("state", equalTo("CONNECTED"));

            owner.send(complete(id, "{\"resolved\": true}"));
            Api.JsonPresence.await(owner, "AVAILABLE");
            gateway().get("/v1/contacts/{id}", id).then().body("state", equalTo("COMPLETED"));
        }
    }

    @Test
    void rejectingPassesTheContactToAnotherFreeAgentAtOnce() {
        String firstToken = Api.agentWithToken(Api.uniqueId("first"), Map.of(skill, 5), Map.of());
        String secondToken = Api.agentWithToken(Api.uniqueId("second"), Map.of(skill, 1), Map.of());
        try (AgentClient first = Api.availableAgent(firstToken); AgentClient second = Api.availableAgent(secondToken)) {
            String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            assertEquals(id, first.next("offer").path("contactId").asText(), "the better-skilled agent first");
            first.send(Map.of("type", "reject", "contactId", id));
            JsonNode revoked = first.next("offer-revoked");
            assertEquals("rejected", revoked.path("reason").asText());
            assertEquals(id, second.next("offer").path("contactId").asText());
        }
    }

    @Test
    void closingTheSocketReRoutesItsOffersAndAReconnectKeepsConnectedContacts() {
        String leaverId = Api.uniqueId("leaver");
        String leaverToken = Api.agentWithToken(leaverId, Map.of(skill, 5), Map.of("chat", 2));
        String stayerToken = Api.agentWithToken(Api.uniqueId("stayer"), Map.of(skill, 1), Map.of());
        AgentClient leaver = Api.availableAgent(leaverToken);
        String connected = chat();
        assertEquals(connected, leaver.next("offer").path("contactId").asText());
        leaver.send(Map.of("type", "accept", "contactId", connected));
        leaver.next("connected");
        String offered = chat();
        assertEquals(offered, leaver.next("offer").path("contactId").asText());

        try (AgentClient stayer = AgentClient.connect(stayerToken)) {
            stayer.next("hello");
            leaver.close();
            leaver.awaitClosed();
            stayer.send(Map.of("type", "available"));
            assertEquals(offered, stayer.next("offer").path("contactId").asText());
        }
        admin().get("/v1/agents/{id}", leaverId).then().body("presence", equalTo("OFFLINE"));
        gateway().get("/v1/contacts/{id}", connected).then().body("state", equalTo("CONNECTED"))
                .body("agentId", equalTo(leaverId));

        try (AgentClient back = AgentClient.connect(leaverToken)) {
            JsonNode hello = back.next("hello");
            assertEquals(1, hello.path("contacts").size());
            assertEquals(connected, hello.path("contacts").get(0).path("contactId").asText());
            assertEquals("CONNECTED", hello.path("contacts").get(0).path("state").asText());
        }
    }

    @Test
    void deletingAnAgentClosesItsSessionAndReRoutesItsOffer() {
        String goneId = Api.uniqueId("gone");
        String goneToken = Api.agentWithToken(goneId, Map.of(skill, 5), Map.of());
        String otherToken = Api.agentWithToken(Api.uniqueId("other"), Map.of(skill, 1), Map.of());
        try (AgentClient gone = Api.availableAgent(goneToken); AgentClient other = Api.availableAgent(otherToken)) {
            String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            assertEquals(id, gone.next("offer").path("contactId").asText());
            admin().delete("/v1/agents/{id}", goneId).then().statusCode(204);
            gone.awaitClosed();
            assertEquals(id, other.next("offer").path("contactId").asText());
            assertEquals(401, handshakeStatus(AgentClient.refusedUpgrade(goneToken)));
        }
    }

    private String chat() {
        Map<String, Object> body = new java.util.HashMap<>(Api.contact(skill, Api.uniqueId("cust"), 0));
        body.put("channel", "chat");
        return gateway().body(body).post("/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static String complete(String contactId, String outcome) {
        return "{\"type\": \"complete\", \"contactId\": \"" + contactId + "\", \"outcome\": " + outcome + "}";
    }

    private static void assertError(AgentClient agent, String frame, String code) {
        agent.send(frame);
        JsonNode error = agent.next("error");
        assertEquals(code, error.path("code").asText(), error.toString());
        assertEquals(false, error.path("message").asText().isBlank());
    }

    private static int handshakeStatus(Throwable refusal) {
        return assertInstanceOf(WebSocketHandshakeException.class, refusal).getResponse().statusCode();
    }
}
