package io.welcomer.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.welcomer.support.Cluster;
import io.welcomer.support.FreshDatabase;
import io.welcomer.support.PackagedServer;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load harness at a walking pace, so that it never rots: against the packaged server and
 * against the life floor it is measured beside, every contact is stored, offered to an agent on
 * a WebSocket, accepted and completed, and nothing errs. It checks what happened, never how fast.
 */
class LoadSmokeIT {

    private static final int CONTACTS = 60;
    private static final String FLOOR_DATABASE = "welcomer_life_floor_smoke";

    private Vertx vertx;
    /** What the test started beside its Vert.x, closed after it (so no client sees its end). */
    private AutoCloseable underTest;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        underTest.close();
    }

    @Test
    void everyContactIsOfferedAcceptedAndCompleted() throws Exception {
        PackagedServer server = new PackagedServer("welcomer_load_smoke");
        underTest = server;
        server.start();

        walk(server.port(), PackagedServer.GATEWAY_KEY, PackagedServer.ADMIN_KEY);

        // What the harness counted, as the server stored it: every contact completed and resolved.
        try (Connection connection = server.database()) {
            assertStored(connection, "select count(*) filter (where state = 'COMPLETED' and resolved), count(*)"
                    + " from contacts");
        }
    }

    @Test
    void theLifeFloorLivesTheSameLivesAndStoresThem() throws Exception {
        FreshDatabase database = FreshDatabase.create(Cluster.address(), FLOOR_DATABASE);
        underTest = database;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LoadRun.await(LifeFloor.start(vertx, Cluster.address(), FLOOR_DATABASE, port));

        walk(port, LoadRun.GATEWAY_KEY, LoadRun.ADMIN_KEY);

        try (Connection connection = database.connect()) {
            assertStored(connection, "select count(*) filter (where state = 'COMPLETED'), count(*) from floor_contacts");
        }
    }

    /** Five agents, twenty contacts a second for three seconds: every life ends, nothing errs. */
    private void walk(int port, String gatewayKey, String adminKey) throws Exception {
        Http gateway = new Http(vertx, port, gatewayKey, 8);
        Http admin = new Http(vertx, port, adminKey, 8);
        Agents agents = new Agents(vertx, admin, port, 20, 100);
        LoadRun.await(agents.start(5, "smoke"));
        Measure intake = new Measure("intake");
        AtomicLong numbers = new AtomicLong();

        LoadRun.await(OpenLoad.run(vertx, 20, Duration.ofSeconds(3), intake, intended -> {
            String customer = "smoke-" + numbers.incrementAndGet();
            agents.sentAt.put(customer, intended);
            return gateway.send(HttpMethod.POST, "/v1/contacts", LoadRun.contact("smoke", customer), 201);
        }));
        for (int i = 0; i < 300 && agents.completed.get() < CONTACTS; i++) {
            Thread.sleep(100);
        }

        assertEquals(CONTACTS, intake.count(), "contacts stored");
        assertEquals(0, intake.errors(), "intake errors");
        assertEquals(0, agents.sentAt.size(), "contacts never offered");
        assertEquals(CONTACTS, agents.postToOffer.count(), "offers matched to their POST");
        assertEquals(CONTACTS, agents.completed.get(), "contacts completed, as the server confirmed");
        assertEquals(0, agents.errors.get(), "error frames or revoked offers");
    }

    /** The query counts the contacts stored as completed, then all contacts stored. */
    private static void assertStored(Connection connection, String query) throws Exception {
        try (var statement = connection.createStatement(); var stored = statement.executeQuery(query)) {
            stored.next();
            assertEquals(CONTACTS, stored.getInt(1), "contacts stored as completed");
            assertEquals(CONTACTS, stored.getInt(2), "contacts stored");
        }
    }
}
