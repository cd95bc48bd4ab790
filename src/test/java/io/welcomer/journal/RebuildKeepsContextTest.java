package io.welcomer.journal;

import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A contact's context reaches the agent as the gateway sent it, as JSON: straight from intake, and
 * from the store after the routing state is rebuilt (after an outage, a restart or a takeover),
 * whatever it holds: any script, an emoji, escapes, nesting, big numbers, a bare string, or nothing.
 * Over real HTTP, a real socket and PostgreSQL.
 */
@QuarkusTest
class RebuildKeepsContextTest {

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTEXT = """
            {"order": {"id": "A-1001", "lines": [{"sku": "é-ß-中文", "qty": 2, "price": 19.95}, null, true]},
             "note": "line\\nbreak, \\"quoted\\", back\\\\slash, tab\\t", "emoji": "😀",
             "escaped": "\\u00e9\\u2028\\u001f", "empty": {}, "none": [], "big": 12345678901234567890,
             "small": -0.5, "": "an empty name", "zz": 1, "a": 2}""";
    private static final String BARE_STRING = "\"just \\\"text\\\" 中\"";

    private final String served = Api.uniqueSkill();
    private final String specialists = Api.uniqueSkill();
    private final Database db = Database.open();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theOfferCarriesTheContextAsSentBeforeAndAfterARebuild() throws Exception {
        try (AgentClient agent = Api.availableAgent(Api.agentWithToken(Api.uniqueId("agent"), Map.of(served, 1),
                Map.of()))) {
            post(served, CONTEXT);
            assertEquals(JSON.readTree(CONTEXT), agent.next("offer").path("context"));
        }
        String waiting = post(specialists, CONTEXT);
        String bare = post(specialists, BARE_STRING);
        String none = post(specialists, null);
        Awaitility.await().atMost(BOUND).until(() -> db.states(List.of(waiting, bare, none)).size() == 3);
        assertEquals(List.of("object", "true"), stored(waiting, CONTEXT));
        assertEquals(List.of("string", "true"), stored(bare, BARE_STRING));

        Api.rebuildAfterAnOutage(db);

        try (AgentClient specialist = AgentClient.connect(Api.agentWithToken(Api.uniqueId("specialist"),
                Map.of(specialists, 1), Map.of()))) {
            specialist.next("hello");
            specialist.send(Map.of("type", "available"));
            assertEquals(JSON.readTree(CONTEXT), servedOffer(specialist, waiting).path("context"));
            assertEquals(JSON.readTree(BARE_STRING), servedOffer(specialist, bare).path("context"));
            JsonNode offer = servedOffer(specialist, none);
            assertTrue(offer.has("context") && offer.path("context").isNull(), "context: null, as before");
        }
    }

    /** The stored context's JSON type, and whether it equals this JSON. */
    private List<String> stored(String contactId, String json) {
        return db.strings("select unnest(array[jsonb_typeof(context), (context = ?::jsonb)::text]) from contacts"
                + " where id = ?", json, contactId);
    }

    /** The agent's next offer, which must be for this contact; the agent then serves it, free for the next one. */
    private static JsonNode servedOffer(AgentClient agent, String contactId) {
        JsonNode offer = agent.next("offer");
        assertEquals(contactId, offer.path("contactId").asText());
        agent.send(Map.of("type", "accept", "contactId", contactId));
        agent.next("connected");
        agent.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
        return offer;
    }

    /** A voice contact for this skill, its context given as raw JSON (none when null). */
    private static String post(String skill, String context) {
        String body = """
                {"channel": "voice", "customer": {"id": "%s", "name": "Sunil", "language": "en"},
                 "skills": {"%s": 1}, "topic": "refund"%s}""".formatted(Api.uniqueId("cust"), skill,
                context == null ? "" : ", \"context\": " + context);
        return gateway().body(body).post("/v1/contacts").then().statusCode(201).extract().path("id");
    }
}
