package io.welcomer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.welcomer.support.PackagedServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load harness at a walking pace against the packaged server, so that it never rots: every
 * contact is stored, offered to an agent on a WebSocket, accepted and completed, and nothing
 * errs. It checks what happened, never how fast.
 */
class LoadSmokeIT {

    private PackagedServer server;
    private Vertx vertx;

    @BeforeEach
    void start() throws Exception {
        server = new PackagedServer("welcomer_load_smoke");
        server.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void everyContactIsOfferedAcceptedAndCompleted() throws Exception {
        Http gateway = new Http(vertx, server.port(), PackagedServer.GATEWAY_KEY, 8);
        Http admin = new Http(vertx, server.port(), PackagedServer.ADMIN_KEY, 8);
        Agents agents = new Agents(vertx, admin, server.port(), 20, 100);
        LoadRun.await(agents.start(5, "smoke"));
        Measure intake = new Measure("intake");
        AtomicLong numbers = new AtomicLong();

        LoadRun.await(OpenLoad.run(vertx, 20, Duration.ofSeconds(3), intake, intended -> {
            String customer = "smoke-" + numbers.incrementAndGet();
            agents.sentAt.put(customer, intended);
            return gateway.send(HttpMethod.POST, "/v1/contacts", LoadRun.contact("smoke", customer), 201);
        }));
        for (int i = 0; i < 300 && agents.completed.get() < 60; i++) {
            Thread.sleep(100);
        }

        assertEquals(60, intake.count(), "contacts stored");
        assertEquals(0, intake.errors(), "intake errors");
        assertEquals(0, agents.sentAt.size(), "contacts never offered");
        assertEquals(60, agents.postToOffer.count(), "offers matched to their POST");
        assertEquals(60, agents.completed.get(), "contacts completed");
        assertEquals(0, agents.errors.get(), "error frames or revoked offers");
        // What the harness counted, as the server stored it: every contact completed and resolved.
        try (var connection = server.database(); var statement = connection.createStatement();
             var stored = statement.executeQuery("select count(*) filter (where state = 'COMPLETED' and resolved),"
                     + " count(*) from contacts")) {
            stored.next();
            assertEquals(60, stored.getInt(1), "contacts stored as completed and resolved");
            assertEquals(60, stored.getInt(2), "contacts stored");
        }
    }
}
