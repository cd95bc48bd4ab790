package io.welcomer.security;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.OidcProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** People sign in through the centre's provider: agents on the socket, supervisors on the floor; keys work as before. */
@QuarkusTest
@TestProfile(OidcProvider.class)
@WithTestResource(OidcWiremockTestResource.class)
class OidcSignInTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final String skill = Api.uniqueSkill();

    private String agent() {
        String agentId = Api.uniqueId("signed-in");
        admin().body(Map.of("name", "Signed In", "skills", Map.of(skill, 3), "capacity", Map.of("voice", 1),
                        "languages", List.of("en")))
                .put("/v1/agents/{id}", agentId).then().statusCode(201);
        return agentId;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void anAgentSignedInAtTheProviderTakesAnOffer() {
        String agentId = agent();
        String token = OidcProvider.token(agentId, HOUR, "welcomer-agent");
        try (AgentClient agent = AgentClient.connectWithQueryToken(token)) {
            assertEquals(agentId, agent.next("hello").path("agentId").asText());
            agent.send(Map.of("type", "available"));
            Api.JsonPresence.await(agent, "AVAILABLE");
            String contactId = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).body("agentId", equalTo(agentId)).extract().path("id");
            assertEquals(contactId, agent.next("offer").path("contactId").asText());
            agent.send(Map.of("type", "accept", "contactId", contactId));
            agent.next("connected");
        }
    }

    @Test
    void aSignInThatNamesNoAgentIsRefusedOnTheUpgrade() {
        assertEquals(403, AgentClient.handshakeStatus(AgentClient.refusedUpgrade(
                OidcProvider.unnamedToken(HOUR, "welcomer-agent"))));
        assertEquals(403, AgentClient.handshakeStatus(AgentClient.refusedUpgrade(
                OidcProvider.token(Api.uniqueId("nobody"), HOUR, "welcomer-agent"))));
        assertEquals(403, AgentClient.handshakeStatus(AgentClient.refusedUpgrade(
                OidcProvider.token(agent(), HOUR, "welcomer-supervisor"))));
    }

    @Test
    void anExpiredSignInIsNoSignIn() {
        String expired = OidcProvider.token("lead.ann", Duration.ofMinutes(-10), "welcomer-supervisor");
        as(expired).get("/v1/floor").then().statusCode(401);
        assertEquals(401, AgentClient.handshakeStatus(AgentClient.refusedUpgrade(
                OidcProvider.token(agent(), Duration.ofMinutes(-10), "welcomer-agent"))));
        assertEquals(401, AgentClient.handshakeStatus(AgentClient.refusedQueryUpgrade(
                OidcProvider.token(agent(), Duration.ofMinutes(-10), "welcomer-agent"))));
    }

    @Test
    void aSupervisorSignedInAtTheProviderActsUnderItsOwnName() {
        Instant start = Instant.now().minusSeconds(1);
        String supervisor = OidcProvider.token("lead.ann", HOUR, "welcomer-supervisor");
        as(supervisor).get("/v1/floor").then().statusCode(200);
        as(supervisor).delete("/v1/agents/{id}", agent()).then().statusCode(403);
        as(supervisor).get("/v1/audit").then().statusCode(403);
        String contactId = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        as(supervisor).body(Map.of("priority", 70)).patch("/v1/contacts/{id}", contactId).then().statusCode(200);

        String admin = OidcProvider.token("ops.olu", HOUR, "welcomer-admin");
        List<Map<String, Object>> trail = as(admin).queryParam("actor", "lead.ann").queryParam("from", start.toString())
                .get("/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(trail.stream().anyMatch(item -> contactId.equals(item.get("target"))
                && "supervisor".equals(item.get("role")) && "contact.priority-changed".equals(item.get("action"))), trail::toString);
    }

    @Test
    void onlyTheWelcomerRolesGrantAnything() {
        String lookalike = OidcProvider.token("mallory", HOUR, "admin", "supervisor", "agent", "gateway");
        as(lookalike).get("/v1/floor").then().statusCode(403);
        as(lookalike).get("/v1/audit").then().statusCode(403);
        as(lookalike).body(Api.contact(skill, "cust-1", 0)).post("/v1/contacts").then().statusCode(403);
    }

    @Test
    void keysAndMintedTokensWorkBesideTheProvider() {
        admin().get("/v1/agents").then().statusCode(200);
        given().auth().oauth2("not-a-key-nor-a-token").get("/v1/agents").then().statusCode(401);
        String agentId = agent();
        String minted = admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
        try (AgentClient agent = AgentClient.connect(minted)) {
            assertEquals(agentId, agent.next("hello").path("agentId").asText());
        }
    }

    @Test
    void theSessionClosesWith1008WhenTheSignInExpires() {
        String agentId = agent();
        try (AgentClient agent = AgentClient.connect(OidcProvider.token(agentId, Duration.ofSeconds(3), "welcomer-agent"))) {
            agent.next("hello");
            assertEquals(1008, agent.awaitClosed(Duration.ofSeconds(15)));
        }
    }

    @Test
    void aRefreshedSignInKeepsTheSessionPastTheFirstTokensExpiry() throws Exception {
        String agentId = agent();
        try (AgentClient agent = AgentClient.connect(OidcProvider.token(agentId, Duration.ofSeconds(3), "welcomer-agent"))) {
            agent.next("hello");
            agent.send(Map.of("type", "token", "token", OidcProvider.token(agentId, HOUR, "welcomer-agent")));
            assertTrue(agent.quietFor(Duration.ofSeconds(5)));
            agent.send(Map.of("type", "available"));
            Api.JsonPresence.await(agent, "AVAILABLE");
        }
    }

    @Test
    void aRefreshThatNoLongerMakesThePersonAnAgentEndsTheSession() {
        String agentId = agent();
        try (AgentClient agent = AgentClient.connect(OidcProvider.token(agentId, HOUR, "welcomer-agent"))) {
            agent.next("hello");
            agent.send(Map.of("type", "token", "token", OidcProvider.token(agentId, HOUR, "welcomer-supervisor")));
            assertEquals(1008, agent.awaitClosed());
        }
    }

    @Test
    void aForeignTokenOnTheSocketIsAnErrorAndTheSessionStays() {
        String agentId = agent();
        try (AgentClient agent = AgentClient.connect(OidcProvider.token(agentId, HOUR, "welcomer-agent"))) {
            agent.next("hello");
            agent.send(Map.of("type", "token", "token", "not-a-jwt"));
            JsonNode error = agent.next("error");
            assertEquals("invalid-token", error.path("code").asText());
            agent.send(Map.of("type", "available"));
            Api.JsonPresence.await(agent, "AVAILABLE");
        }
    }

    @Test
    void theConsoleLearnsWhereToSignIn() {
        given().get("/v1/sign-in").then().statusCode(200)
                .body("clientId", equalTo(OidcProvider.CONSOLE_CLIENT))
                .body("authorizationEndpoint", endsWith("/auth/realms/quarkus"))
                .body("tokenEndpoint", endsWith("/auth/realms/quarkus/token"))
                .body("scope", equalTo("openid"));
    }
}
