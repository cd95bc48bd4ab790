package io.welcomer.journal;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import io.welcomer.support.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the store, injected without restarting the database server: what clients are told
 * matches what is stored, nothing acknowledged is lost, refusals are 503 with Retry-After, and
 * routing agrees with the store again within {@link #AGREEMENT_BOUND} once the fault is gone.
 */
@QuarkusTest
class StoreFaultsTest {

    /** The journal's flush deadline in tests (3 s), a rebuild from the store, and margin. */
    private static final Duration AGREEMENT_BOUND = Duration.ofSeconds(10);
    private static final String JOURNAL = "welcomer-journal";
    private static final Duration POLL = Duration.ofMillis(50);

    private final String skill = Api.uniqueSkill();
    private final String customers = Api.uniqueId("faults");
    private final Gateway gatewayClient = new Gateway();
    private final Database db = Database.open();

    @AfterEach
    void storeAndRoutingAgree() {
        awaitReady();
        assertRoutingAgreesWithTheStore();
        db.close();
    }

    @Test
    void aValueTheStoreCannotHoldFailsOnlyItsOwnRequest() {
        List<CompletableFuture<Gateway.Answer>> good = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            good.add(gatewayClient.post(contact("customer", "refund")));
        }
        CompletableFuture<Gateway.Answer> poison = gatewayClient.post(contact("Sun\u0000il", "refund"));
        for (int i = 0; i < 50; i++) {
            good.add(gatewayClient.post(contact("customer", "refund")));
        }

        assertEquals(400, poison.join().status(), poison.join().body().toString());
        assertAllStored(Gateway.all(good));
        assertEquals(0, db.count("select count(*) from contacts where customer_id like ? and customer_name <> 'customer'",
                customers + "%"));
    }

    @Test
    void aValueAConstraintRefusesFailsOnlyTheCommandThatCarriesIt() {
        // A rule only the database knows, so the value reaches it and the journal must find the culprit.
        db.execute("alter table contacts add constraint faults_test_topic check (topic is distinct from 'refused') not valid");
        try {
            List<CompletableFuture<Gateway.Answer>> good = new ArrayList<>();
            List<CompletableFuture<Gateway.Answer>> refused = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                good.add(gatewayClient.post(contact("customer", "refund")));
                if (i % 40 == 20) {
                    refused.add(gatewayClient.post(contact("customer", "refused")));
                }
            }
            for (Gateway.Answer answer : Gateway.all(refused)) {
                assertEquals(400, answer.status(), answer.body().toString());
            }
            assertAllStored(Gateway.all(good));
            assertEquals(0, db.count("select count(*) from contacts where topic = 'refused'"));
        } finally {
            db.execute("alter table contacts drop constraint faults_test_topic");
        }
    }

    @Test
    void notesTheStoreCannotHoldGetAnErrorFrameAndChangeNothing() {
        String agentId = Api.uniqueId("agent");
        try (AgentClient agent = Api.availableAgent(Api.agentWithToken(agentId, Map.of(skill, 3), Map.of()))) {
            String contactId = gatewayClient.post(contact("customer", "refund")).join().id();
            agent.next("offer");
            agent.send(Map.of("type", "accept", "contactId", contactId));
            agent.next("connected");

            agent.send(Map.of("type", "complete", "contactId", contactId,
                    "outcome", Map.of("resolved", true, "notes", "bad\u0000notes")));
            JsonNode error = nextOfType(agent, "error");
            assertNotNull(error.path("code").asText(null));

            awaitReady();
            gateway().get("/v1/contacts/{id}", contactId).then().statusCode(200)
                    .body("state", equalTo("CONNECTED")).body("agentId", equalTo(agentId));
            assertEquals(Map.of(contactId, "CONNECTED"), db.states(List.of(contactId)));

            // The session is still open and the contact can be completed properly.
            agent.send(Map.of("type", "complete", "contactId", contactId,
                    "outcome", Map.of("resolved", true, "notes", "refund issued")));
            await(() -> "COMPLETED".equals(db.states(List.of(contactId)).get(contactId)), "the contact completes");
        }
    }

    @Test
    void aDroppedStoreConnectionLosesNothingAcknowledged() {
        List<CompletableFuture<Gateway.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(gatewayClient.post(contact("customer", "refund")));
            if (i % 100 == 50) {
                db.terminate(JOURNAL);
            }
        }
        assertHonest(Gateway.all(answers));
    }

    @Test
    void aStalledStoreAnswersAFast503WithRetryAfterAndRecovers() throws Exception {
        Gateway.Answer stalled;
        try (AutoCloseable lock = Database.lock("contacts")) {
            stalled = gatewayClient.post(contact("customer", "refund")).join();
            assertEquals(503, stalled.status(), stalled.body().toString());
            assertNotNull(stalled.retryAfter());
            given().get("/q/health/ready").then().statusCode(503);

            long started = System.nanoTime();
            Gateway.Answer refused = gatewayClient.post(contact("customer", "refund")).join();
            assertEquals(503, refused.status());
            assertNotNull(refused.retryAfter());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0,
                    "a refusal while the store is stalled must be fast");
            given().get("/q/health/live").then().statusCode(200);
        }
        awaitReady();
        assertEquals(201, gatewayClient.post(contact("customer", "refund")).join().status());
    }

    @Test
    void aStoreRefusingConnectionsAnswers503AndRecovers() throws Exception {
        try (AutoCloseable refusing = Database.refuseConnections()) {
            db.terminate(JOURNAL);
            List<CompletableFuture<Gateway.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(gatewayClient.post(contact("customer", "refund")));
            }
            List<Gateway.Answer> refused = Gateway.all(answers);
            assertTrue(refused.stream().anyMatch(answer -> answer.status() == 503), "no refusal while down");
            assertHonest(refused);
        }
        awaitReady();
        assertEquals(201, gatewayClient.post(contact("customer", "refund")).join().status());
    }

    private Map<String, Object> contact(String name, String topic) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "voice");
        body.put("customer", Map.of("id", Api.uniqueId(customers), "name", name));
        body.put("skills", Map.of(skill, 1));
        body.put("topic", topic);
        return body;
    }

    private void assertAllStored(List<Gateway.Answer> answers) {
        List<String> ids = new ArrayList<>();
        for (Gateway.Answer answer : answers) {
            assertEquals(201, answer.status(), answer.body().toString());
            ids.add(answer.id());
        }
        assertEquals(ids.size(), db.states(ids).size(), "an acknowledged contact is not stored");
    }

    /** Every answer is a 201 for a stored contact or a 503 with Retry-After; nothing else. */
    private void assertHonest(List<Gateway.Answer> answers) {
        List<String> acknowledged = new ArrayList<>();
        for (Gateway.Answer answer : answers) {
            if (answer.status() == 201) {
                acknowledged.add(answer.id());
            } else {
                assertEquals(503, answer.status(), answer.body().toString());
                assertNotNull(answer.retryAfter(), "a 503 without Retry-After");
            }
        }
        assertEquals(acknowledged.size(), db.states(acknowledged).size(), "an acknowledged contact is not stored");
    }

    /** Every stored contact of this test that waits is waiting in the router too: no ghost. */
    private void assertRoutingAgreesWithTheStore() {
        db.statesOfCustomers(customers).forEach((id, state) -> {
            Response live = gateway().get("/v1/contacts/{id}", id);
            live.then().statusCode(200).body("state", equalTo(state));
            if (state.equals("QUEUED")) {
                live.then().body("position", notNullValue());
            }
        });
    }

    private static JsonNode nextOfType(AgentClient agent, String type) {
        while (true) {
            JsonNode frame = agent.next();
            if (frame.path("type").asText().equals(type)) {
                return frame;
            }
        }
    }

    private static void awaitReady() {
        await(() -> given().get("/q/health/ready").statusCode() == 200, "ready again");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + AGREEMENT_BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + AGREEMENT_BOUND);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
