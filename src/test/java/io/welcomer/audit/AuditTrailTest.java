package io.welcomer.audit;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.welcomer.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every admin change to agents and tokens is in the audit trail, with its actor, and nothing secret. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void anAgentsLifeIsAuditedWithItsActorsAndNoToken() {
        Instant start = Instant.now().minusSeconds(1);
        String agentId = Api.uniqueId("audited");
        ops().body(Map.of("name", "Audited", "skills", Map.of("billing", 4), "capacity", Map.of("chat", 2),
                "languages", List.of("en", "es"))).put("/v1/agents/{id}", agentId).then().statusCode(201);
        admin().body(Map.of("name", "Audited Again", "skills", Map.of(), "capacity", Map.of()))
                .put("/v1/agents/{id}", agentId).then().statusCode(200);
        String token = ops().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
        ops().delete("/v1/agents/{id}/tokens", agentId).then().statusCode(204);
        ops().delete("/v1/agents/{id}", agentId).then().statusCode(204);
        // Refused changes change nothing, so they are not in the trail.
        ops().delete("/v1/agents/{id}", agentId).then().statusCode(404);

        List<Map<String, Object>> trail = trailOf(agentId, start);
        assertEquals(List.of("agent.created", "agent.replaced", "agent.token-issued", "agent.tokens-revoked",
                "agent.deleted"), trail.stream().map(item -> item.get("action")).toList());
        assertEquals(List.of("ops", "admin-1", "ops", "ops", "ops"), trail.stream().map(item -> item.get("actor")).toList());
        trail.forEach(item -> assertEquals("admin", item.get("role")));
        assertEquals(Map.of("name", "Audited", "skills", Map.of("billing", 4), "capacity", Map.of("chat", 2),
                "languages", List.of("en", "es")), trail.get(0).get("detail"));
        assertEquals(Map.of("name", "Audited Again"), trail.get(4).get("detail"));

        String wholeTrail = admin().queryParam("from", start.toString()).queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200).extract().asString();
        assertFalse(wholeTrail.contains(token), "the trail must never hold a token");
        assertFalse(wholeTrail.contains(Api.OPS_KEY), "the trail must never hold a key");
    }

    @Test
    void theTrailIsPagedOldestFirstByAnOpaqueCursor() {
        Instant start = Instant.now().minusSeconds(1);
        String agentId = Api.uniqueId("paged");
        for (int i = 0; i < 5; i++) {
            ops().body(Map.of("name", "Paged " + i, "skills", Map.of(), "capacity", Map.of()))
                    .put("/v1/agents/{id}", agentId).then().statusCode(i == 0 ? 201 : 200);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin().queryParam("actor", "ops").queryParam("from", start.toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/audit").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertFalse(items.size() > 2);
            items.stream().filter(item -> agentId.equals(item.get("target")))
                    .forEach(item -> names.add((String) ((Map<?, ?>) item.get("detail")).get("name")));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(List.of("Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"), names);
        assertFalse(pages < 3, "five entries at two a page take three pages");

        JsonPath last = admin().queryParam("actor", "ops").queryParam("from", Instant.now().plusSeconds(60).toString())
                .get("/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), last.getList("items"));
        assertNull(last.getString("next"));
    }

    @Test
    void onlyAnAdminReadsTheTrailAndBadQueriesAreNamed() {
        supervisor().get("/v1/audit").then().statusCode(403);
        given().get("/v1/audit").then().statusCode(401);
        admin().queryParam("cursor", "not-a-cursor").get("/v1/audit").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        admin().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get("/v1/audit").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        admin().queryParam("from", "yesterday").get("/v1/audit").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        admin().queryParam("limit", 0).get("/v1/audit").then().statusCode(400).body("errors.field", hasItem("limit"));
        admin().queryParam("limit", 1001).get("/v1/audit").then().statusCode(400).body("status", equalTo(400));
    }

    private static List<Map<String, Object>> trailOf(String target, Instant from) {
        List<Map<String, Object>> items = admin().queryParam("from", from.toString()).queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> target.equals(item.get("target"))).toList();
    }

    private static io.restassured.specification.RequestSpecification ops() {
        return given().auth().oauth2(Api.OPS_KEY).contentType(io.restassured.http.ContentType.JSON);
    }
}
