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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Spanish-speaking customer handed from one agent to another, warm and cold, then wrapped up,
 * over real HTTP, real sockets and the gateway's event stream, with the store checked after.
 */
@QuarkusTest
class TransferJourneyTest {

    private final String skill = Api.uniqueSkill();

    private String agent(String agentId, String agentSkill) {
        admin().body(Map.of("name", "Agent " + agentId, "skills", Map.of(agentSkill, 3), "languages", List.of("es", "en")))
                .put("/v1/agents/{id}", agentId)
                .then().statusCode(201);
        return admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
    }

    /** Lucía calls; the only available agent takes her call. */
    private String connectedTo(AgentClient owner) {
        String id = gateway().body(Map.of("channel", "voice",
                        "customer", Map.of("id", Api.uniqueId("cust"), "name", "Lucía", "language", "es-MX"),
                        "skills", Map.of(skill, 1), "topic", "refund"))
                .post("/v1/contacts")
                .then().statusCode(201).body("state", equalTo("OFFERED")).extract().path("id");
        owner.next("offer");
        owner.send(Map.of("type", "accept", "contactId", id));
        owner.next("connected");
        return id;
    }

    private static Map<String, Object> warmTo(String contactId, String agentId, String note) {
        return Map.of("type", "transfer", "contactId", contactId, "mode", "warm", "to", Map.of("agentId", agentId),
                "note", note);
    }

    @Test
    void aWarmTransferCarriesTheNoteAndMovesTheContactWhenTheColleagueAccepts() throws Exception {
        String ana = Api.uniqueId("ana");
        String ben = Api.uniqueId("ben");
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null);
             AgentClient owner = Api.availableAgent(agent(ana, skill))) {
            String id = connectedTo(owner);
            try (AgentClient colleague = Api.availableAgent(agent(ben, skill))) {
                owner.send(warmTo(id, ben, "Refund approved;\nshe needs the invoice re-sent"));
                assertEquals("offered", owner.next("transfer-status").path("status").asText());

                JsonNode offer = colleague.next("offer");
                assertEquals(id, offer.path("contactId").asText());
                assertEquals("Lucía", offer.path("customer").path("name").asText());
                assertEquals(ana, offer.path("transfer").path("from").asText());
                assertEquals("warm", offer.path("transfer").path("mode").asText());
                assertEquals("Refund approved;\nshe needs the invoice re-sent", offer.path("transfer").path("note").asText());
                // Until the colleague accepts, the contact stays with its owner.
                gateway().get("/v1/contacts/{id}", id).then().statusCode(200)
                        .body("state", equalTo("CONNECTED")).body("agentId", equalTo(ana));

                colleague.send(Map.of("type", "accept", "contactId", id));
                assertTrue(colleague.next("connected").path("contactId").asText().equals(id));
                assertEquals("accepted", owner.next("transfer-status").path("status").asText());
                gateway().get("/v1/contacts/{id}", id).then().statusCode(200)
                        .body("state", equalTo("CONNECTED")).body("agentId", equalTo(ben));
                try (Database db = Database.open()) {
                    // Ana's leg is stored with the transfer: a restart now would not forget it.
                    assertEquals(1, db.count("select count(*) from contacts where id = ? and wrapped_at is null"
                            + " and touch_ms is not null", id));
                }

                colleague.send(Map.of("type", "end", "contactId", id));
                awaitState(id, "WRAPPING");
                colleague.send(Map.of("type", "complete", "contactId", id,
                        "outcome", Map.of("resolved", true, "code", "invoice-resent")));
                awaitState(id, "COMPLETED");
            }
            assertEquals(List.of("contact.offered", "contact.connected", "contact.transferred", "contact.wrapping",
                    "contact.completed"), typesUntilCompleted(events, id));
            try (Database db = Database.open()) {
                assertEquals(1, db.count("select count(*) from contacts where id = ? and transfers = 1 and agent_id = ?"
                        + " and transfer_from = ? and transfer_mode = 'warm' and wrapped_at is not null"
                        + " and touch_ms is not null and resolved", id, ben, ana));
                assertEquals(1, db.count("select count(*) from contact_events where contact_id = ?"
                        + " and type = 'contact.transferred' and from_agent_id = ? and agent_id = ?", id, ana, ben));
            }
        }
    }

    @Test
    void aRejectedOrCancelledWarmTransferLeavesTheContactWithItsOwner() throws InterruptedException {
        String ana = Api.uniqueId("ana");
        String ben = Api.uniqueId("ben");
        try (AgentClient owner = Api.availableAgent(agent(ana, skill))) {
            String id = connectedTo(owner);
            try (AgentClient colleague = Api.availableAgent(agent(ben, skill))) {
                owner.send(warmTo(id, ben, "billing question"));
                owner.next("transfer-status");
                colleague.next("offer");
                colleague.send(Map.of("type", "reject", "contactId", id));
                assertEquals("rejected", owner.next("transfer-status").path("status").asText());
                assertEquals("rejected", colleague.next("offer-revoked").path("reason").asText());

                owner.send(warmTo(id, ben, "trying again"));
                owner.next("transfer-status");
                colleague.next("offer");
                owner.send(Map.of("type", "cancel-transfer", "contactId", id));
                assertEquals("cancelled", owner.next("transfer-status").path("status").asText());
                assertEquals("transfer-cancelled", colleague.next("offer-revoked").path("reason").asText());

                gateway().get("/v1/contacts/{id}", id).then().statusCode(200)
                        .body("state", equalTo("CONNECTED")).body("agentId", equalTo(ana));
                // Still the owner's: it completes it straight from the conversation.
                owner.send(Map.of("type", "complete", "contactId", id, "outcome", Map.of("resolved", true)));
                awaitState(id, "COMPLETED");
            }
        }
    }

    @Test
    void aColdTransferSendsTheContactToALineWithTheOwnersNote() throws Exception {
        String ana = Api.uniqueId("ana");
        String carla = Api.uniqueId("carla");
        String specialists = Api.uniqueSkill();
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null);
             AgentClient owner = Api.availableAgent(agent(ana, skill))) {
            String id = connectedTo(owner);
            owner.send(Map.of("type", "transfer", "contactId", id, "mode", "cold",
                    "to", Map.of("skills", Map.of(specialists, 2), "language", "es"), "note", "chargeback"));
            assertEquals("accepted", owner.next("transfer-status").path("status").asText());
            gateway().get("/v1/contacts/{id}", id).then().statusCode(200).body("state", equalTo("QUEUED"));

            try (AgentClient specialist = AgentClient.connect(agent(carla, specialists))) {
                specialist.next("hello");
                specialist.send(Map.of("type", "available"));
                // The contact waited for this line: it is offered as soon as the specialist is available.
                JsonNode offer = specialist.next("offer");
                assertEquals(id, offer.path("contactId").asText());
                assertEquals(ana, offer.path("transfer").path("from").asText());
                assertEquals("cold", offer.path("transfer").path("mode").asText());
                assertEquals("chargeback", offer.path("transfer").path("note").asText());
            }
            EventStream.Event transferred = nextOfType(events, id, "contact.transferred");
            assertEquals(ana, transferred.data().path("from").asText());
            assertEquals("cold", transferred.data().path("mode").asText());
            assertEquals("QUEUED", transferred.data().path("state").asText());
        }
    }

    @Test
    void aTransferTheServerCannotDoGetsAnErrorFrameAndChangesNothing() throws InterruptedException {
        String ana = Api.uniqueId("ana");
        String absent = Api.uniqueId("absent");
        agent(absent, skill);
        try (AgentClient owner = Api.availableAgent(agent(ana, skill))) {
            String id = connectedTo(owner);
            owner.send(warmTo(id, absent, "not signed in"));
            assertEquals("target-not-connected", owner.next("error").path("code").asText());
            owner.send(Map.of("type", "transfer", "contactId", id, "mode", "hot", "to", Map.of("agentId", absent)));
            assertEquals("invalid-field", owner.next("error").path("code").asText());
            owner.send(Map.of("type", "transfer", "contactId", id, "mode", "cold", "to", Map.of("skills", Map.of(skill, 9))));
            assertEquals("invalid-field", owner.next("error").path("code").asText());
            owner.send(Map.of("type", "end", "contactId", "not-" + id));
            assertEquals("unknown-contact", owner.next("error").path("code").asText());
            assertTrue(owner.quietFor(Duration.ofMillis(200)));
            gateway().get("/v1/contacts/{id}", id).then().statusCode(200)
                    .body("state", equalTo("CONNECTED")).body("agentId", equalTo(ana));
        }
    }

    private static void awaitState(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!state.equals(gateway().get("/v1/contacts/{id}", id).then().extract().path("state"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("contact " + id + " never became " + state);
            }
            Thread.sleep(20);
        }
    }

    private static List<String> typesUntilCompleted(EventStream events, String id) throws InterruptedException {
        List<String> types = new ArrayList<>();
        String type;
        do {
            type = events.next(id).data().path("type").asText();
            types.add(type);
        } while (!type.equals("contact.completed"));
        return types;
    }

    private static EventStream.Event nextOfType(EventStream events, String id, String type) throws InterruptedException {
        EventStream.Event event;
        do {
            event = events.next(id);
        } while (!event.data().path("type").asText().equals(type));
        return event;
    }
}
