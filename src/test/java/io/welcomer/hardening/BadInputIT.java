package io.welcomer.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.support.AgentClient;
import io.welcomer.support.BadInput;
import io.welcomer.support.PackagedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A thousand generated bad requests across the endpoints and a thousand bad agent frames,
 * against the packaged server on its own database: no 5xx, every answer a problem or an
 * error frame, the session kept open, and every table exactly as it was.
 */
class BadInputIT {

    private static final String ADMIN_KEY = PackagedServer.ADMIN_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long SEED = Long.getLong("badInput.seed", 20261130L);

    private static PackagedServer server;
    private static String contactId;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        server = new PackagedServer("welcomer_bad_input");
        // Frames are sent as fast as the answers come back; the frame rate limit has its own test.
        server.start(Map.of("WELCOMER_SOCKET_FRAMES_PER_SECOND", "100000"));
        send("PUT", "/v1/agents/bad-input-agent", "{\"name\": \"Agent\", \"skills\": {\"billing\": 3}}", 201);
        send("PUT", "/v1/lines/" + BadInput.BAD_LINE, "{\"channels\": [\"voice\"]}", 201);
        token = JSON.readTree(send("POST", "/v1/agents/bad-input-agent/tokens", null, 201)).path("token").asText();
        contactId = JSON.readTree(send("POST", "/v1/contacts", "{\"channel\": \"voice\", \"customer\": {\"id\": \"c1\"},"
                + " \"skills\": {\"bad-input-skill\": 1}}", 201)).path("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aThousandBadRequestsAreEachAProblemAndStoreNothing() throws Exception {
        Map<String, String> before = snapshot();
        List<String> wrong = new ArrayList<>();
        for (BadInput.Request bad : new BadInput(SEED, contactId).requests(1_000)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + bad.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ADMIN_KEY)
                    .method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(bad.body()));
            if (bad.contentType() != null) {
                request.header("Content-Type", bad.contentType());
            }
            bad.headers().forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")
                    || !JSON.readTree(response.body()).path("detail").isTextual()) {
                wrong.add(bad.why() + " -> " + response.statusCode() + " " + type + " " + abbreviated(response.body()));
            }
        }
        assertEquals(List.of(), wrong, "bad requests not answered with a 4xx problem");
        assertEquals(before, snapshot(), "stored state changed");
    }

    @Test
    void aThousandBadFramesAreEachAnErrorAndTheSessionStaysOpen() throws Exception {
        try (AgentClient agent = AgentClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/v1/ws/agent"), token)) {
            assertEquals("hello", agent.next().path("type").asText());
            Map<String, String> before = snapshot();

            List<String> wrong = new ArrayList<>();
            for (String frame : new BadInput(SEED, contactId).frames(1_000)) {
                agent.send(frame);
                JsonNode answer = agent.next();
                if (!answer.path("type").asText().equals("error") || answer.path("code").asText().isBlank()) {
                    wrong.add(abbreviated(frame) + " -> " + answer);
                }
            }
            assertEquals(List.of(), wrong, "bad frames not answered with an error frame");
            assertTrue(!agent.isClosed(), "the session was closed");
            assertEquals(before, snapshot(), "stored state changed");
        }
    }
    /**
     * Each table's row count and a digest of its rows, in a stable order; the routing lease is
     * left out (its expiry moves with every renewal, whatever the clients send).
     */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = server.database(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                    + " and table_name not in ('flyway_schema_history', 'routing_lease')")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet digest = statement.executeQuery("select count(*) || ' rows, ' || coalesce(md5(string_agg("
                        + "t::text, '|' order by t::text)), '-') from \"" + name + "\" t")) {
                    digest.next();
                    tables.put(name, digest.getString(1));
                }
            }
        }
        assertTrue(tables.containsKey("contacts") && tables.containsKey("agents"), "tables found: " + tables.keySet());
        return tables;
    }

    private static String send(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return response.body();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
