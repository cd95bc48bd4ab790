package io.welcomer.crash;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welcomer.support.AgentClient;
import io.welcomer.support.Lines;
import io.welcomer.support.PackagedServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lines are stored with the commands that make them and come back first after a crash or a
 * takeover: a closed line keeps its contacts in arrival order (one moved there by a supervisor
 * too, needing what the line asks), and opens to offer them in it.
 */
class LinesSurviveIT {

    private static final Duration READY_BOUND = Duration.ofSeconds(30);
    private static final int WAITING = 5;
    /** The contact a supervisor moves into the line from elsewhere. */
    private static final int MOVED = 2;

    @Test
    void aRestartKeepsTheLinesAndTheirContactsInOrder() throws Exception {
        try (PackagedServer server = new PackagedServer("welcomer_lines_restart")) {
            server.start();
            List<String> inLine = closedLineWithContacts(server);
            server.kill();

            server.start();
            assertLineStillClosedWithItsContacts(server, inLine);
            openAndServeInOrder(server, inLine);
        }
    }

    @Test
    void aStandbyTakingOverKeepsTheLinesAndTheirContactsInOrder() throws Exception {
        try (PackagedServer a = new PackagedServer("welcomer_lines_failover");
             PackagedServer b = PackagedServer.beside(a, "welcomer_lines_failover_b")) {
            a.start(Map.of("WELCOMER_LEASE_HOLDER", "a"));
            b.startStandby(Map.of("WELCOMER_LEASE_HOLDER", "b"));
            List<String> inLine = closedLineWithContacts(a);
            a.kill();
            awaitReady(b);

            assertLineStillClosedWithItsContacts(b, inLine);
            openAndServeInOrder(b, inLine);
        }
    }

    /** Line "billing", closed until a month from now, with an agent for it and contacts waiting in arrival order. */
    private static List<String> closedLineWithContacts(PackagedServer server) {
        server.admin().body(Lines.closedUntil(30, "lines")).put("/v1/lines/billing").then().statusCode(201);
        server.admin().body(Map.of("name", "Kim", "skills", Map.of("lines", 3), "capacity", Map.of("voice", 1)))
                .put("/v1/agents/kim").then().statusCode(201);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            if (i == MOVED) {
                // Arrives asking for a skill nobody has; a supervisor moves it into the line, in its arrival place.
                String id = server.gateway().body(Map.of("channel", "voice", "customer", Map.of("id", "cust-" + i),
                                "skills", Map.of("nobody-has-it", 1)))
                        .post("/v1/contacts").then().statusCode(201).extract().path("id");
                server.admin().body(Map.of("to", Map.of("line", "billing"))).post("/v1/contacts/{id}/move", id)
                        .then().statusCode(200).body("line", equalTo("billing")).body("position", equalTo(i + 1));
                ids.add(id);
                continue;
            }
            ids.add(server.gateway().body(Map.of("channel", "voice", "customer", Map.of("id", "cust-" + i),
                            "line", "billing"))
                    .post("/v1/contacts")
                    .then().statusCode(201).body("open", equalTo(false)).body("position", equalTo(i + 1))
                    .extract().path("id"));
        }
        return ids;
    }

    private static void assertLineStillClosedWithItsContacts(PackagedServer server, List<String> inLine) {
        server.admin().get("/v1/lines/billing").then().statusCode(200)
                .body("open", equalTo(false))
                .body("opensAt", equalTo(Lines.opensAt(30)))
                .body("hours.exceptions[0].date", equalTo(Lines.inDays(30).toString()))
                .body("waiting", equalTo(WAITING));
        for (int place = 0; place < inLine.size(); place++) {
            server.gateway().get("/v1/contacts/{id}", inLine.get(place)).then().statusCode(200)
                    .body("line", equalTo("billing")).body("state", equalTo("QUEUED"))
                    .body("open", equalTo(false)).body("position", equalTo(place + 1));
        }
    }

    /** Kim signs in; the line is opened by new hours; Kim is offered the contacts first to last. */
    private static void openAndServeInOrder(PackagedServer server, List<String> inLine) {
        String token = server.admin().post("/v1/agents/kim/tokens").then().statusCode(201).extract().path("token");
        try (AgentClient kim = AgentClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws/agent"), token)) {
            kim.next("hello");
            kim.send(Map.of("type", "available"));
            Map<String, Object> open = new LinkedHashMap<>(Lines.closedUntil(30, "lines"));
            open.remove("hours");
            server.admin().body(open).put("/v1/lines/billing").then().statusCode(200).body("open", equalTo(true));
            for (String expected : inLine) {
                String offered = kim.next("offer").path("contactId").asText();
                assertEquals(expected, offered);
                kim.send(Map.of("type", "accept", "contactId", offered));
                kim.next("connected");
                kim.send(Map.of("type", "complete", "contactId", offered, "outcome", Map.of("resolved", true)));
            }
        }
    }

    private static void awaitReady(PackagedServer server) throws InterruptedException {
        long bound = System.nanoTime() + READY_BOUND.toNanos();
        while (!server.ready()) {
            if (System.nanoTime() > bound) {
                throw new AssertionError("the standby is not ready within " + READY_BOUND + "; log:\n" + server.tail());
            }
            Thread.sleep(20);
        }
    }
}
