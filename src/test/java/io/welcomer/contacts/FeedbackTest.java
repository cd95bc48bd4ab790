package io.welcomer.contacts;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The customer says how they felt, once, after the contact completed; the next agent sees it. */
@QuarkusTest
class FeedbackTest {

    private final String skill = Api.uniqueSkill();
    private final String customer = Api.uniqueId("cust");

    @Test
    void feedbackIsTakenOnceAfterCompletionAndShownToTheNextAgent() {
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (AgentClient agent = Api.availableAgent(token)) {
            String id = post();
            gateway().body(Map.of("csat", 5)).post("/v1/contacts/{id}/feedback", id).then().statusCode(409)
                    .contentType("application/problem+json");
            Api.serve(agent, id);

            for (int bad : new int[] {0, 6}) {
                gateway().body(Map.of("csat", bad)).post("/v1/contacts/{id}/feedback", id)
                        .then().statusCode(400).body("errors.field", hasItem("csat"));
            }
            gateway().body(Map.of("csat", 4, "comment", "x".repeat(2049))).post("/v1/contacts/{id}/feedback", id)
                    .then().statusCode(400).body("errors.field", hasItem("comment"));
            gateway().body(Map.of("csat", 4, "comment", "kind and quick")).post("/v1/contacts/{id}/feedback", id)
                    .then().statusCode(200).body("feedback.csat", equalTo(4));
            gateway().body(Map.of("csat", 1)).post("/v1/contacts/{id}/feedback", id).then().statusCode(409);
            gateway().get("/v1/contacts/{id}", id).then()
                    .body("feedback.csat", equalTo(4))
                    .body("feedback.comment", equalTo("kind and quick"));

            post();
            assertEquals(4, agent.next("offer").path("history").get(0).path("csat").asInt());
        }
        given().get("/q/metrics").then().body(containsString("welcomer_feedback_csat_count"));
    }

    private String post() {
        return gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }
}
