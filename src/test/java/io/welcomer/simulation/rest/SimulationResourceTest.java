package io.welcomer.simulation.rest;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Planners ask the running server; the live router is not involved. */
@QuarkusTest
@SuppressWarnings("unchecked")
class SimulationResourceTest {

    @Test
    void theContractsExampleIsAnsweredBesideErlangC() {
        JsonPath result = admin().body(scenario(200, 160)).post("/v1/simulations").then().statusCode(200)
                .body("contacts", greaterThan(25_000))
                .body("erlang.model", equalTo("C"))
                .extract().jsonPath();

        assertEquals(0.4092, result.getDouble("erlang.waitProbability"), 0.0001);
        assertEquals(0.4092, result.getDouble("waitProbability"), 0.05);
        assertEquals(0.672, result.getDouble("serviceLevel.'20'"), 0.05);
        assertEquals(0.8, result.getDouble("occupancy"), 0.03);
        assertEquals(0, result.getDouble("abandonRate"));
    }

    @Test
    void howManyAgentsFor80PercentIn20SecondsAt360CallsAnHour() throws IOException {
        String question = Files.readString(Path.of("load-tests/scenarios/staffing-80-in-20.json"));

        JsonPath answer = admin().body(question).post("/v1/simulations/staffing").then().statusCode(200)
                .body("agents", equalTo(22))
                .body("erlangAgents", equalTo(22))
                .extract().jsonPath();

        assertThat(answer.getDouble("atAgents.serviceLevel.'20'"), greaterThanOrEqualTo(0.8));
        assertThat(answer.getDouble("oneFewer.serviceLevel.'20'"), lessThan(0.8));
    }

    @Test
    void aScenarioTooLargeToRunIn30SecondsIsRefusedBeforeItStarts() {
        admin().body(scenario(100_000, 3_600)).post("/v1/simulations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("too large to run within 30 s"))
                .body("detail", containsString("about 360"));
    }

    @Test
    void invalidFieldsAreNamed() {
        Map<String, Object> body = Map.of("hours", -1, "agents", List.of(Map.of("count", 1)),
                "arrivals", List.of(Map.of("channel", "fax", "perHour", 0, "touchTimeSeconds", 60,
                        "callbackShare", 2)));

        admin().body(body).post("/v1/simulations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("hours", "arrivals.0.channel", "arrivals.0.perHour",
                        "arrivals.0.callbackShare"));
    }

    @Test
    void aStaffingTargetMustBeExactlyOneKind() {
        Map<String, Object> body = Map.of("hours", 10, "agent", Map.of(),
                "arrivals", List.of(Map.of("channel", "voice", "perHour", 60, "touchTimeSeconds", 60)),
                "target", Map.of("maxAbandonRate", 0.05, "serviceLevel", Map.of("seconds", 20, "target", 0.8)));

        admin().body(body).post("/v1/simulations/staffing").then().statusCode(400)
                .body("errors.message", hasItems("must name exactly one of serviceLevel and maxAbandonRate"));
    }

    @Test
    void contactsNoAgentCouldServeAreRefused() {
        Map<String, Object> body = Map.of("hours", 10,
                "agents", List.of(Map.of("count", 3, "skills", Map.of("billing", 3))),
                "arrivals", List.of(Map.of("channel", "voice", "perHour", 60, "touchTimeSeconds", 60,
                        "skills", Map.of("tech", 1))));

        admin().body(body).post("/v1/simulations").then().statusCode(400)
                .body("detail", equalTo("arrivals[0] needs skills [tech] that no agent has"));
    }

    @Test
    void aCentreThatCannotKeepUpIsUnprocessableNotAnError() {
        admin().body(scenario(2_000, 400)).post("/v1/simulations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot keep up"))
                .body("erlang", nullValue());
    }

    @Test
    void aScenarioWithLinesRunsTheirOverflowAndAnswersMoreWithinAMinute() {
        double without = admin().body(twoTeams(List.of())).post("/v1/simulations").then().statusCode(200)
                .extract().jsonPath().getDouble("serviceLevel.'60'");
        double with = admin().body(twoTeams(List.of(Map.of("after", "20s", "line", "general"))))
                .post("/v1/simulations").then().statusCode(200).extract().jsonPath().getDouble("serviceLevel.'60'");

        assertTrue(with > without + 0.2, "overflow to the general team: " + with + " against " + without);
    }

    @Test
    void linesTheRouterWouldRefuseAreNamedAndNothingRuns() {
        Map<String, Object> unknownStep = twoTeams(List.of(Map.of("after", "20s", "line", "nowhere")));
        admin().body(unknownStep).post("/v1/simulations").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("lines.billing.overflow"));

        Map<String, Object> cycle = io.welcomer.support.Lines.mutable(twoTeams(List.of(Map.of("after", "20s", "line", "general"))));
        ((Map<String, Map<String, Object>>) cycle.get("lines")).get("general")
                .put("overflow", List.of(Map.of("after", "30s", "line", "billing")));
        admin().body(cycle).post("/v1/simulations").then().statusCode(422).body("errors[0].field",
                org.hamcrest.Matchers.startsWith("lines."));

        Map<String, Object> itself = twoTeams(List.of(Map.of("after", "20s", "line", "billing")));
        admin().body(itself).post("/v1/simulations").then().statusCode(400).body("errors[0].field", equalTo("lines.billing.overflow.0.line"));

        Map<String, Object> falling = twoTeams(List.of(Map.of("after", "60s", "skills", Map.of("general", 1)),
                Map.of("after", "20s", "line", "general")));
        admin().body(falling).post("/v1/simulations").then().statusCode(400).body("errors[0].field", equalTo("lines.billing.overflow.1.after"));

        Map<String, Object> unknownLine = io.welcomer.support.Lines.mutable(twoTeams(List.of()));
        ((List<Map<String, Object>>) unknownLine.get("arrivals")).getFirst().put("line", "elsewhere");
        admin().body(unknownLine).post("/v1/simulations").then().statusCode(422).body("errors[0].field", equalTo("arrivals.0.line"));
    }

    @Test
    void staffingCountsOverflowToASecondPoolOfOtherAgents() {
        int without = admin().body(staffingTwoTeams(List.of())).post("/v1/simulations/staffing").then()
                .statusCode(200).body("erlangAgents", nullValue()).extract().path("agents");
        JsonPath with = admin().body(staffingTwoTeams(List.of(Map.of("after", "20s", "line", "general"))))
                .post("/v1/simulations/staffing").then().statusCode(200).extract().jsonPath();

        assertTrue(with.getInt("agents") < without, "two general agents taking billing calls after 20 s: "
                + with.getInt("agents") + " billing agents, against " + without + " without overflow");
        assertThat(with.getDouble("atAgents.serviceLevel.'60'"), greaterThanOrEqualTo(0.8));
        assertThat(with.getDouble("oneFewer.serviceLevel.'60'"), lessThan(0.8));
    }

    /** How many billing agents for 80% in 60 s, beside 2 general agents, billing overflowing by these steps. */
    private static Map<String, Object> staffingTwoTeams(List<Map<String, Object>> overflow) {
        Map<String, Object> scenario = twoTeams(overflow);
        return Map.of("seed", 3, "hours", 100, "agent", Map.of("skills", Map.of("billing", 3)),
                "otherAgents", List.of(Map.of("count", 2, "skills", Map.of("general", 3))),
                "arrivals", scenario.get("arrivals"), "lines", scenario.get("lines"),
                "target", Map.of("serviceLevel", Map.of("seconds", 60, "target", 0.8)));
    }

    @Test
    void aBadFieldInsideAScenariosLineIsNamedByItsPlaceInTheScenario() {
        Map<String, Function<Map<String, Object>, Object>> wrong = new LinkedHashMap<>();
        wrong.put("lines.billing.channels", line -> line.remove("channels"));
        wrong.put("lines.billing.channels.0", line -> line.put("channels", List.of("fax")));
        wrong.put("lines.billing.skills.billing", line -> line.put("skills", Map.of("billing", 9)));
        wrong.put("lines.billing.serviceLevel.target", line -> line.put("serviceLevel", Map.of("seconds", 20, "target", 2)));
        wrong.put("lines.billing.hours.timeZone", line -> line.put("hours", Map.of("timeZone", "Mars/Olympus",
                "weekly", List.of(Map.of("days", List.of("MON"), "open", "08:00", "close", "20:00")))));
        wrong.put("lines.billing.hours.weekly.0.open", line -> line.put("hours", Map.of("timeZone", "UTC",
                "weekly", List.of(Map.of("days", List.of("MON"), "open", "8am", "close", "20:00")))));
        wrong.put("lines.billing.hours.weekly.0.close", line -> line.put("hours", Map.of("timeZone", "UTC",
                "weekly", List.of(Map.of("days", List.of("MON"), "open", "08:00")))));
        wrong.put("lines.billing.overflow.0.after", line -> line.put("overflow", List.of(Map.of("line", "general"))));
        wrong.put("lines.billing.overflow.1.after", line -> line.put("overflow", List.of(
                Map.of("after", "60s", "line", "general"), Map.of("after", "soon", "skills", Map.of("general", 1)))));
        wrong.put("lines.billing.overflow.0.line", line -> line.put("overflow", List.of(Map.of("after", "20s", "line", "Gen"))));
        wrong.put("lines.billing.overflow.0", line -> line.put("overflow", List.of(Map.of("after", "20s"))));
        wrong.put("lines.billing.colour", line -> line.put("colour", "blue"));

        wrong.forEach((field, change) -> {
            Map<String, Object> scenario = io.welcomer.support.Lines.mutable(twoTeams(List.of()));
            change.apply(((Map<String, Map<String, Object>>) scenario.get("lines")).get("billing"));
            admin().body(scenario).post("/v1/simulations").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(field));
            Map<String, Object> staffing = io.welcomer.support.Lines.mutable(staffingTwoTeams(List.of()));
            change.apply(((Map<String, Map<String, Object>>) staffing.get("lines")).get("billing"));
            admin().body(staffing).post("/v1/simulations/staffing").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(field));
        });
    }

    /** Billing calls (8 Erlangs) for 9 billing agents, with 3 general agents and these overflow steps for billing. */
    private static Map<String, Object> twoTeams(List<Map<String, Object>> overflow) {
        return Map.of("seed", 3, "hours", 50,
                "agents", List.of(Map.of("count", 9, "skills", Map.of("billing", 3)),
                        Map.of("count", 3, "skills", Map.of("general", 3))),
                "arrivals", List.of(Map.of("channel", "voice", "perHour", 96, "touchTimeSeconds", 300, "line", "billing")),
                "lines", Map.of("billing", Map.of("channels", List.of("voice"), "skills", Map.of("billing", 1),
                                "overflow", overflow),
                        "general", Map.of("channels", List.of("voice"), "skills", Map.of("general", 1))));
    }

    @Test
    void gatewaysMayNotSimulate() {
        gateway().body(scenario(1, 160)).post("/v1/simulations").then().statusCode(403);
    }

    private static Map<String, Object> scenario(double hours, double perHour) {
        return Map.of("seed", 1, "hours", hours,
                "agents", List.of(Map.of("count", 10, "skills", Map.of("billing", 3), "capacity", Map.of("voice", 1))),
                "arrivals", List.of(Map.of("channel", "voice", "perHour", perHour, "skills", Map.of("billing", 1),
                        "touchTimeSeconds", 180, "touchTimeDistribution", "exponential")));
    }
}
