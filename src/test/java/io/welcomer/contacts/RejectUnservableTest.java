package io.welcomer.contacts;

import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code welcomer.reject-unservable=true} a contact nobody could serve (a typo in a skill) is refused, not stored. */
@QuarkusTest
@TestProfile(RejectUnservableTest.Strict.class)
class RejectUnservableTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("welcomer.reject-unservable", "true");
        }
    }

    @Test
    void aContactNobodyCouldServeIsRefusedAndOneSomebodyCouldIsTaken() throws Exception {
        String skill = Api.uniqueSkill();
        Api.agentWithToken(Api.uniqueId("billing"), Map.of(skill, 2), Map.of());
        String typo = Api.uniqueId("cust");

        gateway().body(Api.contact(skill + "x", typo, 0)).post("/v1/contacts").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("skills"));
        gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts").then().statusCode(201)
                .body("servable", equalTo(true)).body("staffed", equalTo(false));
        try (Database database = Database.open()) {
            assertEquals(0, database.count("select count(*) from contacts where customer_id = ?", typo));
        }
    }
}
