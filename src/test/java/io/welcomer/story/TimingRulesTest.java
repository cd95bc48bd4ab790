package io.welcomer.story;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The timing rules end to end, with the offer timeout at 1 s and the reconnect grace at 2 s: an
 * unanswered offer goes to the next agent and keeps its place, an agent who misses two in a row
 * is set away, and a dropped agent's customer goes to someone else once the grace is over.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class TimingRulesTest {

    private final String skill = Api.uniqueSkill();

    @Test
    void anAgentWhoMissesTwoOffersInARowIsSetAwayAndTheCustomerGoesOn() {
        String sleepyToken = Api.agentWithToken(Api.uniqueId("sleepy"), Map.of(skill, 5), Map.of());
        try (AgentClient sleepy = Api.availableAgent(sleepyToken)) {
            String id = post();
            assertEquals(id, sleepy.next("offer").path("contactId").asText());
            JsonNode revoked = sleepy.next("offer-revoked");
            assertEquals("timeout", revoked.path("reason").asText());

            // Nobody else is free, so the same agent is offered it again, misses again, and is set away.
            assertEquals(id, sleepy.next("offer").path("contactId").asText());
            assertEquals("timeout", sleepy.next("offer-revoked").path("reason").asText());
            JsonNode away = nextPresence(sleepy);
            assertEquals("AWAY", away.path("presence").asText());
            assertEquals("missed-offers", away.path("reason").asText());
            gateway().get("/v1/contacts/{id}", id).then().body("state", equalTo("QUEUED"));

            String awakeToken = Api.agentWithToken(Api.uniqueId("awake"), Map.of(skill, 1), Map.of());
            try (AgentClient awake = AgentClient.connect(awakeToken)) {
                awake.next("hello");
                awake.send(Map.of("type", "available"));
                assertEquals(id, awake.next("offer").path("contactId").asText());
            }
        }
    }

    @Test
    void aDroppedAgentsCustomerGoesToAnotherAgentAfterTheGrace() {
        String droppingToken = Api.agentWithToken(Api.uniqueId("dropping"), Map.of(skill, 5), Map.of());
        String otherToken = Api.agentWithToken(Api.uniqueId("other"), Map.of(skill, 1), Map.of());
        AgentClient dropping = Api.availableAgent(droppingToken);
        String id = post();
        dropping.next("offer");
        dropping.send(Map.of("type", "accept", "contactId", id));
        dropping.next("connected");
        try (AgentClient other = Api.availableAgent(otherToken)) {
            dropping.close();
            dropping.awaitClosed();
            // Within the grace the contact stays with its agent; after it, the customer is offered on.
            assertEquals(id, other.next("offer").path("contactId").asText());
            gateway().get("/v1/contacts/{id}", id).then().body("state", equalTo("OFFERED"));
        }
    }

    private String post() {
        return gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonNode nextPresence(AgentClient agent) {
        while (true) {
            JsonNode frame = agent.next();
            if (frame.path("type").asText().equals("presence") && !frame.path("presence").asText().equals("BUSY")
                    && !frame.path("presence").asText().equals("AVAILABLE")) {
                return frame;
            }
        }
    }
}
