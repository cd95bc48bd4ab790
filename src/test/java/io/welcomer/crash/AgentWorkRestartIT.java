package io.welcomer.crash;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.support.AgentClient;
import io.welcomer.support.PackagedServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent's work survives a kill: a contact in wrap-up stays with its agent, a follow-up not
 * yet due is still promised (in the profile and the hello), and one that fell due while the
 * server was down is offered to its agent after the restart.
 */
class AgentWorkRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wrapUpAndFollowUpsSurviveAKill() throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_agent_work_it")) {
            server.start();
            server.admin().body(Map.of("name", "Kim", "skills", Map.of("work", 3), "capacity", Map.of("voice", 1)))
                    .put("/v1/agents/kim").then().statusCode(201);
            String token = server.admin().post("/v1/agents/kim/tokens").then().statusCode(201).extract().path("token");
            URI socket = URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws/agent");

            String contactId;
            String later;
            String soon;
            Instant soonDue;
            try (AgentClient kim = AgentClient.connect(socket, token)) {
                kim.next("hello");
                kim.send(Map.of("type", "available"));
                contactId = server.gateway().body(Map.of("channel", "voice",
                                "customer", Map.of("id", "cust-work", "name", "Noor"), "skills", Map.of("work", 1)))
                        .post("/v1/contacts").then().statusCode(201).extract().path("id");
                kim.next("offer");
                kim.send(Map.of("type", "accept", "contactId", contactId));
                kim.next("connected");
                kim.send(Map.of("type", "follow-up", "contactId", contactId,
                        "at", Instant.now().plus(Duration.ofHours(20)).toString(), "note", "tomorrow morning"));
                // Due after both are listed and the server is killed (a loaded machine is slow), before its restart.
                soonDue = Instant.now().plusSeconds(15);
                kim.send(Map.of("type", "follow-up", "contactId", contactId,
                        "at", soonDue.toString(), "number", "+15551234567"));
                kim.send(Map.of("type", "end", "contactId", contactId));
                JsonNode followUps = awaitFollowUps(server, 2);
                soon = followUps.get(0).path("id").asText();
                later = followUps.get(1).path("id").asText();
                awaitState(server, contactId, "WRAPPING");
                server.kill();
            }
            // The server stays down until the follow-up is due: it falls due while nobody routes.
            while (!Instant.now().isAfter(soonDue)) {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), soonDue).toMillis() + 1));
            }
            Instant restarted = Instant.now();
            assertTrue(soonDue.isBefore(restarted), "the follow-up was not due before the restart");

            server.start();
            server.gateway().get("/v1/contacts/{id}", contactId).then().statusCode(200)
                    .body("state", equalTo("WRAPPING")).body("agentId", equalTo("kim"));
            try (AgentClient kim = AgentClient.connect(socket, token)) {
                JsonNode hello = kim.next("hello");
                assertEquals(contactId, hello.path("contacts").path(0).path("contactId").asText());
                assertEquals("WRAPPING", hello.path("contacts").path(0).path("state").asText());
                // Only the follow-up not yet due is still promised; the due one is a contact now.
                assertEquals(1, hello.path("followUps").size(), hello.toString());
                assertEquals(later, hello.path("followUps").path(0).path("followUpId").asText());
                assertEquals("tomorrow morning", hello.path("followUps").path(0).path("note").asText());
                kim.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
                kim.send(Map.of("type", "available"));
                // Due while the server was down: offered to its own agent now.
                JsonNode offer = kim.next("offer");
                assertEquals(soon, offer.path("contactId").asText());
                assertEquals("FOLLOW_UP", offer.path("mode").asText());
                kim.send(Map.of("type", "accept", "contactId", soon));
                assertEquals("+15551234567", kim.next("connected").path("callbackNumber").asText());
            }
            server.admin().get("/v1/agents/kim").then().statusCode(200)
                    .body("followUps", hasSize(1)).body("followUps[0].id", equalTo(later));
        }
    }

    /** The agent's follow-ups as the server lists them (soonest first), once there are this many. */
    private static JsonNode awaitFollowUps(PackagedServer server, int count) throws Exception {
        for (int i = 0; i < 100; i++) {
            String body = server.admin().get("/v1/agents/kim").then().statusCode(200).extract().asString();
            JsonNode followUps = JSON.readTree(body).path("followUps");
            if (followUps.size() == count) {
                return followUps;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the agent never had " + count + " follow-ups");
    }

    private static void awaitState(PackagedServer server, String contactId, String state) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (state.equals(server.gateway().get("/v1/contacts/{id}", contactId).then().extract().path("state"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("contact " + contactId + " never became " + state);
    }
}
