package io.welcomer.contacts;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.welcomer.support.Api;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem+json that names the problem, and stores nothing. */
@QuarkusTest
class ProblemResponsesTest {

    private final String skill = Api.uniqueSkill();

    @Test
    void malformedJsonIsABadRequest() {
        assertNothingStored(() -> problem(gateway().body("{\"channel\": ").post("/v1/contacts"), 400));
        assertNothingStored(() -> problem(gateway().body("").post("/v1/contacts"), 400));
        assertNothingStored(() -> problem(gateway().body(with("priority", "high")).post("/v1/contacts"), 400));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        assertNothingStored(() -> fieldError(with("channel", "fax"), "channel"));
        assertNothingStored(() -> fieldError(without("customer"), "customer"));
        assertNothingStored(() -> fieldError(with("customer", Map.of("name", "Sunil")), "customer.id"));
        assertNothingStored(() -> fieldError(with("priority", -1), "priority"));
        assertNothingStored(() -> fieldError(with("priority", 101), "priority"));
        assertNothingStored(() -> fieldError(with("skills", Map.of(skill, 0)), "skills." + skill));
        assertNothingStored(() -> fieldError(with("skills", Map.of(skill, 6)), "skills." + skill));
        assertNothingStored(() -> fieldError(with("context", Map.of("blob", "x".repeat(9000))), "context"));
    }

    @Test
    void oversizedBodyIsAProblem() {
        assertNothingStored(() -> problem(gateway().body(with("topic", "x".repeat(70_000))).post("/v1/contacts"), 413));
    }

    @Test
    void anUnknownFieldIsNamedNotIgnored() {
        assertNothingStored(() -> fieldError(with("prority", 90), "prority"));
        assertNothingStored(() -> fieldError(with("customer", Map.of("id", "u1", "nmae", "Sunil")), "customer.nmae"));
        problem(admin().body(Map.of("name", "A", "skils", Map.of())).put("/v1/agents/{id}", Api.uniqueId("agent")), 400)
                .body("errors.field", hasItem("skils"));
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefused() {
        // JSON escapes, so the server's parser produces the characters.
        assertNothingStored(() -> rawFieldError("\"topic\": \"re\\u0000fund\"", "topic"));
        assertNothingStored(() -> rawFieldError("\"topic\": \"bell\\u0007\"", "topic"));
        assertNothingStored(() -> rawFieldError("\"topic\": \"x\\ufffe\"", "topic"));
        assertNothingStored(() -> rawFieldError("\"customer\": {\"id\": \"u1\", \"name\": \"Su\\nnil\"}", "customer.name"));
        assertNothingStored(() -> rawFieldError("\"customer\": {\"id\": \"u\\ud800\"}", "customer.id"));
        assertNothingStored(() -> rawFieldError("\"customer\": {\"id\": \"u\\udc00x\"}", "customer.id"));
        assertNothingStored(() -> rawFieldError("\"customer\": {\"id\": \"u1\", \"language\": \"en\\u0000\"}",
                "customer.language"));
        assertNothingStored(() -> rawFieldError("\"context\": {\"note\": [\"a\\u0000b\"]}", "context"));
        assertNothingStored(() -> rawFieldError("\"context\": {\"n\\ud800\": 1}", "context"));
        assertNothingStored(() -> rawFieldError("\"skills\": {\"bill\\u001bing\": 1}", "skills"));
        // Any script, an emoji (a proper surrogate pair), and line breaks inside free-form context are fine.
        String id = gateway().body(raw("\"customer\": {\"id\": \"u1\", \"name\": \"S\\u00f8ren \\u674e \\ud83d\\ude00\"}",
                        "\"context\": {\"note\": \"line\\nbreak\"}"))
                .post("/v1/contacts").then().statusCode(201).extract().path("id");
        gateway().delete("/v1/contacts/{id}", id).then().statusCode(200);
    }

    @Test
    void theLocationOfANewContactIsRelative() {
        String location = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().header("Location");
        String id = gateway().get(location).then().statusCode(200).extract().path("id");
        assertEquals("/v1/contacts/" + id, location);
        gateway().delete(location).then().statusCode(200);
    }

    @Test
    void unknownContactsAndAgentsAreNotFound() {
        problem(gateway().get("/v1/contacts/{id}", "no-such-contact"), 404);
        problem(gateway().delete("/v1/contacts/{id}", "no-such-contact"), 404);
        problem(admin().get("/v1/agents/{id}", "no-such-agent"), 404);
        problem(admin().delete("/v1/agents/{id}", "no-such-agent"), 404);
        problem(admin().post("/v1/agents/{id}/tokens", "no-such-agent"), 404);
    }

    @Test
    void invalidAgentProfilesAreNamed() {
        String id = Api.uniqueId("agent");
        problem(admin().body(Map.of("name", "A", "skills", Map.of("billing", 6))).put("/v1/agents/{id}", id), 400)
                .body("errors.field", hasItem("skills.billing"));
        problem(admin().body(Map.of("name", "A", "capacity", Map.of("fax", 1))).put("/v1/agents/{id}", id), 400)
                .body("errors.field", hasItem("capacity.fax"));
        problem(admin().body(Map.of("skills", Map.of())).put("/v1/agents/{id}", id), 400)
                .body("errors.field", hasItem("name"));
        problem(admin().body(Map.of("name", "A")).put("/v1/agents/{id}", "bad id!"), 400);
        problem(admin().get("/v1/agents/{id}", id), 404);
    }

    @Test
    void endedContactCannotBeLeftTwice() {
        String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        gateway().delete("/v1/contacts/{id}", id).then().statusCode(200).body("state", equalTo("ABANDONED"));
        problem(gateway().delete("/v1/contacts/{id}", id), 409);
        gateway().get("/v1/contacts/{id}", id).then().body("state", equalTo("ABANDONED"))
                .body("endedAt", notNullValue());
    }

    @Test
    void credentialsDecideWhoMayCallWhat() {
        problem(given().get("/v1/contacts/{id}", "x"), 401);
        problem(given().auth().oauth2("not-a-key").get("/v1/queue"), 401);
        problem(gateway().get("/v1/queue"), 403);
        problem(gateway().get("/v1/agents"), 403);
        admin().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts").then().statusCode(201);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        problem(given().auth().oauth2(token).get("/v1/queue"), 403);
    }

    @Test
    void aGatewaySeesOnlyItsOwnContacts() {
        String id = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        problem(given().auth().oauth2(Api.OTHER_GATEWAY_KEY).get("/v1/contacts/{id}", id), 404);
        problem(given().auth().oauth2(Api.OTHER_GATEWAY_KEY).delete("/v1/contacts/{id}", id), 404);
        admin().get("/v1/contacts/{id}", id).then().statusCode(200).body("state", equalTo("QUEUED"));
    }

    private ValidatableResponse fieldError(Map<String, Object> body, String field) {
        return problem(gateway().body(body).post("/v1/contacts"), 400).body("errors.field", hasItem(field));
    }

    private ValidatableResponse rawFieldError(String member, String field) {
        return problem(gateway().body(raw(member)).post("/v1/contacts"), 400).body("errors.field", hasItem(startsWith(field)));
    }

    /** A contact for this test's skill as JSON text, each member replacing or adding to the defaults. */
    private String raw(String... replacing) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("channel", "\"channel\": \"voice\"");
        members.put("customer", "\"customer\": {\"id\": \"u1\"}");
        members.put("skills", "\"skills\": {\"" + skill + "\": 1}");
        for (String member : replacing) {
            members.put(member.substring(1, member.indexOf('"', 1)), member);
        }
        return "{" + String.join(", ", members.values()) + "}";
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    /** Runs a rejected request and checks that no contact requiring this test's skill was stored. */
    private void assertNothingStored(Runnable rejected) {
        rejected.run();
        String probe = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        // The probe is first in this skill's line only if nothing else was stored before it.
        gateway().get("/v1/contacts/{id}", probe).then().body("position", equalTo(1));
        gateway().delete("/v1/contacts/{id}", probe).then().statusCode(200);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Api.contact(skill, Api.uniqueId("cust"), 0));
        body.put(field, value);
        return body;
    }

    private Map<String, Object> without(String field) {
        Map<String, Object> body = new HashMap<>(Api.contact(skill, Api.uniqueId("cust"), 0));
        body.remove(field);
        return body;
    }
}
