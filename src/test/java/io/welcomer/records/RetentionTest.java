package io.welcomer.records;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import io.welcomer.support.ShiftedClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Personal data kept only as long as it may be, in virtual time: past the retention period a
 * contact's personal data is erased and nothing else; an Idempotency-Key names its contact only
 * within the idempotency window.
 */
@QuarkusTest
@TestProfile(ShiftedClock.Profile.class)
class RetentionTest {

    @Inject
    ShiftedClock clock;

    @Inject
    Sweeps sweeps;

    private final String skill = Api.uniqueSkill();

    @Test
    void retentionErasesThePersonalDataOfExactlyTheContactsPastIt() {
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        String old = post(Api.uniqueId("cust"));
        gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", old).then().statusCode(200);
        try (AgentClient agent = available(token)) {
            serveWithNotes(agent, old);
        }
        gateway().body(Map.of("csat", 2, "comment", "took a while")).post("/v1/contacts/{id}/feedback", old)
                .then().statusCode(200);
        String left = post(Api.uniqueId("cust"));
        gateway().delete("/v1/contacts/{id}", left).then().statusCode(200);

        clock.advance(Duration.ofDays(10));
        String recent = post(Api.uniqueId("cust"));
        try (AgentClient agent = available(Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of()))) {
            serveWithNotes(agent, recent);
        }
        clock.advance(Duration.ofDays(390).plusHours(1));
        String insights = touchTime();
        Instant cutoff = clock.instant().minus(Duration.ofDays(400));

        double before = erasedTotal();
        long erased = sweeps.sweep().await().atMost(Duration.ofSeconds(30));

        try (Database db = Database.open()) {
            assertEquals(0, db.count("select count(*) from contacts where created_at < ?::timestamptz"
                    + " and state in ('COMPLETED', 'ABANDONED') and erased_at is null", cutoff.toString()),
                    "an ended contact past retention kept its personal data");
            assertEquals(0, db.count("select count(*) from contacts where created_at >= ?::timestamptz"
                    + " and erased_at is not null", cutoff.toString()), "a contact within retention was erased");
            assertEquals(1, db.count("select count(*) from contacts where id = ? and erased_at is not null"
                    + " and customer_name is null and context is null and outcome_notes is null"
                    + " and feedback_comment is null and callback_number is null"
                    + " and state = 'COMPLETED' and resolved and csat = 2 and agent_id is not null"
                    + " and touch_ms is not null and customer_id is not null", old));
            assertEquals(0, db.count("select count(*) from contact_events where contact_id = ?"
                    + " and callback_number is not null", old));
            assertEquals(1, db.count("select count(*) from contacts where id = ? and erased_at is not null", left));
            assertEquals(1, db.count("select count(*) from contacts where id = ? and erased_at is null"
                    + " and customer_name = 'Sunil' and context is not null and outcome_notes = 'call back Monday'",
                    recent));
        }
        assertEquals(erased, erasedTotal() - before);
        assertEquals(insights, touchTime(), "erasure moved an insight total");
        admin().queryParam("customerId", customerOf(old)).queryParam("from", cutoff.minus(Duration.ofDays(2)).toString())
                .queryParam("to", cutoff.toString()).get("/v1/contacts")
                .then().statusCode(200)
                .body("items[0].erasedAt", notNullValue())
                .body("items[0].outcome.resolved", equalTo(true))
                .body("items[0].outcome.notes", nullValue())
                .body("items[0].legs.size()", equalTo(1));
        // A second sweep finds nothing more to do.
        assertEquals(0L, sweeps.sweep().await().atMost(Duration.ofSeconds(30)));
    }

    @Test
    void aKeyReusedAfterTheIdempotencyWindowMakesANewContact() {
        String first = postWithKey("call-0001").then().statusCode(201).extract().path("id");
        postWithKey("call-0001").then().statusCode(200).body("id", equalTo(first));
        clock.advance(Duration.ofHours(23));
        postWithKey("call-0001").then().statusCode(200).body("id", equalTo(first));

        clock.advance(Duration.ofHours(2));
        String second = postWithKey("call-0001").then().statusCode(201).extract().path("id");
        assertNotEquals(first, second);
        postWithKey("call-0001").then().statusCode(200).body("id", equalTo(second));

        // A key nobody reuses is freed by the background sweep once its window has passed.
        String idle = postWithKey("call-0002").then().statusCode(201).extract().path("id");
        clock.advance(Duration.ofHours(25));
        sweeps.sweep().await().atMost(Duration.ofSeconds(30));
        try (Database db = Database.open()) {
            assertEquals(1, db.count("select count(*) from contacts where id = ? and idempotency_key is null", idle));
            assertEquals(1, db.count("select count(*) from contacts where id = ? and idempotency_key is null", second));
        }
        postWithKey("call-0002").then().statusCode(201).body("id", not(equalTo(idle)));
    }

    private io.restassured.response.Response postWithKey(String key) {
        return gateway().header("Idempotency-Key", key).body(Api.contact(skill, Api.uniqueId("cust"), 0))
                .post("/v1/contacts");
    }

    private String post(String customer) {
        return gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    /** An agent taking contacts; the one waiting is offered at once. */
    private static AgentClient available(String token) {
        AgentClient agent = AgentClient.connect(token);
        agent.next("hello");
        agent.send(Map.of("type", "available"));
        return agent;
    }

    private static void serveWithNotes(AgentClient agent, String id) {
        agent.next("offer");
        agent.send(Map.of("type", "accept", "contactId", id));
        agent.next("connected");
        agent.send(Map.of("type", "complete", "contactId", id,
                "outcome", Map.of("resolved", true, "code", "fixed", "notes", "call back Monday")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                "COMPLETED".equals(gateway().get("/v1/contacts/{id}", id).then().extract().path("state")));
    }

    private static String customerOf(String id) {
        try (Database db = Database.open()) {
            return db.strings("select customer_id from contacts where id = ?", id).getFirst();
        }
    }

    private static String touchTime() {
        return admin().queryParam("from", "2000-01-01").queryParam("to", "2100-01-01").get("/v1/insights/touch-time")
                .then().statusCode(200).extract().asString();
    }

    private static double erasedTotal() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("welcomer_retention_erased_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
