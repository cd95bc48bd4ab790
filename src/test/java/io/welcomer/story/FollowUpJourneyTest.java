package io.welcomer.story;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.events.EventStream;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "I'll call you back at ten": an agent promises a follow-up, sees it in its hello and its
 * profile, and at its time is offered the new contact for the same customer, with the number to
 * dial; over real HTTP, a real socket and the gateway's event stream, the store checked after.
 */
@QuarkusTest
class FollowUpJourneyTest {

    private final String skill = Api.uniqueSkill();

    @Test
    void aPromisedFollowUpComesBackToItsAgentAtItsTimeWithTheNumberToDial() throws Exception {
        String agentId = Api.uniqueId("ana");
        String token = Api.agentWithToken(agentId, Map.of(skill, 2), Map.of(), List.of("es", "en"));
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null);
             AgentClient agent = Api.availableAgent(token)) {
            String customer = Api.uniqueId("cust");
            String contactId = gateway().body(Map.of("channel", "voice",
                            "customer", Map.of("id", customer, "name", "Lucía", "language", "es"),
                            "skills", Map.of(skill, 1), "topic", "invoice"))
                    .post("/v1/contacts").then().statusCode(201).extract().path("id");
            agent.next("offer");
            agent.send(Map.of("type", "accept", "contactId", contactId));
            agent.next("connected");

            Instant at = Instant.now().plusSeconds(2);
            agent.send(Map.of("type", "follow-up", "contactId", contactId, "at", at.toString(),
                    "number", "+34911234567", "note", "Call back once the invoice is re-issued"));
            JsonNode scheduled = nextOfType(events, contactId, "contact.follow-up-scheduled");
            String followUpId = scheduled.path("followUpId").asText();
            assertEquals(at, Instant.parse(scheduled.path("dueAt").asText()));
            assertEquals(agentId, scheduled.path("agentId").asText());
            admin().get("/v1/agents/{id}", agentId).then().statusCode(200)
                    .body("followUps", hasSize(1))
                    .body("followUps[0].id", equalTo(followUpId))
                    .body("followUps[0].customerId", equalTo(customer))
                    .body("followUps[0].note", equalTo("Call back once the invoice is re-issued"));

            agent.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", false)));
            // A new session of the agent is told what it promised.
            try (AgentClient again = AgentClient.connect(token)) {
                JsonNode hello = again.next("hello");
                assertEquals(followUpId, hello.path("followUps").path(0).path("followUpId").asText());
                assertEquals("+34911234567", hello.path("followUps").path(0).path("number").asText());
                again.send(Map.of("type", "available"));

                JsonNode offer = again.next("offer");
                assertEquals(followUpId, offer.path("contactId").asText());
                assertEquals("FOLLOW_UP", offer.path("mode").asText());
                assertEquals("Lucía", offer.path("customer").path("name").asText());
                assertEquals("Call back once the invoice is re-issued", offer.path("note").asText());
                assertTrue(!Instant.now().isBefore(at), "offered before its time");
                again.send(Map.of("type", "accept", "contactId", followUpId));
                assertEquals("+34911234567", again.next("connected").path("callbackNumber").asText());
            }
            JsonNode connected = nextOfType(events, followUpId, "contact.connected");
            assertEquals("+34911234567", connected.path("callbackNumber").asText());
            gateway().get("/v1/contacts/{id}", followUpId).then().statusCode(200)
                    .body("mode", equalTo("FOLLOW_UP")).body("agentId", equalTo(agentId));
            admin().get("/v1/agents/{id}", agentId).then().statusCode(200).body("followUps", hasSize(0));
            try (Database db = Database.open()) {
                assertEquals(1, db.count("select count(*) from follow_ups where id = ? and from_contact_id = ?"
                        + " and became_due_at is not null and callback_number = '+34911234567'", followUpId, contactId));
                assertEquals(1, db.count("select count(*) from contacts where id = ? and customer_id = ?"
                        + " and mode = 'FOLLOW_UP' and topic = 'invoice'", followUpId, customer));
            }
        }
    }

    @Test
    void aFollowUpAtABadTimeOrWithABadNumberGetsAnErrorFrameAndChangesNothing() {
        String agentId = Api.uniqueId("ana");
        try (AgentClient agent = Api.availableAgent(Api.agentWithToken(agentId, Map.of(skill, 2), Map.of()))) {
            String contactId = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0))
                    .post("/v1/contacts").then().statusCode(201).extract().path("id");
            agent.next("offer");
            agent.send(Map.of("type", "accept", "contactId", contactId));
            agent.next("connected");
            for (Map<String, Object> bad : List.of(
                    Map.<String, Object>of("at", Instant.now().minusSeconds(60).toString()),
                    Map.<String, Object>of("at", Instant.now().plus(Duration.ofDays(31)).toString()),
                    Map.<String, Object>of("at", "tomorrow at ten"),
                    Map.<String, Object>of("at", Instant.now().plusSeconds(600).toString(), "number", "555-1234"))) {
                Map<String, Object> frame = new HashMap<>(bad);
                frame.put("type", "follow-up");
                frame.put("contactId", contactId);
                agent.send(frame);
                String code = agent.next("error").path("code").asText();
                assertTrue(code.equals("follow-up-time") || code.equals("invalid-field"), frame + " gave " + code);
            }
            admin().get("/v1/agents/{id}", agentId).then().statusCode(200).body("followUps", hasSize(0));
        }
    }

    private static JsonNode nextOfType(EventStream events, String id, String type) throws InterruptedException {
        JsonNode event;
        do {
            event = events.next(id).data();
        } while (!event.path("type").asText().equals(type));
        return event;
    }
}
