package io.welcomer.story;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer who would rather not hold hangs up, keeps their place, and is called back. */
@QuarkusTest
class CallbackJourneyTest {

    @Test
    void aCallbackKeepsItsPlaceAndTheAgentGetsTheNumberToDial() {
        String skill = Api.uniqueSkill();
        String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).body("callbackAvailable", equalTo(true)).extract().path("id");
        int position = gateway().get("/v1/contacts/{id}", id).then().extract().path("position");
        int callbacksBefore = admin().get("/v1/queue").then().extract().path("callbacksWaiting");

        gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", id)
                .then().statusCode(200)
                .body("mode", equalTo("CALLBACK"))
                .body("state", equalTo("QUEUED"))
                .body("position", equalTo(position))
                .body("callbackAvailable", equalTo(false));
        admin().get("/v1/queue").then().body("callbacksWaiting", equalTo(callbacksBefore + 1));

        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = AgentClient.connect(token)) {
            agent.next("hello");
            agent.send(Map.of("type", "available"));
            JsonNode offer = agent.next("offer");
            assertEquals(id, offer.path("contactId").asText());
            assertEquals("CALLBACK", offer.path("mode").asText());
            agent.send(Map.of("type", "accept", "contactId", id));
            JsonNode connected = agent.next("connected");
            assertEquals("+15551234567", connected.path("callbackNumber").asText());
        }
    }

    @Test
    void onlyAWaitingContactWithAValidNumberCanBeCalledBack() {
        String skill = Api.uniqueSkill();
        String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        for (String bad : new String[] {"5551234567", "+0123", "+1555123456789012", "call me"}) {
            gateway().body(Map.of("number", bad)).post("/v1/contacts/{id}/callback", id)
                    .then().statusCode(400).body("errors.field", hasItem("number"));
        }
        gateway().body(Map.of()).post("/v1/contacts/{id}/callback", id).then().statusCode(400);
        gateway().get("/v1/contacts/{id}", id).then().body("mode", equalTo("LIVE"));
        gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", "no-such-contact")
                .then().statusCode(404);

        // A cancelled callback is abandoned; an ended contact cannot be called back.
        gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", id).then().statusCode(200);
        gateway().delete("/v1/contacts/{id}", id).then().statusCode(200).body("state", equalTo("ABANDONED"));
        gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aContactAlreadyWithAnAgentCannotTurnIntoACallback() {
        String skill = Api.uniqueSkill();
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = Api.availableAgent(token)) {
            String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("OFFERED")).extract().path("id");
            agent.next("offer");
            gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", id)
                    .then().statusCode(409);
            gateway().get("/v1/contacts/{id}", id).then().body("mode", equalTo("LIVE"));
        }
    }

    @Test
    void aChatHasNobodyOnHoldToCallBackAndItsViewSaysSo() {
        Map<String, Object> chat = new HashMap<>(Api.contact(Api.uniqueSkill(), Api.uniqueId("cust"), 0));
        chat.put("channel", "chat");
        String id = gateway().body(chat).post("/v1/contacts")
                .then().statusCode(201).body("state", equalTo("QUEUED")).body("callbackAvailable", equalTo(false))
                .extract().path("id");
        gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("voice or video"));
        gateway().get("/v1/contacts/{id}", id).then().body("mode", equalTo("LIVE")).body("callbackAvailable", equalTo(false));
    }
}
