package io.welcomer.story;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.events.EventStream;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Lines;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A supervisor steers the floor over HTTP while agents work on real sockets and the gateway
 * follows its events: each action reaches everyone concerned and the audit trail names who did it.
 */
@QuarkusTest
class SupervisorJourneyTest {

    private final String skill = Api.uniqueSkill();
    private final Instant start = Instant.now().minusSeconds(1);

    private String agent(String agentId) {
        return Api.agentWithToken(agentId, Map.of(skill, 3), Map.of("voice", 1));
    }

    private String waitingContact() {
        return gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aBusyAgentSetAwayAfterItsCurrentContactIsAwayWhenItCompletes() {
        String agentId = Api.uniqueId("jackie");
        try (AgentClient jackie = Api.availableAgent(agent(agentId))) {
            String contactId = waitingContact();
            jackie.next("offer");
            jackie.send(Map.of("type", "accept", "contactId", contactId));
            jackie.next("connected");

            supervisor().body(Map.of("presence", "AWAY", "reason", "meeting", "afterCurrent", true))
                    .post("/v1/agents/{id}/presence", agentId)
                    .then().statusCode(200).body("presence", equalTo("BUSY"));
            JsonNode told = jackie.next("presence");
            assertEquals("BUSY", told.path("presence").asText(), told.toString());
            assertEquals("AWAY", told.path("next").asText(), told.toString());
            assertEquals("meeting", told.path("reason").asText());
            assertEquals(Api.SUPERVISOR_NAME, told.path("by").asText());

            jackie.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
            assertEquals(contactId, jackie.next("completed").path("contactId").asText());
            JsonNode away = jackie.next();
            assertEquals("presence", away.path("type").asText(), away.toString());
            assertEquals("AWAY", away.path("presence").asText(), away.toString());
            assertEquals(Api.SUPERVISOR_NAME, away.path("by").asText());
            supervisor().get("/v1/agents/{id}", agentId).then().body("presence", equalTo("AWAY"));
        }
        assertAudited("agent.presence-set", agentId);
    }

    @Test
    void aSignOutClosesTheSessionReroutesTheOfferAndKeepsTheProfile() {
        String firstId = Api.uniqueId("signed-out");
        String secondId = Api.uniqueId("colleague");
        try (AgentClient first = Api.availableAgent(agent(firstId))) {
            String contactId = waitingContact();
            first.next("offer");
            try (AgentClient second = Api.availableAgent(agent(secondId))) {
                supervisor().post("/v1/agents/{id}/sign-out", firstId)
                        .then().statusCode(200).body("presence", equalTo("OFFLINE"));
                assertEquals(1000, first.awaitClosed());
                JsonNode offer = second.next("offer");
                assertEquals(contactId, offer.path("contactId").asText());
            }
            admin().get("/v1/agents/{id}", firstId).then().statusCode(200).body("presence", equalTo("OFFLINE"));
            supervisor().post("/v1/agents/{id}/sign-out", firstId).then().statusCode(409)
                    .body("detail", containsString("OFFLINE"));
        }
        assertAudited("agent.signed-out", firstId);
    }

    @Test
    void aMovedContactIsOfferedToItsAgentFirstAndTheOthersKeepTheirArrivalOrder() throws Exception {
        String awayId = Api.uniqueId("returning");
        String token = agent(awayId);
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null);
             AgentClient returning = AgentClient.connect(token)) {
            returning.next("hello");
            String first = waitingContact();
            String second = waitingContact();
            String third = waitingContact();
            String createdAt = gateway().get("/v1/contacts/{id}", third).then().extract().path("createdAt");

            supervisor().body(Map.of("to", Map.of("agentId", awayId))).post("/v1/contacts/{id}/move", third)
                    .then().statusCode(200).body("state", equalTo("QUEUED"));
            JsonNode moved = nextOfType(events, third, "contact.moved");
            assertEquals(Api.SUPERVISOR_NAME, moved.path("by").asText(), moved.toString());
            assertEquals(awayId, moved.path("to").path("agentId").asText(), moved.toString());

            returning.send(Map.of("type", "available"));
            assertEquals(List.of(third, first, second), List.of(served(returning), served(returning), served(returning)));
            // Stored, the time has the database's microseconds; it is the same arrival.
            String stored = gateway().get("/v1/contacts/{id}", third).then().extract().path("createdAt");
            assertEquals(Instant.parse(createdAt).truncatedTo(ChronoUnit.MILLIS),
                    Instant.parse(stored).truncatedTo(ChronoUnit.MILLIS));
        }
        assertAudited("contact.moved", null);
    }

    @Test
    void aContactMovedToALineIsServedThereInArrivalOrderForTheLinesSkills() throws Exception {
        String lineSkill = Api.uniqueSkill();
        String lineId = Api.uniqueId("general");
        admin().body(Lines.alwaysOpen(lineSkill)).put("/v1/lines/{id}", lineId).then().statusCode(201);
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null)) {
            String first = gateway().body(Lines.contactIn(lineId, "voice")).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            // Asks for a skill nobody has: only the move gets it served.
            String second = waitingContact();
            String third = gateway().body(Lines.contactIn(lineId, "voice")).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");

            supervisor().body(Map.of("to", Map.of("line", lineId))).post("/v1/contacts/{id}/move", second)
                    .then().statusCode(200).body("state", equalTo("QUEUED")).body("line", equalTo(lineId));
            JsonNode moved = nextOfType(events, second, "contact.moved");
            assertEquals(Api.SUPERVISOR_NAME, moved.path("by").asText(), moved.toString());
            assertEquals(lineId, moved.path("to").path("line").asText(), moved.toString());

            String agentId = Api.uniqueId("general-agent");
            try (AgentClient general = AgentClient.connect(
                    Api.agentWithToken(agentId, Map.of(lineSkill, 1), Map.of("voice", 1)))) {
                general.next("hello");
                general.send(Map.of("type", "available"));
                assertEquals(List.of(first, second, third),
                        List.of(served(general), served(general), served(general)));
            }
        }
        supervisor().body(Map.of("to", Map.of("line", "no-such-line"))).post("/v1/contacts/{id}/move", waitingContact())
                .then().statusCode(422).body("errors.field", hasItem("to.line"));
        assertAudited("contact.moved", null);
    }

    @Test
    void anOfferMovedToAnotherAgentIsRevokedAsMovedAndOfferedThere() {
        String fromId = Api.uniqueId("from");
        String toId = Api.uniqueId("to");
        try (AgentClient from = Api.availableAgent(agent(fromId))) {
            String contactId = waitingContact();
            from.next("offer");
            try (AgentClient to = AgentClient.connect(agent(toId))) {
                to.next("hello");
                to.send(Map.of("type", "available"));
                supervisor().body(Map.of("to", Map.of("agentId", toId))).post("/v1/contacts/{id}/move", contactId)
                        .then().statusCode(200).body("state", equalTo("OFFERED")).body("agentId", equalTo(toId));
                JsonNode revoked = from.next("offer-revoked");
                assertEquals("moved", revoked.path("reason").asText());
                assertEquals(contactId, to.next("offer").path("contactId").asText());
                // The first agent's accept comes too late: exactly one agent has the contact.
                from.send(Map.of("type", "accept", "contactId", contactId));
                assertEquals("not-your-offer", from.next("error").path("code").asText());
                to.send(Map.of("type", "accept", "contactId", contactId));
                to.next("connected");
                supervisor().body(Map.of("to", Map.of("agentId", fromId))).post("/v1/contacts/{id}/move", contactId)
                        .then().statusCode(409).body("detail", containsString("CONNECTED"));
            }
        }
    }

    @Test
    void aWaitingContactsPriorityChangesItsPlaceInLine() {
        String first = waitingContact();
        String second = waitingContact();
        gateway().get("/v1/contacts/{id}", second).then().body("position", equalTo(2));

        supervisor().body(Map.of("priority", 80)).patch("/v1/contacts/{id}", second)
                .then().statusCode(200).body("position", equalTo(1));
        gateway().get("/v1/contacts/{id}", first).then().body("position", equalTo(2));
        assertAudited("contact.priority-changed", second);
    }

    @Test
    void badActionsAreNamedAndChangeNothing() {
        String agentId = Api.uniqueId("offline");
        agent(agentId);
        String contactId = waitingContact();

        supervisor().body(Map.of("presence", "AWAY")).post("/v1/agents/{id}/presence", Api.uniqueId("nobody"))
                .then().statusCode(404);
        supervisor().body(Map.of("presence", "AWAY")).post("/v1/agents/{id}/presence", agentId)
                .then().statusCode(409).body("detail", containsString("OFFLINE"));
        supervisor().body(Map.of("presence", "AVAILABLE")).post("/v1/agents/{id}/presence", agentId)
                .then().statusCode(400).body("errors.field", hasItem("presence"));
        supervisor().body(Map.of("presence", "AWAY", "reson", "x")).post("/v1/agents/{id}/presence", agentId)
                .then().statusCode(400).body("errors.field", hasItem("reson"));
        supervisor().post("/v1/agents/{id}/sign-out", Api.uniqueId("nobody")).then().statusCode(404);

        supervisor().body(Map.of("to", Map.of("agentId", agentId))).post("/v1/contacts/{id}/move", "no-such-contact")
                .then().statusCode(404);
        supervisor().body(Map.of("to", Map.of("agentId", "nobody-at-all"))).post("/v1/contacts/{id}/move", contactId)
                .then().statusCode(422).body("errors.field", hasItem("to.agentId"));
        String chatOnly = Api.uniqueId("chat-only");
        Api.agentWithToken(chatOnly, Map.of(skill, 3), Map.of("voice", 0, "chat", 2));
        supervisor().body(Map.of("to", Map.of("agentId", chatOnly))).post("/v1/contacts/{id}/move", contactId)
                .then().statusCode(422).body("detail", containsString("voice"));
        supervisor().body(Map.of("to", Map.of())).post("/v1/contacts/{id}/move", contactId)
                .then().statusCode(400).body("errors.field", hasItem("to.agentId"));
        supervisor().body(Map.of("to", Map.of("agentId", agentId, "line", "general"))).post("/v1/contacts/{id}/move", contactId)
                .then().statusCode(400).body("errors.field", hasItem("to.line"));
        supervisor().body(Map.of("priority", 101)).patch("/v1/contacts/{id}", contactId)
                .then().statusCode(400).body("errors.field", hasItem("priority"));
        gateway().body(Map.of("priority", 90)).patch("/v1/contacts/{id}", contactId).then().statusCode(403);
        gateway().delete("/v1/contacts/{id}", contactId).then().statusCode(200);
        supervisor().body(Map.of("priority", 90)).patch("/v1/contacts/{id}", contactId)
                .then().statusCode(409).body("detail", containsString("ABANDONED"));

        List<Map<String, Object>> trail = admin().queryParam("from", start.toString()).queryParam("limit", 1000)
                .get("/v1/audit").then().extract().jsonPath().getList("items");
        assertTrue(trail.stream().noneMatch(item -> contactId.equals(item.get("target")) || agentId.equals(item.get("target"))
                && !"agent.created".equals(item.get("action")) && !"agent.token-issued".equals(item.get("action"))),
                "refused actions are not in the audit trail: " + trail);
    }

    @Test
    void theActionsAreCounted() {
        String contactId = waitingContact();
        double before = actions("priority");
        supervisor().body(Map.of("priority", 10)).patch("/v1/contacts/{id}", contactId).then().statusCode(200);
        assertEquals(before + 1, actions("priority"));
    }

    private static double actions(String action) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("welcomer_supervisor_actions_total{action=\"" + action + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static String served(AgentClient agent) {
        String contactId = agent.next("offer").path("contactId").asText();
        agent.send(Map.of("type", "accept", "contactId", contactId));
        agent.next("connected");
        agent.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
        return contactId;
    }

    private static JsonNode nextOfType(EventStream events, String contactId, String type) throws InterruptedException {
        while (true) {
            JsonNode event = events.next(contactId).data();
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
    }

    /** The action is in the audit trail since the test began, by the supervisor, on this target (any if null). */
    private void assertAudited(String action, String target) {
        List<Map<String, Object>> trail = admin().queryParam("actor", Api.SUPERVISOR_NAME)
                .queryParam("from", start.toString()).queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(trail.stream().anyMatch(item -> action.equals(item.get("action")) && "supervisor".equals(item.get("role"))
                && (target == null || target.equals(item.get("target")))), () -> action + " not audited: " + trail);
    }
}
