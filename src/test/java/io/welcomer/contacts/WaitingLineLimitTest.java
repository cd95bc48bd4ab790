package io.welcomer.contacts;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waiting line's bound, end to end: at it a new contact gets 503 with Retry-After, and nothing is stored. */
@QuarkusTest
@TestProfile(WaitingLineLimitTest.ThreeWaiting.class)
class WaitingLineLimitTest {

    public static class ThreeWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("welcomer.max-waiting", "3");
        }
    }

    @Test
    void aContactPastTheBoundIsRefusedUntilOneLeavesTheLine() {
        String skill = Api.uniqueSkill();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("QUEUED")).extract().path("id"));
        }
        gateway().header("Idempotency-Key", "past-the-bound").body(Api.contact(skill, Api.uniqueId("cust"), 0))
                .post("/v1/contacts")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("detail", containsString("3 contacts are waiting"));
        admin().get("/v1/queue").then().statusCode(200).body("waiting", equalTo(3));

        gateway().delete("/v1/contacts/{id}", waiting.getFirst()).then().statusCode(200);
        // The same request again, now that there is room: stored once, as new.
        gateway().header("Idempotency-Key", "past-the-bound").body(Api.contact(skill, Api.uniqueId("cust"), 0))
                .post("/v1/contacts")
                .then().statusCode(201).body("position", equalTo(3));
    }
}
