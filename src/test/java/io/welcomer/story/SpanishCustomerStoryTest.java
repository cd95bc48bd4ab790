package io.welcomer.story;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent's work in one story, for a gateway and two agents over real HTTP and real sockets:
 * Lucía, who speaks Spanish, is offered to the agent who speaks it, warm-transferred to a
 * colleague with a note, who wraps up, promises to call her back, and at that time is offered
 * her follow-up with the number to dial ("the next morning" here is two seconds later).
 */
@QuarkusTest
class SpanishCustomerStoryTest {

    private final String skill = Api.uniqueSkill();

    private String agent(String agentId, List<String> languages) {
        admin().body(Map.of("name", "Agent " + agentId, "skills", Map.of(skill, 3), "languages", languages))
                .put("/v1/agents/{id}", agentId).then().statusCode(201);
        return admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
    }

    @Test
    void luciaIsWelcomedInSpanishHandedOnWithHerStoryAndCalledBackByTheSameAgent() throws Exception {
        String english = Api.uniqueId("eve");
        String marta = Api.uniqueId("marta");
        String pablo = Api.uniqueId("pablo");
        String lucia = Api.uniqueId("lucia");
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null);
             AgentClient eve = Api.availableAgent(agent(english, List.of("en")));
             AgentClient first = Api.availableAgent(agent(marta, List.of("es", "en")));
             AgentClient colleague = Api.availableAgent(agent(pablo, List.of("es")))) {
            // Three agents free: the customer's language decides among them, not who idled longest.
            String contactId = gateway().body(Map.of("channel", "voice",
                            "customer", Map.of("id", lucia, "name", "Lucía", "language", "es-ES"),
                            "skills", Map.of(skill, 1), "topic", "factura duplicada",
                            "context", Map.of("invoice", "F-2026-118")))
                    .post("/v1/contacts").then().statusCode(201).extract().path("id");
            String ownerId = gateway().get("/v1/contacts/{id}", contactId).then().statusCode(200)
                    .body("state", equalTo("OFFERED")).extract().path("agentId");
            AgentClient owner = ownerId.equals(marta) ? first : colleague;
            AgentClient other = owner == first ? colleague : first;
            String otherId = owner == first ? pablo : marta;
            assertEquals(true, ownerId.equals(marta) || ownerId.equals(pablo), "offered to " + ownerId);
            JsonNode offer = owner.next("offer");
            assertEquals(contactId, offer.path("contactId").asText());
            assertEquals("es-ES", offer.path("customer").path("language").asText());
            owner.send(Map.of("type", "accept", "contactId", contactId));
            owner.next("connected");

            owner.send(Map.of("type", "transfer", "contactId", contactId, "mode", "warm",
                    "to", Map.of("agentId", otherId), "note", "Cobro duplicado; quiere el reembolso hoy"));
            assertEquals("offered", owner.next("transfer-status").path("status").asText());
            JsonNode handed = other.next("offer");
            assertEquals("Lucía", handed.path("customer").path("name").asText());
            assertEquals("F-2026-118", handed.path("context").path("invoice").asText());
            assertEquals("Cobro duplicado; quiere el reembolso hoy", handed.path("transfer").path("note").asText());
            other.send(Map.of("type", "accept", "contactId", contactId));
            other.next("connected");
            assertEquals("accepted", owner.next("transfer-status").path("status").asText());

            other.send(Map.of("type", "end", "contactId", contactId));
            Instant tomorrowMorning = Instant.now().plusSeconds(2);
            other.send(Map.of("type", "follow-up", "contactId", contactId, "at", tomorrowMorning.toString(),
                    "number", "+34600123456", "note", "Confirmar que llegó el reembolso"));
            other.send(Map.of("type", "complete", "contactId", contactId,
                    "outcome", Map.of("resolved", true, "code", "refund-issued", "notes", "Reembolso emitido")));

            JsonNode callBack = other.next("offer");
            String followUpId = callBack.path("contactId").asText();
            assertEquals("FOLLOW_UP", callBack.path("mode").asText());
            assertEquals("Lucía", callBack.path("customer").path("name").asText());
            assertEquals("Confirmar que llegó el reembolso", callBack.path("note").asText());
            assertEquals(otherId, callBack.path("history").path(0).path("agentId").asText(),
                    "the offer shows who served her last");
            other.send(Map.of("type", "accept", "contactId", followUpId));
            assertEquals("+34600123456", other.next("connected").path("callbackNumber").asText());
            assertTrue(eve.quietFor(Duration.ofMillis(100)), "the English-only agent was offered nothing");

            gateway().get("/v1/contacts/{id}", contactId).then().statusCode(200)
                    .body("state", equalTo("COMPLETED")).body("agentId", equalTo(otherId))
                    .body("outcome.code", equalTo("refund-issued"));
            assertEquals(List.of("contact.offered", "contact.connected", "contact.transferred", "contact.wrapping",
                    "contact.follow-up-scheduled", "contact.completed"), types(events, contactId, 6));
            try (Database db = Database.open()) {
                assertEquals(1, db.count("select count(*) from contacts where id = ? and transfer_from = ?"
                        + " and transfers = 1 and wrapped_at is not null", contactId, ownerId));
            }
        }
    }

    private static List<String> types(EventStream events, String contactId, int count) throws InterruptedException {
        List<String> types = new ArrayList<>();
        while (types.size() < count) {
            types.add(events.next(contactId).data().path("type").asText());
        }
        return types;
    }
}
