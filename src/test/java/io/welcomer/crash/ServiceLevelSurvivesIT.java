package io.welcomer.crash;

import static org.hamcrest.Matchers.equalTo;

import io.welcomer.support.AgentClient;
import io.welcomer.support.PackagedServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A line's service level today is counted again from the store after a crash: the contacts
 * answered and abandoned before it still count, so the floor does not start the day anew.
 */
class ServiceLevelSurvivesIT {

    @Test
    void aRestartKeepsTheServiceLevelOfToday() throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_service_level_restart")) {
            server.start();
            server.admin().body(Map.of("channels", List.of("voice"), "skills", Map.of("billing", 1),
                            "serviceLevel", Map.of("seconds", 60, "target", 0.8)))
                    .put("/v1/lines/billing").then().statusCode(201);
            server.admin().body(Map.of("name", "Kim", "skills", Map.of("billing", 3), "capacity", Map.of("voice", 1)))
                    .put("/v1/agents/kim").then().statusCode(201);
            answerOneAndLoseOne(server);
            server.admin().get("/v1/lines/billing").then().statusCode(200).body("serviceLevelToday", equalTo(0.5f));
            server.kill();

            server.start();
            server.admin().get("/v1/lines/billing").then().statusCode(200).body("serviceLevelToday", equalTo(0.5f));
        }
    }

    /** Kim answers the first contact at once; the second, waiting behind it, is abandoned. */
    private static void answerOneAndLoseOne(PackagedServer server) {
        String token = server.admin().post("/v1/agents/kim/tokens").then().statusCode(201).extract().path("token");
        try (AgentClient kim = AgentClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws/agent"),
                token)) {
            kim.next("hello");
            kim.send(Map.of("type", "available"));
            String answered = arrive(server, "cust-1");
            kim.next("offer");
            kim.send(Map.of("type", "accept", "contactId", answered));
            kim.next("connected");
            String abandoned = arrive(server, "cust-2");
            server.gateway().delete("/v1/contacts/{id}", abandoned).then().statusCode(200)
                    .body("state", equalTo("ABANDONED"));
            kim.send(Map.of("type", "complete", "contactId", answered, "outcome", Map.of("resolved", true)));
        }
    }

    private static String arrive(PackagedServer server, String customer) {
        return server.gateway().body(Map.of("channel", "voice", "customer", Map.of("id", customer), "line", "billing"))
                .post("/v1/contacts").then().statusCode(201).extract().path("id");
    }
}
