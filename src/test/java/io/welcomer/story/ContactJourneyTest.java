package io.welcomer.story;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole story, as a gateway, an admin and an agent live it. */
@QuarkusTest
class ContactJourneyTest {

    @Test
    void aContactGoesFromGatewayToAHumanAndBack() {
        String skill = Api.uniqueSkill();
        String agentId = Api.uniqueId("jackie");
        String customer = Api.uniqueId("cust");

        // An admin creates the agent and issues a token; the agent is listed, offline.
        String token = Api.agentWithToken(agentId, Map.of(skill, 5), Map.of("voice", 1, "chat", 3));
        admin().get("/v1/agents").then().statusCode(200)
                .body("find { it.id == '" + agentId + "' }.presence", equalTo("OFFLINE"));

        // Nobody is free: the contact waits, with an honest position: first among the contacts it
        // competes with (voice contacts other tests left waiting need other skills). Nobody who
        // could serve it is signed in, so there is no estimate rather than an invented one.
        String waiting = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                .then().statusCode(201)
                .header("Location", startsWith("/v1/contacts/"))
                .body("state", equalTo("QUEUED"))
                .body("position", equalTo(1))
                .body("estimatedWaitSeconds", nullValue())
                .extract().path("id");

        try (AgentClient agent = AgentClient.connect(token)) {
            JsonNode hello = agent.next("hello");
            assertEquals("AWAY", hello.path("presence").asText());
            assertEquals(agentId, hello.path("agentId").asText());

            // Becoming available, the agent is offered the waiting contact at once, by name,
            // and goes straight from AWAY to BUSY.
            agent.send(Map.of("type", "available"));
            JsonNode offer = agent.next();
            assertEquals("offer", offer.path("type").asText());
            assertEquals(waiting, offer.path("contactId").asText());
            assertEquals("Sunil", offer.path("customer").path("name").asText());
            assertEquals("en", offer.path("customer").path("language").asText());
            assertEquals("refund", offer.path("topic").asText());
            assertEquals("A-1001", offer.path("context").path("orderId").asText());
            assertEquals(0, offer.path("history").size());
            assertEquals(15, offer.path("expiresInSeconds").asInt(), 1);
            Api.JsonPresence.await(agent, "BUSY");

            agent.send(Map.of("type", "accept", "contactId", waiting));
            assertEquals(waiting, agent.next("connected").path("contactId").asText());
            gateway().get("/v1/contacts/{id}", waiting).then().statusCode(200)
                    .body("state", equalTo("CONNECTED"))
                    .body("agentId", equalTo(agentId))
                    .body("createdAt", notNullValue())
                    .body("offeredAt", notNullValue())
                    .body("connectedAt", notNullValue())
                    .body("position", nullValue());
            admin().get("/v1/agents/{id}", agentId).then().body("presence", equalTo("BUSY"))
                    .body("contacts", hasItem(waiting));

            // While the agent is busy on voice, a second contact from the same customer waits.
            String second = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("QUEUED")).extract().path("id");

            // Completing frees the agent, who is offered the next contact at once, with history.
            agent.send(Map.of("type", "complete", "contactId", waiting,
                    "outcome", Map.of("resolved", true, "code", "refund-issued", "notes", "refunded")));
            JsonNode next = agent.next("offer");
            assertEquals(second, next.path("contactId").asText());
            assertEquals(1, next.path("history").size());
            assertEquals(agentId, next.path("history").get(0).path("agentId").asText());
            assertEquals(true, next.path("history").get(0).path("resolved").asBoolean());
            gateway().get("/v1/contacts/{id}", waiting).then()
                    .body("state", equalTo("COMPLETED"))
                    .body("endedAt", notNullValue())
                    .body("outcome.resolved", equalTo(true))
                    .body("outcome.code", equalTo("refund-issued"));

            // The customer hangs up before the agent answers: the offer is revoked.
            gateway().delete("/v1/contacts/{id}", second).then().statusCode(200).body("state", equalTo("ABANDONED"));
            JsonNode revoked = agent.next("offer-revoked");
            assertEquals(second, revoked.path("contactId").asText());
            assertEquals("abandoned", revoked.path("reason").asText());

            // A connected customer who leaves is announced to the agent, who still completes.
            String third = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("OFFERED")).body("agentId", equalTo(agentId))
                    .extract().path("id");
            assertEquals(third, agent.next("offer").path("contactId").asText());
            agent.send(Map.of("type", "accept", "contactId", third));
            agent.next("connected");
            gateway().delete("/v1/contacts/{id}", third).then().statusCode(200).body("state", equalTo("CONNECTED"));
            assertEquals(third, agent.next("customer-left").path("contactId").asText());
            agent.send(Map.of("type", "complete", "contactId", third, "outcome", Map.of("resolved", false)));
            Api.JsonPresence.await(agent, "AVAILABLE");
            gateway().get("/v1/contacts/{id}", third).then().body("state", equalTo("COMPLETED"));
        }
    }
}
