package io.welcomer.story;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import io.welcomer.support.Lines;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A line with opening hours over HTTP, a real agent socket and PostgreSQL: closed, a contact is
 * told when it opens and keeps its place; opened, the waiting contacts are offered in arrival
 * order; with nobody signed in there is no estimate; nobody able to serve it is said so.
 */
@QuarkusTest
class LineHoursStoryTest {

    @Test
    void aClosedLineKeepsItsContactsInOrderUntilNewHoursOpenIt() {
        String skill = Api.uniqueSkill();
        String line = Api.uniqueId("billing");
        String agentId = Api.uniqueId("jackie");
        String token = Api.agentWithToken(agentId, Map.of(skill, 3), Map.of("voice", 1));
        admin().body(Lines.closedUntil(30, skill)).put("/v1/lines/{id}", line).then().statusCode(201);

        try (AgentClient agent = Api.availableAgent(token)) {
            // Jackie is free, but the line is closed: told when it opens, no estimate, a place kept.
            String first = gateway().body(Lines.contactIn(line, "voice")).post("/v1/contacts").then().statusCode(201)
                    .body("state", equalTo("QUEUED"))
                    .body("line", equalTo(line))
                    .body("open", equalTo(false))
                    .body("opensAt", equalTo(Lines.opensAt(30)))
                    .body("position", equalTo(1))
                    .body("staffed", equalTo(true))
                    .body("$", not(hasKey("estimatedWaitSeconds")))
                    .extract().path("id");
            String second = gateway().body(Lines.contactIn(line, "voice")).post("/v1/contacts").then().statusCode(201)
                    .body("position", equalTo(2)).extract().path("id");
            gateway().get("/v1/contacts/{id}", second).then().statusCode(200)
                    .body("open", equalTo(false)).body("opensAt", equalTo(Lines.opensAt(30)))
                    .body("$", not(hasKey("estimatedWaitSeconds")));
            admin().get("/v1/lines/{id}", line).then().body("waiting", equalTo(2)).body("agentsSignedIn", equalTo(1));

            // Open at all hours from now: the first to arrive is offered first, then the second.
            Map<String, Object> open = new LinkedHashMap<>(Lines.closedUntil(30, skill));
            open.remove("hours");
            admin().body(open).put("/v1/lines/{id}", line).then().statusCode(200).body("open", equalTo(true));
            JsonNode offer = agent.next("offer");
            assertEquals(first, offer.path("contactId").asText());
            assertEquals(line, offer.path("line").asText(), "the offer says which line the customer called");
            Api.JsonPresence.await(agent, "BUSY");
            gateway().get("/v1/contacts/{id}", second).then().body("open", equalTo(true))
                    .body("estimatedWaitSeconds", notNullValue());
            agent.send(Map.of("type", "accept", "contactId", first));
            agent.next("connected");
            agent.send(Map.of("type", "complete", "contactId", first, "outcome", Map.of("resolved", true)));
            assertEquals(second, agent.next("offer").path("contactId").asText());
        }
    }

    @Test
    void anUnstaffedLineGivesNoEstimate() {
        String skill = Api.uniqueSkill();
        String line = Api.uniqueId("tech");
        Api.agentWithToken(Api.uniqueId("offline"), Map.of(skill, 5), Map.of());
        admin().body(Lines.alwaysOpen(skill)).put("/v1/lines/{id}", line).then().statusCode(201);

        gateway().body(Lines.contactIn(line, "chat")).post("/v1/contacts").then().statusCode(201)
                .body("state", equalTo("QUEUED"))
                .body("open", equalTo(true))
                .body("staffed", equalTo(false))
                .body("servable", equalTo(true))
                .body("$", not(hasKey("estimatedWaitSeconds")));
    }

    @Test
    void aSkillNobodyHasIsSaidToBeUnservable() {
        String typo = Api.uniqueId("biling");
        gateway().body(Api.contact(typo, Api.uniqueId("cust"), 0)).post("/v1/contacts").then().statusCode(201)
                .body("servable", equalTo(false))
                .body("staffed", equalTo(false))
                .body("$", not(hasKey("estimatedWaitSeconds")));
    }

    @Test
    void aContactNamingAnUnknownLineOrAChannelTheLineDoesNotTakeIsRefusedAndNotStored() throws Exception {
        String line = Api.uniqueId("voice-only");
        admin().body(Map.of("channels", java.util.List.of("voice"))).put("/v1/lines/{id}", line).then().statusCode(201);
        Map<String, Object> unknown = Lines.contactIn(Api.uniqueId("nowhere"), "voice");
        Map<String, Object> email = Lines.contactIn(line, "email");

        gateway().body(unknown).post("/v1/contacts").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("line"));
        gateway().body(email).post("/v1/contacts").then().statusCode(422).body("errors[0].field", equalTo("channel"));
        try (Database database = Database.open()) {
            assertEquals(0, database.count("select count(*) from contacts where customer_id in (?, ?)",
                    customerOf(unknown), customerOf(email)));
        }
    }

    @SuppressWarnings("unchecked")
    private static String customerOf(Map<String, Object> contact) {
        return ((Map<String, String>) contact.get("customer")).get("id");
    }
}
