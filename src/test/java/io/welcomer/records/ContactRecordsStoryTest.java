package io.welcomer.records;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The record of a contact a quality team reads: offered, rejected, offered again and accepted,
 * handed on warm to a colleague, wrapped up, completed and rated, read back whole.
 */
@QuarkusTest
class ContactRecordsStoryTest {

    private final String skill = Api.uniqueSkill();
    private final String customer = Api.uniqueId("cust");

    @Test
    void theRecordOfATransferredWrappedAndRatedContactReadsBackComplete() {
        String ana = Api.uniqueId("ana");
        String ben = Api.uniqueId("ben");
        String id;
        try (AgentClient owner = Api.availableAgent(Api.agentWithToken(ana, Map.of(skill, 3), Map.of()))) {
            id = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            owner.next("offer");
            owner.send(Map.of("type", "reject", "contactId", id));
            owner.next("offer-revoked");
            // Nobody else could take it, so it comes back to the same agent.
            owner.next("offer");
            owner.send(Map.of("type", "accept", "contactId", id));
            owner.next("connected");
            try (AgentClient colleague = Api.availableAgent(Api.agentWithToken(ben, Map.of(skill, 3), Map.of()))) {
                owner.send(Map.of("type", "transfer", "contactId", id, "mode", "warm", "to", Map.of("agentId", ben),
                        "note", "refund approved"));
                colleague.next("offer");
                colleague.send(Map.of("type", "accept", "contactId", id));
                colleague.next("connected");
                colleague.send(Map.of("type", "end", "contactId", id));
                colleague.send(Map.of("type", "complete", "contactId", id, "outcome",
                        Map.of("resolved", true, "code", "refund-issued", "notes", "invoice re-sent")));
                awaitState(id, "COMPLETED");
            }
        }
        gateway().body(Map.of("csat", 4, "comment", "quick")).post("/v1/contacts/{id}/feedback", id)
                .then().statusCode(200);

        JsonPath page = admin().queryParam("customerId", customer).get("/v1/contacts")
                .then().statusCode(200).body("next", nullValue()).extract().jsonPath();
        assertEquals(List.of(id), page.getList("items.id"));
        Map<String, Object> record = page.getMap("items[0]");
        assertEquals("voice", record.get("channel"));
        assertEquals(customer, record.get("customerId"));
        assertEquals("COMPLETED", record.get("state"));
        assertEquals("LIVE", record.get("mode"));
        assertEquals(Map.of("resolved", true, "code", "refund-issued", "notes", "invoice re-sent"), record.get("outcome"));
        assertEquals(4, record.get("csat"));
        assertEquals(false, record.get("repeat"));
        assertEquals(List.of(ana, ana), page.getList("items[0].offers.agentId"));
        assertEquals(List.of("rejected", "accepted"), page.getList("items[0].offers.result"));
        assertEquals(List.of(ana, ben), page.getList("items[0].legs.agentId"));
        assertEquals(page.getString("items[0].legs[0].endedAt"), page.getString("items[0].legs[1].connectedAt"));
        double legs = page.getDouble("items[0].legs[0].touchSeconds") + page.getDouble("items[0].legs[1].touchSeconds");
        assertThat(page.getDouble("items[0].touchSeconds"), closeTo(legs, 0.01));
        assertThat(page.getDouble("items[0].waitSeconds"), greaterThanOrEqualTo(0.0));
        assertThat(page.getDouble("items[0].wrapUpSeconds"), greaterThanOrEqualTo(0.0));
        assertEquals(page.getString("items[0].createdAt"),
                gateway().get("/v1/contacts/{id}", id).then().extract().path("createdAt"));
    }

    private static void awaitState(String id, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                state.equals(gateway().get("/v1/contacts/{id}", id).then().extract().path("state")));
    }

    @Test
    void aCustomerWhoLeftWaitingHasARecordWithTheirWaitAndNoLeg() {
        String id = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        gateway().delete("/v1/contacts/{id}", id).then().statusCode(200);

        admin().queryParam("customerId", customer).queryParam("state", "ABANDONED").get("/v1/contacts")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].offers.size()", equalTo(0))
                .body("items[0].legs.size()", equalTo(0))
                .body("items[0].touchSeconds", nullValue())
                .body("items[0].wrapUpSeconds", nullValue())
                .body("items[0].outcome", nullValue());
        admin().queryParam("customerId", customer).queryParam("state", "COMPLETED").get("/v1/contacts")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }
}
