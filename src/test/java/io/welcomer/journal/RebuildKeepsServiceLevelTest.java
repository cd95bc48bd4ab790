package io.welcomer.journal;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import io.welcomer.support.Lines;
import io.welcomer.support.ShiftedClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whether a contact was answered within its line's service-level target is stored with its row
 * when it is answered, kept as the row is written again after a rebuild of the routing state from
 * the store, and counted so in the line's history. In virtual time: one contact waits past the
 * target without anyone waiting for it.
 */
@QuarkusTest
@TestProfile(ShiftedClock.Profile.class)
class RebuildKeepsServiceLevelTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @Inject
    ShiftedClock clock;

    private final String skill = Api.uniqueSkill();
    private final String line = Api.uniqueId("line");
    private final Database db = Database.open();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void contactsAnsweredWithinAndPastTheTargetCountSoInTheLineHistoryOnceEndedAfterARebuild() throws Exception {
        admin().body(Map.of("name", "Billing", "channels", List.of("voice"), "skills", Map.of(skill, 1),
                "serviceLevel", Map.of("seconds", 20, "target", 0.8))).put("/v1/lines/{id}", line)
                .then().statusCode(201);
        Instant from = clock.instant();
        try (AgentClient kim = Api.availableAgent(Api.agentWithToken(Api.uniqueId("kim"), Map.of(skill, 1),
                Map.of("voice", 1)))) {
            String quick = arrive();
            accept(kim, quick);
            String slow = arrive();
            clock.advance(Duration.ofSeconds(30));
            try (AgentClient lee = AgentClient.connect(Api.agentWithToken(Api.uniqueId("lee"), Map.of(skill, 1),
                    Map.of("voice", 1)))) {
                lee.next("hello");
                // Offered the contact waiting at once, before or after its presence.
                lee.send(Map.of("type", "available"));
                accept(lee, slow);
                awaitStored(List.of(quick, slow), "CONNECTED");
                assertEquals(List.of("true", "false"), withinTarget(quick, slow), "stored when answered");

                Api.rebuildAfterAnOutage(db);
                kim.next("hello");
                lee.next("hello");
                complete(kim, quick);
                complete(lee, slow);
                awaitStored(List.of(quick, slow), "COMPLETED");
            }
            assertEquals(List.of("true", "false"), withinTarget(quick, slow), "kept by the rows written since");
        }

        supervisor().queryParam("from", from.toString()).queryParam("to", clock.instant().toString())
                .queryParam("interval", "1d").queryParam("line", line).get("/v1/insights/lines").then()
                .statusCode(200).body("intervals.size()", equalTo(1))
                .body("intervals[0].answered", equalTo(2)).body("intervals[0].answeredWithinTarget", equalTo(1))
                .body("intervals[0].serviceLevel", equalTo(0.5f));
    }

    private String arrive() {
        return gateway().body(Lines.contactIn(line, "voice")).post("/v1/contacts").then().statusCode(201)
                .extract().path("id");
    }

    private static void accept(AgentClient agent, String contactId) {
        assertEquals(contactId, agent.next("offer").path("contactId").asText());
        agent.send(Map.of("type", "accept", "contactId", contactId));
        agent.next("connected");
    }

    private static void complete(AgentClient agent, String contactId) {
        agent.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
    }

    private void awaitStored(List<String> contactIds, String state) {
        Awaitility.await().atMost(BOUND).until(() -> db.states(contactIds).values().stream()
                .allMatch(state::equals));
    }

    /** As stored, in arrival order. */
    private List<String> withinTarget(String first, String second) {
        return db.strings("""
                select coalesce(answered_within_target::text, 'none') from contacts where id in (?, ?)
                order by arrival_seq""", first, second);
    }
}
