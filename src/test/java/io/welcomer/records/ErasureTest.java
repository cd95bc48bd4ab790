package io.welcomer.records;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A customer asks to be erased: their personal data goes from every stored contact, event and
 * follow-up; the next agent they reach sees no history and routing no longer knows who served
 * them; insight totals do not move.
 */
@QuarkusTest
class ErasureTest {

    private final String skill = Api.uniqueSkill();
    private final String customer = Api.uniqueId("cust");

    @Test
    void afterAnErasureTheNextOfferHasNoHistoryAndInsightTotalsAreUnchanged() {
        String novice = Api.uniqueId("novice");
        String first;
        String second;
        try (AgentClient agent = Api.availableAgent(Api.agentWithToken(novice, Map.of(skill, 1), Map.of()))) {
            first = post();
            Api.serve(agent, first);
            second = post();
            assertEquals(1, agent.next("offer").path("history").size());
            agent.send(Map.of("type", "accept", "contactId", second));
            agent.next("connected");
            agent.send(Map.of("type", "complete", "contactId", second,
                    "outcome", Map.of("resolved", false, "notes", "Sunil will call back about the invoice")));
            Api.JsonPresence.await(agent, "AVAILABLE");
        }
        gateway().body(Map.of("csat", 3, "comment", "fine")).post("/v1/contacts/{id}/feedback", second)
                .then().statusCode(200);
        String insights = touchTime();

        Instant asked = Instant.now().minusSeconds(1);
        String location = admin().delete("/v1/customers/{id}", customer).then().statusCode(202)
                .body("state", equalTo("running")).extract().header("Location");
        awaitDone(location).body("contacts", equalTo(2));

        assertEquals(insights, touchTime(), "erasure moved an insight total");
        try (Database db = Database.open()) {
            assertEquals(0, db.count("select count(*) from contacts where customer_id = ?", customer));
            assertEquals(2, db.count("select count(*) from contacts where id in (?, ?) and customer_id = ?"
                    + " and customer_name is null and context is null and outcome_notes is null"
                    + " and feedback_comment is null and erased_at is not null and state = 'COMPLETED'", first, second,
                    "erased:" + location.substring(location.lastIndexOf('/') + 1)));
            assertEquals(1, db.count("select count(*) from contacts where id = ? and repeated_by = ?", first, second));
            assertEquals(0, db.count("select count(*) from erasures where customer_id is not null"));
        }
        admin().queryParam("customerId", customer).get("/v1/contacts").then().statusCode(200)
                .body("items.size()", equalTo(0));
        // Audited: who asked and when, naming the erasure; the customer is nowhere in the trail.
        String erasureId = location.substring(location.lastIndexOf('/') + 1);
        String audit = admin().queryParam("from", asked.toString()).queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200).extract().asString();
        assertEquals(List.of("customer.erasure-requested"), JsonPath.from(audit)
                .getList("items.findAll { it.target == '" + erasureId + "' }.action"));
        assertFalse(audit.contains(customer), "the audit trail names the erased customer");

        // The customer comes back: a stranger to routing, with no history, to the better agent.
        String expert = Api.uniqueId("expert");
        String noviceToken = admin().post("/v1/agents/{id}/tokens", novice).then().statusCode(201).extract().path("token");
        try (AgentClient noviceAgain = Api.availableAgent(noviceToken);
             AgentClient better = Api.availableAgent(Api.agentWithToken(expert, Map.of(skill, 5), Map.of()))) {
            String third = post();
            JsonNode offer = better.next("offer");
            assertEquals(third, offer.path("contactId").asText());
            assertEquals(0, offer.path("history").size());
            gateway().delete("/v1/contacts/{id}", third).then().statusCode(200);
        }
    }

    @Test
    void aCustomerWithALiveContactIsNotErased() {
        String waiting = post();
        admin().delete("/v1/customers/{id}", customer).then().statusCode(409)
                .contentType("application/problem+json");
        try (Database db = Database.open()) {
            assertEquals(1, db.count("select count(*) from contacts where id = ? and customer_id = ?"
                    + " and customer_name = 'Sunil'", waiting, customer));
        }
        gateway().delete("/v1/contacts/{id}", waiting).then().statusCode(200);
        String location = admin().delete("/v1/customers/{id}", customer).then().statusCode(202)
                .extract().header("Location");
        awaitDone(location).body("contacts", equalTo(1));
    }

    @Test
    void anUnknownCustomerIsAnsweredAsAnyOtherAndOnlyAdminsMayErase() {
        String location = admin().delete("/v1/customers/{id}", Api.uniqueId("nobody")).then().statusCode(202)
                .extract().header("Location");
        awaitDone(location).body("contacts", equalTo(0));
        admin().get("/v1/erasures/{id}", "no-such-erasure").then().statusCode(404)
                .contentType("application/problem+json");
        admin().delete("/v1/customers/{id}", "x".repeat(201)).then().statusCode(404);
        gateway().delete("/v1/customers/{id}", customer).then().statusCode(403);
        gateway().get(location).then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse awaitDone(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                "done".equals(admin().get(location).then().statusCode(200).extract().path("state")));
        return admin().get(location).then().statusCode(200);
    }

    private String post() {
        return gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static String touchTime() {
        return admin().queryParam("from", "2000-01-01").queryParam("to", "2100-01-01").get("/v1/insights/touch-time")
                .then().statusCode(200).extract().asString();
    }
}
