package io.welcomer.security;

import static io.welcomer.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A token opens sessions for welcomer.token-ttl and until it is revoked; its session ends with it. */
@QuarkusTest
@TestProfile(TokenLifetimeTest.ShortTokens.class)
class TokenLifetimeTest {

    public static class ShortTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("welcomer.token-ttl", "15s");
        }
    }

    @Test
    void anExpiredTokenClosesItsSessionAndOpensNoOther() {
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(Api.uniqueSkill(), 1), Map.of());
        try (AgentClient agent = AgentClient.connect(token)) {
            agent.next("hello");
            assertEquals(1008, agent.awaitClosed(Duration.ofSeconds(45)));
        }
        assertEquals(401, handshakeStatus(AgentClient.refusedUpgrade(token)));
    }

    @Test
    void revokingAnAgentsTokensClosesItsSessionAndRefusesThemAfter() {
        String agentId = Api.uniqueId("agent");
        String token = Api.agentWithToken(agentId, Map.of(Api.uniqueSkill(), 1), Map.of());
        try (AgentClient agent = AgentClient.connect(token)) {
            agent.next("hello");
            admin().delete("/v1/agents/{id}/tokens", agentId).then().statusCode(204);
            assertEquals(1008, agent.awaitClosed());
        }
        assertEquals(401, handshakeStatus(AgentClient.refusedUpgrade(token)));
        admin().get("/v1/agents/{id}", agentId).then().statusCode(200);
        admin().delete("/v1/agents/{id}/tokens", "no-such-agent").then().statusCode(404)
                .contentType("application/problem+json");
        // A new token works again.
        String fresh = admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
        try (AgentClient agent = AgentClient.connect(fresh)) {
            agent.next("hello");
        }
    }

    private static int handshakeStatus(Throwable refusal) {
        return ((WebSocketHandshakeException) refusal).getResponse().statusCode();
    }
}
