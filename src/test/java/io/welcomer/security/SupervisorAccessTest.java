package io.welcomer.security;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A supervisor's key reaches the floor and the reads, and nothing that creates, deletes or mints. */
@QuarkusTest
class SupervisorAccessTest {

    @Test
    void aSupervisorReachesTheFloorTheAgentsTheQueueAndTheInsights() {
        String agentId = Api.uniqueId("watched");
        admin().body(Map.of("name", "Watched", "skills", Map.of(), "capacity", Map.of("voice", 1)))
                .put("/v1/agents/{id}", agentId).then().statusCode(201);

        supervisor().get("/v1/floor").then().statusCode(200);
        supervisor().get("/v1/agents").then().statusCode(200);
        supervisor().get("/v1/agents/{id}", agentId).then().statusCode(200).body("id", equalTo(agentId));
        supervisor().get("/v1/queue").then().statusCode(200);
        supervisor().get("/v1/insights/touch-time").then().statusCode(200);
    }

    @Test
    void aSupervisorIsRefusedWhatOnlyAnAdminOrAGatewayMayDo() {
        String agentId = Api.uniqueId("kept");
        admin().body(Map.of("name", "Kept", "skills", Map.of(), "capacity", Map.of("voice", 1)))
                .put("/v1/agents/{id}", agentId).then().statusCode(201);

        supervisor().body(Map.of("name", "Renamed", "skills", Map.of(), "capacity", Map.of()))
                .put("/v1/agents/{id}", agentId).then().statusCode(403);
        supervisor().delete("/v1/agents/{id}", agentId).then().statusCode(403);
        supervisor().post("/v1/agents/{id}/tokens", agentId).then().statusCode(403);
        supervisor().delete("/v1/agents/{id}/tokens", agentId).then().statusCode(403);
        supervisor().body(Api.contact(Api.uniqueSkill(), "cust-1", 0)).post("/v1/contacts").then().statusCode(403);
        supervisor().get("/v1/events").then().statusCode(403);
        supervisor().body(Map.of()).post("/v1/simulations").then().statusCode(403);

        // Refused means unchanged.
        admin().get("/v1/agents/{id}", agentId).then().statusCode(200).body("name", equalTo("Kept"));
    }

    @Test
    void aGatewayIsNoSupervisorAndAnUnknownKeyIsNobody() {
        gateway().get("/v1/floor").then().statusCode(403);
        gateway().get("/v1/agents").then().statusCode(403);
        given().auth().oauth2("floor-lead:" + Api.SUPERVISOR_KEY).get("/v1/floor").then().statusCode(401);
        given().auth().oauth2(Api.OPS_KEY).get("/v1/agents").then().statusCode(200);
    }

    @Test
    void withoutAProviderThereIsNoSignInButKeysAndTokens() {
        given().get("/v1/sign-in").then().statusCode(404);
    }
}
