package io.welcomer.insights;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.welcomer.insights.persistence.LineQuarterStore;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import io.welcomer.support.Lines;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The lines' history reads sealed quarter hours from their roll-up and the rest from the contacts:
 * every interval and field answers exactly as when every contact is read, on either side of the
 * seal, at its seam, with a contact still live when its quarter would be sealed, with two
 * servers sealing at once, and after the customer's erasure. Contacts are seeded on a day of
 * 2002 no other test uses.
 */
@QuarkusTest
class LineHistorySealTest {

    private static final Instant DAY = Instant.parse("2002-06-03T00:00:00Z");
    private static final String LIVE_CONTACT = "sealtest-live";

    @Inject
    LineHistorySeal seal;

    @Inject
    LineQuarterStore store;

    @Inject
    LineHistoryConfig config;

    @Inject
    InstantSource clock;

    @Test
    void sealedQuartersAnswerAsTheContactsDoAcrossTheSealALiveContactAndTwoServers() {
        String billing = Api.uniqueId("billing");
        String general = Api.uniqueId("general");
        admin().body(Lines.alwaysOpen(Api.uniqueSkill())).put("/v1/lines/{id}", billing).then().statusCode(201);
        admin().body(Lines.alwaysOpen(Api.uniqueSkill())).put("/v1/lines/{id}", general).then().statusCode(201);
        try (Database db = Database.open()) {
            seed(db, billing, general);

            unseal(db);
            List<String> fromContacts = answers(billing);
            String day = supervisor().queryParam("from", DAY.toString()).queryParam("to", DAY.plus(Duration.ofDays(1)).toString())
                    .queryParam("interval", "1d").queryParam("line", billing).get("/v1/insights/lines").then()
                    .statusCode(200).extract().asString();
            assertTrue(day.contains("\"offered\":8,\"answered\":7,\"abandoned\":1,\"answeredWithinTarget\":4"), day);
            assertTrue(day.contains("\"resolvedRate\":0.5}"), day);

            assertTrue(seal.seal().await().atMost(Duration.ofSeconds(30)) > 0);
            assertEquals(DAY.plus(Duration.ofMinutes(135)), sealedUntil(db), "sealed up to the live contact's quarter");
            assertEquals(3, db.count("select count(*) from line_quarters where line = ?", billing), "00:00, 00:15, 01:45");
            assertSameAnswers(fromContacts, answers(billing), "sealed quarters answer as their contacts");

            db.execute("""
                    update contacts set state = 'COMPLETED', ended_at = created_at + interval '5 minutes',
                        touch_ms = 90000, resolved = true where id = '%s'""".formatted(LIVE_CONTACT));
            seal.seal().await().atMost(Duration.ofSeconds(30));
            assertTrue(sealedUntil(db).isAfter(DAY.plus(Duration.ofDays(2))), "sealed past the day once nothing in it is live");
            List<String> sealed = answers(billing);
            assertNotEquals(fromContacts, sealed, "the live contact's ending is counted");

            unseal(db);
            List<String> endedFromContacts = answers(billing);
            assertSameAnswers(endedFromContacts, sealed, "the contact that ended after its quarter was left open is counted once");

            // A second server, as after a restart or a takeover, sealing at the same time: the seal's row
            // lock makes them take turns, and no quarter is counted twice.
            LineHistorySeal secondServer = new LineHistorySeal(store, config, clock);
            Uni.join().all(seal.seal(), secondServer.seal()).andFailFast().await().atMost(Duration.ofSeconds(30));
            assertTrue(sealedUntil(db).isAfter(DAY.plus(Duration.ofDays(2))));
            assertSameAnswers(endedFromContacts, answers(billing), "two servers sealing count each quarter once");
            secondServer.seal().await().atMost(Duration.ofSeconds(30));
            assertSameAnswers(endedFromContacts, answers(billing), "sealing again changes nothing");

            String erasure = admin().delete("/v1/customers/{id}", "sealtest-customer").then().statusCode(202)
                    .extract().header("Location");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    "done".equals(admin().get(erasure).then().statusCode(200).extract().path("state")));
            assertSameAnswers(endedFromContacts, answers(billing), "erasing the customer moves no total");
        }
    }

    /**
     * Leaves the store as it found it: nothing sealed, since other tests seed contacts that arrived
     * long ago (which the server never stores) and read their history afterwards.
     */
    @AfterAll
    static void endTheLiveContactAndUnseal() {
        try (Database db = Database.open()) {
            db.execute("update contacts set state = 'ABANDONED' where id = '%s' and state = 'CONNECTED'".formatted(LIVE_CONTACT));
            unseal(db);
        }
    }

    /**
     * Every interval, for every line and for one, over the whole day, over a range that starts and
     * ends inside quarters (the seam at both ends), inside one quarter, and past the day's edges.
     */
    private static List<String> answers(String line) {
        List<String> answers = new ArrayList<>();
        List<List<Instant>> ranges = List.of(
                List.of(DAY, DAY.plus(Duration.ofDays(1))),
                List.of(DAY.plusSeconds(450), DAY.plus(Duration.ofMinutes(352)).plusMillis(10_500)),
                List.of(DAY.plus(Duration.ofMinutes(136)), DAY.plus(Duration.ofMinutes(149))),
                List.of(DAY.minus(Duration.ofHours(1)), DAY.plus(Duration.ofDays(2))));
        for (String interval : List.of("15m", "1h", "1d")) {
            for (List<Instant> range : ranges) {
                for (String only : new String[] {null, line}) {
                    var request = supervisor().queryParam("from", range.get(0).toString())
                            .queryParam("to", range.get(1).toString()).queryParam("interval", interval);
                    if (only != null) {
                        request.queryParam("line", only);
                    }
                    answers.add(request.get("/v1/insights/lines").then().statusCode(200).extract().asString());
                }
            }
        }
        return answers;
    }

    /** Answer by answer, so that a failure shows the one request that differs. */
    private static void assertSameAnswers(List<String> expected, List<String> actual, String why) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), why);
        }
    }

    /**
     * Contacts at quarter edges (on, and a microsecond before), waits in microseconds, each outcome,
     * one live ({@link #LIVE_CONTACT}, 02:20), one in no line and one in a line no longer configured.
     */
    private static void seed(Database db, String billing, String general) {
        db.execute("""
                insert into contacts (id, gateway_id, channel, mode, customer_id, required_skills, priority, arrival_seq,
                    state, created_at, connected_at, ended_at, resolved, touch_ms, line, answered_within_target)
                select v.id, 'seed', 'voice', 'LIVE', 'sealtest-customer', '{}', 0, 0, v.state,
                       timestamptz '%1$s' + v.arrived, timestamptz '%1$s' + v.arrived + v.wait,
                       case when v.state in ('COMPLETED', 'ABANDONED') then timestamptz '%1$s' + v.arrived + interval '1 hour' end,
                       v.resolved, v.touch_ms, v.line, v.within
                from (values
                    ('sealtest-1', '%2$s', interval '0 s', 'COMPLETED', interval '5 s', 60000, true, true),
                    ('sealtest-2', '%2$s', interval '7 min 29.999999 s', 'COMPLETED', interval '25.123457 s', 120500, false, false),
                    ('sealtest-3', '%2$s', interval '14 min 59.999999 s', 'ABANDONED', null, null, null, null),
                    ('sealtest-4', '%2$s', interval '15 min', 'COMPLETED', interval '0.000001 s', 1, true, true),
                    ('sealtest-5', '%3$s', interval '44 min 10 s', 'COMPLETED', interval '3.5 s', 30000, true, true),
                    ('sealtest-6', '%2$s', interval '1 h 59 min 59.5 s', 'COMPLETED', interval '21 s', null, null, false),
                    ('sealtest-7', '%3$s', interval '2 h 10 min', 'ABANDONED', null, null, null, null),
                    ('%4$s', '%2$s', interval '2 h 20 min', 'CONNECTED', interval '12.25 s', null, null, true),
                    ('sealtest-9', '%2$s', interval '2 h 35 min', 'COMPLETED', interval '40 s', 300000, false, false),
                    ('sealtest-10', '%3$s', interval '5 h 52 min 10.4 s', 'COMPLETED', interval '1 s', 1000, true, true),
                    ('sealtest-11', '%3$s', interval '5 h 52 min 10.5 s', 'ABANDONED', null, null, null, null),
                    ('sealtest-12', null, interval '1 h', 'COMPLETED', interval '1 s', 1000, true, true),
                    ('sealtest-13', 'sealtest-gone', interval '1 h', 'COMPLETED', interval '1 s', 1000, true, true),
                    ('sealtest-14', '%2$s', interval '23 h 59 min 59.999999 s', 'COMPLETED', interval '2 s', 5000, true, true),
                    ('sealtest-15', '%2$s', interval '24 h', 'ABANDONED', null, null, null, null))
                    as v(id, line, arrived, state, wait, touch_ms, resolved, within)""".formatted(DAY, billing, general, LIVE_CONTACT));
    }

    /** Back to nothing sealed, as the migration leaves it: every answer is then read from the contacts. */
    private static void unseal(Database db) {
        db.execute("delete from line_quarters; update line_history_seal set sealed_until = '-infinity'");
    }

    private static Instant sealedUntil(Database db) {
        return Instant.ofEpochSecond(db.count("select extract(epoch from sealed_until)::bigint from line_history_seal"));
    }
}
