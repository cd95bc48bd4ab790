package io.welcomer.records;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports stream from the store as the client reads: one cut by its client frees its connection
 * at once, and past the exports allowed a new one is refused before anything is sent. Bad input
 * is a problem naming the parameter. Reads 40,000 contacts stored in January 2001, no other test's.
 */
@QuarkusTest
class RecordExportTest {

    private static final String RANGE = "from=2001-01-01&to=2001-02-01";
    private static final String EXPORTS_IN_TRANSACTION = "select count(*) from pg_stat_activity"
            + " where application_name = 'welcomer-records' and datname = current_database() and state <> 'idle'";

    @BeforeAll
    static void seed() {
        try (Database db = Database.open()) {
            if (db.count("select count(*) from contacts where id like 'export-%'") > 0) {
                return;
            }
            db.execute("""
                    insert into contacts (id, gateway_id, channel, mode, customer_id, customer_name, required_skills,
                        priority, arrival_seq, state, agent_id, created_at, offered_at, connected_at, ended_at,
                        touch_ms, resolved, outcome_code, outcome_notes)
                    select 'export-' || g, 'test-gateway-key', 'chat', 'LIVE', 'cust-' || (g % 997), 'Ana', '{}', 0, g,
                        'COMPLETED', 'kim', t, t + interval '2 s', t + interval '3 s', t + interval '63 s', 60000,
                        true, 'fixed', 'a note long enough to fill the socket buffers sooner rather than later'
                    from generate_series(1, 40000) g, lateral (select timestamptz '2001-01-01' + g * interval '1 min') a(t)""");
            db.execute("""
                    insert into contact_events (id, contact_id, gateway_id, type, state, agent_id, at)
                    select -3 * g - k, 'export-' || g, 'test-gateway-key', e.type, e.state, 'kim',
                        timestamptz '2001-01-01' + g * interval '1 min' + e.after
                    from generate_series(1, 40000) g,
                        (values (0, 'contact.offered', 'OFFERED', interval '2 s'),
                                (1, 'contact.connected', 'CONNECTED', interval '3 s'),
                                (2, 'contact.completed', 'COMPLETED', interval '63 s')) e(k, type, state, after)""");
        }
    }

    @Test
    void anExportCutByItsClientFreesItsConnectionAtOnce() throws IOException {
        try (Database db = Database.open()) {
            try (Socket client = export("application/x-ndjson")) {
                String start = firstBytes(client.getInputStream(), 2048);
                assertTrue(start.startsWith("HTTP/1.1 200"), start);
                assertTrue(start.contains("\"id\":\"export-1\""), start);
                // The client reads no more: the export waits for it, inside its transaction.
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> db.count(EXPORTS_IN_TRANSACTION) == 1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> db.count(EXPORTS_IN_TRANSACTION) == 0);
        }
    }

    @Test
    void pastTheExportsAllowedANewOneIsRefusedBeforeAnythingIsSent() throws IOException {
        try (Socket first = export("text/csv"); Socket second = export("application/x-ndjson")) {
            assertTrue(firstBytes(first.getInputStream(), 512).contains("id,line,channel"));
            assertTrue(firstBytes(second.getInputStream(), 512).startsWith("HTTP/1.1 200"));
            admin().accept("application/x-ndjson").get("/v1/contacts?" + RANGE)
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("detail", containsString("2 exports are running"));
        }
        try (Database db = Database.open()) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> db.count(EXPORTS_IN_TRANSACTION) == 0);
        }
        String csv = admin().accept("text/csv").get("/v1/contacts?from=2001-01-01T00:00:00Z&to=2001-01-01T00:05:00Z")
                .then().statusCode(200).extract().asString();
        assertEquals(5, Csv.parse(csv).size(), "the header and four contacts");
    }

    /**
     * An export is written a fetch of a hundred records at a time: across fetches, and when the
     * records end exactly at a fetch's end, every record is one line, in order, with no line lost,
     * doubled or left empty.
     */
    @Test
    void recordsAcrossFetchesAreEachOneLineInArrivalOrder() {
        for (int count : new int[] {100, 200, 250}) {
            String to = "2001-01-01T00:00:00Z".replace("00:00:00", "%02d:%02d:30".formatted(count / 60, count % 60));
            String ndjson = admin().accept("application/x-ndjson").get("/v1/contacts?from=2001-01-01&to=" + to)
                    .then().statusCode(200).extract().asString();
            assertTrue(ndjson.endsWith("}\n"), "each record ends with a newline, and nothing follows the last");
            List<String> lines = ndjson.lines().toList();
            assertEquals(count, lines.size(), count + " records");
            for (int i = 0; i < count; i++) {
                assertTrue(lines.get(i).startsWith("{\"id\":\"export-" + (i + 1) + "\","), "line " + (i + 1));
            }
            String csv = admin().accept("text/csv").get("/v1/contacts?from=2001-01-01&to=" + to)
                    .then().statusCode(200).extract().asString();
            List<List<String>> rows = Csv.parse(csv);
            assertEquals(count + 1, rows.size(), "the header and " + count + " records");
            assertEquals("export-" + count, rows.getLast().getFirst());
        }
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        bad("from=2001-02-01&to=2001-01-01", "from");
        bad("from=yesterday", "from");
        bad("from=2001-01-01&to=2001-03-01", "to");
        bad("state=LOST", "state");
        bad("limit=0", "limit");
        bad("limit=1001", "limit");
        bad("limit=ten", "limit");
        bad("cursor=not-a-cursor", "cursor");
        bad("customerId=" + "x".repeat(201), "customerId");
        String cursor = admin().get("/v1/contacts?" + RANGE + "&limit=2").then().statusCode(200)
                .extract().path("next");
        admin().get("/v1/contacts?" + RANGE + "&limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of("export-3", "export-4")));
        // The same cursor with another query, or altered by one character, is refused.
        bad(RANGE + "&state=ABANDONED&cursor=" + cursor, "cursor");
        char last = cursor.charAt(cursor.length() - 1);
        bad(RANGE + "&cursor=" + cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A'), "cursor");
        // An export is not paged, and its range has no bound.
        admin().accept("application/x-ndjson").get("/v1/contacts?" + RANGE + "&cursor=" + cursor)
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        admin().accept("application/xml").get("/v1/contacts").then().statusCode(406)
                .contentType("application/problem+json");
        gateway().get("/v1/contacts?" + RANGE).then().statusCode(403).contentType("application/problem+json");
    }

    private static void bad(String query, String field) {
        RequestSpecification request = admin();
        request.get("/v1/contacts?" + query).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    /** A client asking for an export over a plain socket, which it may stop reading or cut. */
    private static Socket export(String accept) throws IOException {
        Socket socket = new Socket("localhost", Api.port());
        socket.getOutputStream().write(("GET /v1/contacts?" + RANGE + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + Api.ADMIN_KEY + "\r\nAccept: " + accept + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String firstBytes(InputStream in, int count) throws IOException {
        return new String(in.readNBytes(count), StandardCharsets.UTF_8);
    }
}
