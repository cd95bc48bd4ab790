package io.welcomer.records;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Paging returns every record once while contacts arrive, and the two exports stream the same
 * records as the pages. Each test reads only the range its own contacts arrived in.
 */
@QuarkusTest
class RecordPagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String skill = Api.uniqueSkill();

    @Test
    void pagingReturnsEveryRecordExactlyOnceWhileContactsArrive() throws Exception {
        Instant from = Instant.now().minusMillis(1);
        for (int i = 0; i < 20; i++) {
            post();
        }
        ExecutorService gateways = Executors.newFixedThreadPool(4);
        CountDownLatch arriving = new CountDownLatch(10);
        List<Future<?>> arrivals = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            arrivals.add(gateways.submit(() -> {
                post();
                arriving.countDown();
            }));
        }
        assertTrue(arriving.await(30, TimeUnit.SECONDS));
        String to = Instant.now().plus(Duration.ofHours(1)).toString();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = admin().queryParam("from", from.toString()).queryParam("to", to).queryParam("limit", 3);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/contacts")
                    .then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        for (Future<?> arrival : arrivals) {
            arrival.get(30, TimeUnit.SECONDS);
        }
        gateways.shutdown();

        assertEquals(paged.size(), new HashSet<>(paged).size(), "a record came twice");
        // Exactly what the store holds up to the last record read, in arrival order: none skipped.
        try (Database db = Database.open()) {
            List<String> stored = db.strings("select id from contacts where created_at >= ?::timestamptz"
                    + " and (created_at, arrival_seq) <= (select created_at, arrival_seq from contacts where id = ?)"
                    + " order by created_at, arrival_seq", from.toString(), paged.getLast());
            assertEquals(stored, paged);
            assertTrue(paged.size() >= 30, "the contacts stored before paging began are all read");
        }
        // Once arrivals stop, one more pass reads all 140.
        assertEquals(140, allPages(from.toString(), to).size());
    }

    @Test
    void ndjsonAndCsvStreamTheSameRecordsAsThePages() throws Exception {
        Instant from = Instant.now().minusMillis(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(post());
        }
        gateway().delete("/v1/contacts/{id}", ids.get(2)).then().statusCode(200);
        String to = Instant.now().plusSeconds(1).toString();

        List<JsonNode> pages = allPages(from.toString(), to);
        String ndjson = admin().accept("application/x-ndjson").queryParam("from", from.toString())
                .queryParam("to", to).get("/v1/contacts").then().statusCode(200).extract().asString();
        String csv = admin().accept("text/csv").queryParam("from", from.toString()).queryParam("to", to)
                .get("/v1/contacts").then().statusCode(200).extract().asString();

        List<JsonNode> streamed = ndjson.lines().map(RecordPagingTest::json).toList();
        assertEquals(ids, streamed.stream().map(record -> record.path("id").asText()).toList());
        assertEquals(pages, streamed);
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(Csv.HEADER, rows.getFirst());
        assertEquals(ids.size() + 1, rows.size());
        for (int i = 0; i < streamed.size(); i++) {
            assertEquals(Csv.row(streamed.get(i)), rows.get(i + 1), "CSV line " + (i + 1));
        }
    }

    private static List<JsonNode> allPages(String from, String to) {
        List<JsonNode> records = new ArrayList<>();
        String cursor = null;
        Set<String> cursors = new HashSet<>();
        do {
            var request = admin().queryParam("from", from).queryParam("to", to).queryParam("limit", 4);
            JsonNode page = json((cursor == null ? request : request.queryParam("cursor", cursor)).get("/v1/contacts")
                    .then().statusCode(200).extract().asString());
            page.path("items").forEach(records::add);
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
            assertTrue(cursor == null || cursors.add(cursor));
        } while (cursor != null);
        return records;
    }

    private String post() {
        return gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
