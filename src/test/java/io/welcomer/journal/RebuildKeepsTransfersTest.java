package io.welcomer.journal;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cold transfer survives a rebuild of the routing state from the store (after an outage, a
 * restart or a takeover): the contact keeps the skills and language it was sent to, and does not
 * go back to its first line. Over real HTTP, a real socket and PostgreSQL.
 */
@QuarkusTest
class RebuildKeepsTransfersTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    private final String firstLine = Api.uniqueSkill();
    private final String specialists = Api.uniqueSkill();
    private final Database db = Database.open();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aColdTransferedContactWaitsForItsNewSkillsAndLanguageAfterARebuild() throws Exception {
        String ownerId = Api.uniqueId("owner");
        String specialistId = Api.uniqueId("specialist");
        try (AgentClient owner = Api.availableAgent(Api.agentWithToken(ownerId, Map.of(firstLine, 3), Map.of()))) {
            String contactId = gateway().body(Api.contact(firstLine, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            owner.next("offer");
            owner.send(Map.of("type", "accept", "contactId", contactId));
            owner.next("connected");
            owner.send(Map.of("type", "transfer", "contactId", contactId, "mode", "cold",
                    "to", Map.of("skills", Map.of(specialists, 2), "language", "es"), "note", "chargeback"));
            await(() -> "QUEUED".equals(db.states(List.of(contactId)).get(contactId)), "the transfer is stored");

            assertEquals(List.of("{\"" + specialists + "\":2}", "es"), db.strings(
                    "select unnest(array[required_skills, customer_language]) from contacts where id = ?", contactId));

            Api.rebuildAfterAnOutage(db);

            // The owner, free and of the first line, would be offered it at once if it went back there.
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            gateway().get("/v1/contacts/{id}", contactId).then().statusCode(200)
                    .body("state", equalTo("QUEUED")).body("agentId", nullValue());
            try (AgentClient specialist = AgentClient.connect(
                    Api.agentWithToken(specialistId, Map.of(specialists, 2), Map.of(), List.of("es")))) {
                specialist.next("hello");
                specialist.send(Map.of("type", "available"));
                assertEquals(contactId, specialist.next("offer").path("contactId").asText());
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + BOUND);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
