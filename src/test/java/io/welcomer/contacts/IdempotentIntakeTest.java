package io.welcomer.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A gateway that retries with the same Idempotency-Key gets the same contact, never a second one. */
@QuarkusTest
class IdempotentIntakeTest {

    @Test
    void sameKeyFromTheSameGatewayAnswersTheSameContact() {
        String skill = Api.uniqueSkill();
        String key = Api.uniqueId("key");
        Response first = post(Api.GATEWAY_KEY, key, skill);
        first.then().statusCode(201);
        int position = first.path("position");

        post(Api.GATEWAY_KEY, key, skill).then().statusCode(200)
                .body("id", equalTo(first.path("id")))
                .body("state", equalTo("QUEUED"))
                .body("position", equalTo(position));
        // Still one contact: the next one stands right behind it, not two places back.
        post(Api.GATEWAY_KEY, Api.uniqueId("key"), skill).then().statusCode(201)
                .body("position", equalTo(position + 1));
    }

    @Test
    void sameKeyFromAnotherGatewayIsAnotherContact() {
        String skill = Api.uniqueSkill();
        String key = Api.uniqueId("key");
        String mine = post(Api.GATEWAY_KEY, key, skill).then().statusCode(201).extract().path("id");
        String theirs = post(Api.OTHER_GATEWAY_KEY, key, skill).then().statusCode(201).extract().path("id");
        assertNotEquals(mine, theirs);
    }

    @Test
    void racingRetriesMakeOneContact() throws Exception {
        String skill = Api.uniqueSkill();
        String key = Api.uniqueId("key");
        int racers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(Api.GATEWAY_KEY, key, skill);
                }));
            }
            start.countDown();
            int created = 0;
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertEquals(200, response.statusCode(), response.asString());
                }
                ids.add(response.path("id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameKeyAfterTheContactEndedAnswersItFromTheStore() {
        String skill = Api.uniqueSkill();
        String key = Api.uniqueId("key");
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 3), Map.of());
        try (AgentClient agent = Api.availableAgent(token)) {
            String id = post(Api.GATEWAY_KEY, key, skill).then().statusCode(201)
                    .body("state", equalTo("OFFERED")).extract().path("id");
            Api.serve(agent, id);

            post(Api.GATEWAY_KEY, key, skill).then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("state", equalTo("COMPLETED"));
        }
    }

    private static Response post(String gatewayKey, String idempotencyKey, String skill) {
        return given().auth().oauth2(gatewayKey).contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(Api.contact(skill, Api.uniqueId("cust"), 0))
                .post("/v1/contacts");
    }
}
