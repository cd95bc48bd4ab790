package io.welcomer.insights;

import static io.restassured.RestAssured.get;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.routing.Router;
import io.welcomer.support.Api;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Touch time set against outcome, computed in PostgreSQL over completed contacts in a range.
 * Rates are exact in binary (halves and quarters), so JSON floats compare exactly.
 */
@QuarkusTest
class TouchTimeInsightsTest {

    private static final Instant DAY = Instant.parse("2020-03-02T00:00:00Z");

    /** Five contacts on one day of 2020, so no other test's contacts fall in the range. */
    @BeforeAll
    static void seed() throws Exception {
        seed("voice", "COMPLETED", 60, 30, true, null, 5);
        seed("chat", "COMPLETED", 200, 0, true, "came-back", 3);
        seed("voice", "COMPLETED", 250, 0, false, null, null);
        seed("voice", "COMPLETED", 3000, 0, true, null, null);
        seed("voice", "ABANDONED", 0, 0, false, null, null);
        // Completed by the server, not decided by an agent: counted apart, in no rate.
        seed("voice", "COMPLETED", 90, 120, false, null, null, Router.WRAP_UP_EXPIRED);
        seed("chat", "COMPLETED", 400, 0, false, null, null, Router.AGENT_LOST);
    }

    @Test
    void eachBandSetsTouchTimeAgainstOutcome() {
        admin().queryParam("from", "2020-03-02").queryParam("to", "2020-03-03").get("/v1/insights/touch-time")
                .then().statusCode(200)
                .body("bands.size()", equalTo(5))
                .body("bands[0].band", equalTo("0-2m"))
                .body("bands[0].contacts", equalTo(1))
                .body("bands[0].resolvedRate", equalTo(1.0f))
                .body("bands[0].firstContactResolutionRate", equalTo(1.0f))
                .body("bands[0].meanCsat", equalTo(5.0f))
                .body("bands[0].csatResponses", equalTo(1))
                .body("bands[0].meanWrapUpSeconds", equalTo(30.0f))
                .body("bands[1].meanWrapUpSeconds", equalTo(0.0f))
                .body("bands[1].band", equalTo("2-5m"))
                .body("bands[1].contacts", equalTo(2))
                .body("bands[1].resolvedRate", equalTo(0.5f))
                .body("bands[1].repeatRate", equalTo(0.5f))
                .body("bands[1].firstContactResolutionRate", equalTo(0.0f))
                .body("bands[1].meanCsat", equalTo(3.0f))
                .body("bands[0].wrapUpExpired", equalTo(1))
                .body("bands[0].agentLost", equalTo(0))
                .body("bands[2].contacts", equalTo(0))
                .body("bands[2].resolvedRate", nullValue())
                .body("bands[2].agentLost", equalTo(1))
                .body("total.wrapUpExpired", equalTo(1))
                .body("total.agentLost", equalTo(1))
                .body("bands[4].band", equalTo("20m+"))
                .body("bands[4].contacts", equalTo(1))
                .body("total.contacts", equalTo(4))
                .body("total.resolvedRate", equalTo(0.75f))
                .body("total.repeatRate", equalTo(0.25f))
                .body("total.firstContactResolutionRate", equalTo(0.5f))
                .body("total.csatResponses", equalTo(2))
                .body("total.stillInRepeatWindow", equalTo(0))
                .body("total.meanWrapUpSeconds", equalTo(7.5f));
    }

    @Test
    void bandsCanBeSplitByChannel() {
        admin().queryParam("from", "2020-03-02T00:00:00Z").queryParam("to", "2020-03-03T00:00:00Z")
                .queryParam("by", "channel").get("/v1/insights/touch-time")
                .then().statusCode(200)
                .body("groupedBy", equalTo("channel"))
                .body("bands.findAll { it.band == '2-5m' }.channel", equalTo(List.of("chat", "voice")))
                .body("total.contacts", equalTo(4));
    }

    @Test
    void aBadRangeIsABadRequestAndGatewaysMayNotAsk() {
        admin().queryParam("from", "2020-03-03").queryParam("to", "2020-03-02").get("/v1/insights/touch-time")
                .then().statusCode(400).contentType("application/problem+json");
        admin().queryParam("from", "last tuesday").get("/v1/insights/touch-time").then().statusCode(400);
        admin().queryParam("by", "agent").get("/v1/insights/touch-time").then().statusCode(400);
        gateway().get("/v1/insights/touch-time").then().statusCode(403);
        admin().get("/v1/insights/touch-time").then().statusCode(200).body("bands.size()", equalTo(5));
    }

    @Test
    void aCustomerComingBackMarksTheEarlierContactARepeat() throws Exception {
        String skill = Api.uniqueSkill();
        String customer = Api.uniqueId("cust");
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        double before = repeats();
        String first;
        try (AgentClient agent = Api.availableAgent(token)) {
            first = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            Api.serve(agent, first);
        }
        String again = gateway().body(Api.contact(skill, customer, 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts").then().statusCode(201);

        assertEquals(before + 1, repeats(), 1e-9);
        try (var connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             var query = connection.prepareStatement("select repeated_by from contacts where id = ?")) {
            query.setString(1, first);
            var result = query.executeQuery();
            result.next();
            assertEquals(again, result.getString(1));
        }
    }

    private static double repeats() {
        String metrics = get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith("welcomer_repeat_contacts_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** A contact as the journal stores it: touch time, then (if any) wrap-up until it ended. */
    private static void seed(String channel, String state, long touchSeconds, long wrapUpSeconds, boolean resolved,
                             String repeatedBy, Integer csat) throws Exception {
        seed(channel, state, touchSeconds, wrapUpSeconds, resolved, repeatedBy, csat, null);
    }

    private static void seed(String channel, String state, long touchSeconds, long wrapUpSeconds, boolean resolved,
                             String repeatedBy, Integer csat, String outcomeCode) throws Exception {
        Instant connected = DAY.plusSeconds(3600);
        Instant wrapped = connected.plusSeconds(touchSeconds);
        boolean completed = state.equals("COMPLETED");
        try (var connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             var insert = connection.prepareStatement("""
                     insert into contacts (id, gateway_id, channel, mode, customer_id, required_skills, priority,
                         arrival_seq, state, created_at, connected_at, ended_at, resolved, repeated_by, csat,
                         touch_ms, wrapped_at, outcome_code)
                     values (?, 'seed', ?, 'LIVE', ?, '{}', 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, channel);
            insert.setString(3, "seed-" + UUID.randomUUID());
            insert.setString(4, state);
            insert.setTimestamp(5, Timestamp.from(DAY));
            insert.setTimestamp(6, completed ? Timestamp.from(connected) : null);
            insert.setTimestamp(7, Timestamp.from(wrapped.plusSeconds(wrapUpSeconds)));
            insert.setBoolean(8, resolved);
            insert.setString(9, repeatedBy);
            insert.setObject(10, csat);
            insert.setObject(11, completed ? touchSeconds * 1000 : null);
            insert.setTimestamp(12, wrapUpSeconds > 0 ? Timestamp.from(wrapped) : null);
            insert.setString(13, outcomeCode);
            insert.executeUpdate();
        }
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
