package io.welcomer.story;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A returning customer is welcomed back by the agent who helped them last, when that agent is free. */
@QuarkusTest
class ReturningCustomerTest {

    @Test
    void returningCustomerGoesToTheAgentWhoHelpedLast() {
        String skill = Api.uniqueSkill();
        String customer = Api.uniqueId("cust");
        String noviceId = Api.uniqueId("novice");
        String noviceToken = Api.agentWithToken(noviceId, Map.of(skill, 1), Map.of());
        String expertToken = Api.agentWithToken(Api.uniqueId("expert"), Map.of(skill, 5), Map.of());

        try (AgentClient novice = Api.availableAgent(noviceToken)) {
            String first = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                    .then().statusCode(201).body("agentId", equalTo(noviceId)).extract().path("id");
            Api.serve(novice, first);

            try (AgentClient expert = Api.availableAgent(expertToken)) {
                // The expert is the better fit, but the customer has a history with the novice.
                String again = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                        .then().statusCode(201).body("agentId", equalTo(noviceId)).extract().path("id");
                var offer = novice.next("offer");
                assertEquals(again, offer.path("contactId").asText());
                assertEquals(noviceId, offer.path("history").get(0).path("agentId").asText());

                // A stranger goes to the best fit.
                gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                        .then().statusCode(201).body("state", equalTo("OFFERED"));
                expert.next("offer");
            }
        }
    }
}
