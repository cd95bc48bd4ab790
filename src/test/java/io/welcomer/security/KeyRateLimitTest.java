package io.welcomer.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.welcomer.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each bearer key has its own budget of requests; past it a 429 with Retry-After, and other keys go on. */
@QuarkusTest
@TestProfile(KeyRateLimitTest.FiveAtOnce.class)
class KeyRateLimitTest {

    /** Slow enough that even a loaded test machine sends faster than the bucket refills. */
    public static class FiveAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("welcomer.rate-limit.requests-per-second", "0.2", "welcomer.rate-limit.burst", "5");
        }
    }

    @Test
    void aKeyPastItsBurstGetsTooManyRequestsAndAnotherKeyDoesNot() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(given().auth().oauth2(Api.GATEWAY_KEY).get("/v1/contacts/{id}", "no-such-contact"));
        }
        for (Response answer : answers.subList(0, 5)) {
            assertEquals(404, answer.statusCode(), "within the burst the request is served");
        }
        Response refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("16 requests from one key past a burst of 5 were all served"));
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);

        given().auth().oauth2(Api.OTHER_GATEWAY_KEY).get("/v1/contacts/{id}", "no-such-contact")
                .then().statusCode(404);
    }
}
