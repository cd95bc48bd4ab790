package io.welcomer.simulation.rest;

import static io.welcomer.support.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.welcomer.simulation.Erlang;
import io.welcomer.simulation.cli.SimulateCommand;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Staff next Monday from last Monday": a line's stored contacts of one past day give a staffing
 * question its arrival rate (over the line's open hours) and touch time, through HTTP against
 * PostgreSQL and through the simulate command asking the same server.
 */
@QuarkusTest
class StaffingFromHistoryTest {

    /** Open 08:00-20:00 UTC every day: 12 open hours a day. */
    private static final String LINE = Api.uniqueId("billing-history");
    private static final String SKILL = Api.uniqueSkill();
    private static final String MONDAY = "2001-06-04";
    /** 120 answered in open hours (touch 180 s and 300 s alike, so 240 s on average), 8 abandoned, 2 after closing. */
    private static final long OFFERED = 130;
    private static final double PER_HOUR = OFFERED / 12.0;
    private static final double TOUCH_SECONDS = 240;

    private static boolean seeded;

    /** Once per run: the application is up only once the first test starts. */
    @BeforeEach
    void lineAndItsMonday() {
        if (seeded) {
            return;
        }
        seeded = true;
        admin().body(Map.of("channels", List.of("voice", "chat"), "skills", Map.of(SKILL, 2),
                        "hours", Map.of("timeZone", "UTC", "weekly", List.of(Map.of("days",
                                List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "open", "08:00", "close", "20:00"))),
                        "serviceLevel", Map.of("seconds", 20, "target", 0.8)))
                .put("/v1/lines/{id}", LINE).then().statusCode(201);
        try (Database db = Database.open()) {
            // Every six minutes from 08:00 to 19:54, answered after 10 s; then abandoned ones, and two after hours.
            seed(db, "g * interval '6 minutes'", 120, "COMPLETED", "case when g % 2 = 0 then 180000 else 300000 end");
            seed(db, "interval '3 minutes' + g * interval '90 minutes'", 8, "ABANDONED", "null");
            seed(db, "interval '13 hours' + g * interval '10 minutes'", 2, "COMPLETED", "240000");
            // Wednesday: only customers who gave up, so no touch time.
            db.execute("""
                    insert into contacts (id, gateway_id, channel, mode, customer_id, required_skills, priority,
                        arrival_seq, state, line, created_at, ended_at)
                    select gen_random_uuid()::text, 'seed', 'voice', 'LIVE', 'seed', '{}', 0, 0, 'ABANDONED', '%s',
                        timestamptz '2001-06-06 09:00Z' + g * interval '1 minute', timestamptz '2001-06-06 09:30Z'
                    from generate_series(1, 5) g""".formatted(LINE));
            // Stored behind the lines' history seal (another test may have moved it past 2001): read from the contacts.
            db.execute("delete from line_quarters; update line_history_seal set sealed_until = '-infinity'");
        }
    }

    /** {@code count} contacts of the line on Monday, arriving at 08:00 plus {@code after}. */
    private static void seed(Database db, String after, int count, String state, String touchMs) {
        boolean answered = state.equals("COMPLETED");
        db.execute("""
                insert into contacts (id, gateway_id, channel, mode, customer_id, required_skills, priority,
                    arrival_seq, state, line, created_at, connected_at, ended_at, touch_ms, resolved,
                    answered_within_target)
                select gen_random_uuid()::text, 'seed', 'voice', 'LIVE', 'seed', '{}', 0, 0, '%2$s', '%1$s', t,
                    %3$s, t + interval '10 seconds' + coalesce(%4$s, 0) * interval '1 millisecond', %4$s, %5$s, %6$s
                from generate_series(0, %7$d) g, lateral (select timestamptz '%8$s 08:00Z' + %9$s) a(t)"""
                .formatted(LINE, state, answered ? "t + interval '10 seconds'" : "null", touchMs,
                        answered ? "true" : "null", answered ? "true" : "null", count - 1, MONDAY, after));
    }

    private static Map<String, Object> question(Object fromHistory) {
        Map<String, Object> question = new HashMap<>(Map.of("seed", 5, "hours", 400,
                "agent", Map.of("skills", Map.of(SKILL, 3), "capacity", Map.of("voice", 1)),
                "target", Map.of("serviceLevel", Map.of("seconds", 20, "target", 0.8))));
        question.put("fromHistory", fromHistory);
        return question;
    }

    private static Map<String, Object> monday() {
        return Map.of("line", LINE, "from", MONDAY, "to", "2001-06-05");
    }

    @Test
    void lastMondaysArrivalsOverItsOpenHoursAndItsTouchTimeStaffTheLine() {
        JsonPath answer = admin().body(question(monday())).post("/v1/simulations/staffing").then().statusCode(200)
                .body("fromHistory.line", equalTo(LINE))
                .body("fromHistory.from", equalTo("2001-06-04T00:00:00Z"))
                .body("fromHistory.to", equalTo("2001-06-05T00:00:00Z"))
                .body("fromHistory.offered", equalTo((int) OFFERED))
                .body("fromHistory.channel", equalTo("voice"))
                .extract().jsonPath();

        assertEquals(12.0, answer.getDouble("fromHistory.openHours"), 1e-4);
        assertEquals(PER_HOUR, answer.getDouble("fromHistory.perHour"), 1e-4);
        assertEquals(TOUCH_SECONDS, answer.getDouble("fromHistory.touchTimeSeconds"), 1e-4);
        int erlang = Erlang.agentsForServiceLevel(PER_HOUR / 3600, TOUCH_SECONDS, 20, 0.8);
        assertEquals(erlang, answer.getInt("erlangAgents"), "Erlang C at the history's rate and touch time");
        assertTrue(Math.abs(answer.getInt("agents") - erlang) <= 1, "simulated " + answer.getInt("agents")
                + " against Erlang's " + erlang);

        // The same question with those arrivals written out gets the same answer.
        Map<String, Object> written = question(null);
        written.remove("fromHistory");
        written.put("arrivals", List.of(Map.of("channel", "voice", "perHour", PER_HOUR, "skills", Map.of(SKILL, 2),
                "touchTimeSeconds", TOUCH_SECONDS)));
        admin().body(written).post("/v1/simulations/staffing").then().statusCode(200)
                .body("agents", equalTo(answer.getInt("agents")))
                .body("atAgents.contacts", equalTo(answer.getInt("atAgents.contacts")))
                .body("fromHistory", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badHistoriesAreRefusedNamingTheField() {
        refused(question(Map.of("line", "no-such-line", "from", MONDAY, "to", "2001-06-05")), 422, "fromHistory.line");
        refused(question(Map.of("line", LINE, "from", "2001-06-05", "to", MONDAY)), 400, "fromHistory.from");
        refused(question(Map.of("line", LINE, "from", MONDAY, "to", MONDAY)), 400, "fromHistory.from");
        refused(question(Map.of("line", LINE, "from", "last monday", "to", MONDAY)), 400, "fromHistory.from");
        refused(question(Map.of("line", LINE, "from", MONDAY, "to", "2001-02-30")), 400, "fromHistory.to");
        refused(question(Map.of("line", LINE, "from", "2001-01-01", "to", "2002-01-03")), 400, "fromHistory.to");
        refused(question(Map.of("line", "Billing!", "from", MONDAY, "to", "2001-06-05")), 400, "fromHistory.line");
        refused(question(Map.of("from", MONDAY, "to", "2001-06-05")), 400, "fromHistory.line");
        refused(question(Map.of("line", LINE, "from", MONDAY, "to", "2001-06-05", "channel", "voice")), 400,
                "fromHistory.channel");
        // Tuesday: nothing arrived. Wednesday: nobody was answered. Monday night: the line was closed.
        refused(question(Map.of("line", LINE, "from", "2001-06-05", "to", "2001-06-06")), 422, "fromHistory");
        refused(question(Map.of("line", LINE, "from", "2001-06-06", "to", "2001-06-07")), 422, "fromHistory");
        refused(question(Map.of("line", LINE, "from", "2001-06-04T20:00:00Z", "to", "2001-06-04T23:00:00Z")), 422,
                "fromHistory");

        Map<String, Object> both = question(monday());
        both.put("arrivals", List.of(Map.of("channel", "voice", "perHour", 10, "touchTimeSeconds", 60)));
        refused(both, 400, "arrivals");
        Map<String, Object> neither = question(null);
        neither.remove("fromHistory");
        refused(neither, 400, "arrivals");
    }

    private static void refused(Map<String, Object> question, int status, String field) {
        admin().body(question).post("/v1/simulations/staffing").then().statusCode(status)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void theSimulateCommandPlansFromTheSameHistoryAskingTheServer(@TempDir Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = Files.writeString(dir.resolve("monday.json"), json.writeValueAsString(question(monday())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SimulateCommand.run(new String[] {SimulateCommand.NAME, file.toString(), "--server",
                        "http://localhost:" + Api.port()}, Map.of(SimulateCommand.KEY, Api.SUPERVISOR_KEY),
                new PrintStream(out, true), new PrintStream(err, true));

        assertEquals(0, status, err::toString);
        JsonNode answer = json.readTree(out.toByteArray());
        JsonPath server = admin().body(question(monday())).post("/v1/simulations/staffing").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(OFFERED, answer.path("fromHistory").path("offered").asLong());
        assertEquals(PER_HOUR, answer.path("fromHistory").path("perHour").asDouble(), 1e-9);
        assertEquals(TOUCH_SECONDS, answer.path("fromHistory").path("touchTimeSeconds").asDouble(), 1e-9);
        assertEquals("2001-06-04T00:00:00Z", answer.path("fromHistory").path("from").asText());
        assertEquals(server.getInt("agents"), answer.path("agents").asInt(), "the command answers as the server does");
        assertEquals(server.getInt("atAgents.contacts"), answer.path("atAgents").path("contacts").asInt());
    }

    @Test
    void theSimulateCommandSaysWhatIsWrongWithAHistory(@TempDir Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path unknown = Files.writeString(dir.resolve("unknown.json"), json.writeValueAsString(
                question(Map.of("line", "no-such-line", "from", MONDAY, "to", "2001-06-05"))));
        Path monday = Files.writeString(dir.resolve("monday.json"), json.writeValueAsString(question(monday())));
        String server = "http://localhost:" + Api.port();

        assertThat(simulateFails(Map.of(SimulateCommand.KEY, Api.SUPERVISOR_KEY), unknown.toString(), "--server", server),
                containsString("fromHistory.line is not a configured line"));
        assertThat(simulateFails(Map.of(), monday.toString(), "--server", server), containsString(SimulateCommand.KEY));
        assertThat(simulateFails(Map.of(SimulateCommand.KEY, Api.SUPERVISOR_KEY), monday.toString()),
                containsString("--server"));
        assertThat(simulateFails(Map.of(SimulateCommand.KEY, "wrong-key"), monday.toString(), "--server", server),
                containsString("401"));
    }

    private static String simulateFails(Map<String, String> environment, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = SimulateCommand.NAME;
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(2, SimulateCommand.run(all, environment, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true)));
        return err.toString(StandardCharsets.UTF_8);
    }
}
