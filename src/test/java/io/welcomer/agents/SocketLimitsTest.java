package io.welcomer.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agent socket's transport limits (README, Limits): a frame past a limit gets an error frame
 * and the session stays open; a console that goes on is closed, 1009 for size, 1008 for rate.
 */
@QuarkusTest
class SocketLimitsTest {

    private final String skill = Api.uniqueSkill();

    @Test
    void aFrameJustUnderTheSizeLimitIsHandledAndOneOverGetsAnErrorThenAClose() {
        try (AgentClient agent = AgentClient.connect(token())) {
            agent.next("hello");
            agent.send(frameOfBytes(16_384));
            assertEquals("missing-field", agent.next("error").path("code").asText());

            agent.send(frameOfBytes(17 * 1024));
            assertEquals("frame-too-large", agent.next("error").path("code").asText());
            agent.send(Map.of("type", "available"));
            Api.JsonPresence.await(agent, "AVAILABLE");

            agent.send(frameOfBytes(17 * 1024));
            assertEquals(1009, agent.awaitClosed());
        }
    }

    @Test
    void controlCharactersInAFrameAreAnInvalidField() {
        try (AgentClient agent = AgentClient.connect(token())) {
            agent.next("hello");
            agent.send("{\"type\": \"accept\", \"contactId\": \"a\\u0000b\"}");
            assertEquals("invalid-field", agent.next("error").path("code").asText());
            agent.send("{\"type\": \"away\", \"reason\": \"x\\ud800\"}");
            assertEquals("invalid-field", agent.next("error").path("code").asText());
        }
    }

    @Test
    void aFloodGetsOneErrorFrameThenAClose() {
        try (AgentClient agent = AgentClient.connect(token())) {
            agent.next("hello");
            // 20 frames a second are handled; each of these is refused by the router with an error.
            for (int i = 0; i < 200 && !agent.isClosed(); i++) {
                try {
                    agent.send("{\"type\": \"accept\", \"contactId\": \"flood-" + i + "\"}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            List<JsonNode> received = agent.framesUntilClosed();
            assertEquals(1008, agent.awaitClosed());
            long tooMany = received.stream().filter(frame -> frame.path("code").asText().equals("too-many-frames")).count();
            // One per second of flooding: the flood may straddle a second.
            assertTrue(tooMany >= 1 && tooMany <= 2, "too-many-frames errors: " + tooMany);
            assertTrue(received.size() <= 2 * 20 + 2, "frames answered to the flood: " + received.size());
        }
    }

    private String token() {
        return Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
    }

    /** A JSON object of exactly this many bytes, without a type. */
    private static String frameOfBytes(int bytes) {
        String head = "{\"pad\": \"";
        String tail = "\"}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }
}
