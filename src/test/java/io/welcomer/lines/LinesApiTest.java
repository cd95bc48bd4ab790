package io.welcomer.lines;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import io.welcomer.support.Lines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Admins configure lines over HTTP: stored before the answer, every bad field named, nothing half-stored. */
@QuarkusTest
class LinesApiTest {

    @Test
    void aLineIsCreatedReplacedListedAndRemoved() throws Exception {
        String id = Api.uniqueId("billing");
        Map<String, Object> line = Lines.closedUntil(30, Api.uniqueSkill());

        admin().body(line).put("/v1/lines/{id}", id).then().statusCode(201)
                .body("id", equalTo(id))
                .body("channels", equalTo(List.of("voice", "chat")))
                .body("hours.timeZone", equalTo("Europe/London"))
                .body("hours.exceptions[0].date", equalTo(Lines.inDays(30).toString()))
                .body("serviceLevel.seconds", equalTo(20))
                .body("open", equalTo(false))
                .body("opensAt", equalTo(Lines.opensAt(30)))
                .body("closesAt", nullValue())
                .body("waiting", equalTo(0))
                .body("agentsSignedIn", equalTo(0));
        try (Database database = Database.open()) {
            assertEquals(1, database.count("select count(*) from lines where id = ?", id));
        }

        Map<String, Object> alwaysOpen = new LinkedHashMap<>(line);
        alwaysOpen.remove("hours");
        admin().body(alwaysOpen).put("/v1/lines/{id}", id).then().statusCode(200)
                .body("open", equalTo(true)).body("$", not(hasKey("hours")));
        admin().get("/v1/lines/{id}", id).then().statusCode(200).body("open", equalTo(true));
        admin().get("/v1/lines").then().statusCode(200).body("id", hasItem(id));

        admin().delete("/v1/lines/{id}", id).then().statusCode(204);
        admin().get("/v1/lines/{id}", id).then().statusCode(404).contentType("application/problem+json");
        admin().delete("/v1/lines/{id}", id).then().statusCode(404);
        try (Database database = Database.open()) {
            assertEquals(0, database.count("select count(*) from lines where id = ?", id));
        }
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() throws Exception {
        String general = Api.uniqueId("general");
        admin().body(Lines.alwaysOpen(Api.uniqueSkill())).put("/v1/lines/{id}", general).then().statusCode(201);
        List<String> wrong = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        refused(wrong, tried, 400, "hours.weekly.0.open", hours -> window(hours).put("open", "8am"));
        refused(wrong, tried, 400, "hours.timeZone", hours -> hours.put("timeZone", "Mars/Olympus_Mons"));
        refused(wrong, tried, 400, "hours.weekly.0.close", hours -> window(hours).put("close", "07:00"));
        refused(wrong, tried, 400, "hours.weekly.0.close", hours -> window(hours).put("close", "00:00"));
        refused(wrong, tried, 400, "hours.weekly.1", hours -> weekly(hours).add(Map.of("days", List.of("MON"),
                "open", "19:00", "close", "21:00")));
        refused(wrong, tried, 400, "hours.weekly.0.days", hours -> window(hours).put("days", List.of("MONDAY")));
        refused(wrong, tried, 400, "hours.exceptions.0.date", hours -> exception(hours).put("date", "2027-02-30"));
        refused(wrong, tried, 400, "hours.exceptions.0", hours -> exception(hours).put("open", "10:00"));
        refused(wrong, tried, 400, "channels.0", body -> body.put("channels", List.of("fax")), true);
        refused(wrong, tried, 400, "skills.billing", body -> body.put("skills", Map.of("billing", 6)), true);
        refused(wrong, tried, 400, "overflow.1.after", body -> body.put("overflow", List.of(
                Map.of("after", "3m", "skills", Map.of("general", 1)), Map.of("after", "60s", "line", general))), true);
        refused(wrong, tried, 400, "overflow.0.line", body -> body.put("overflow", List.of(
                Map.of("after", "60s", "line", "self"))), true);
        refused(wrong, tried, 400, "overflow", body -> body.put("overflow", List.of(step(1), step(2), step(3), step(4),
                step(5), step(6), step(7))), true);
        refused(wrong, tried, 422, "overflow", body -> body.put("overflow", List.of(
                Map.of("after", "60s", "line", "no-such-line"))), true);
        refused(wrong, tried, 400, "hour", body -> body.put("hour", Map.of()), true);
        assertEquals(List.of(), wrong, "tried: " + tried);

        for (String id : List.of("Billing", "x".repeat(65), "bill_ing")) {
            admin().body(Lines.alwaysOpen("skill")).put("/v1/lines/{id}", id).then().statusCode(400)
                    .body("errors.field", hasItem("lineId"));
        }
        String huge = "{\"channels\": [\"voice\"], \"name\": \"" + "x".repeat(70_000) + "\"}";
        given().auth().oauth2(Api.ADMIN_KEY).contentType(ContentType.JSON).body(huge).put("/v1/lines/huge")
                .then().statusCode(413).contentType("application/problem+json");
        try (Database database = Database.open()) {
            assertEquals(0, database.count("select count(*) from lines where id in ('self', 'huge')"));
        }
    }

    @Test
    void aLineWithContactsInItOrOverflowedIntoCannotBeRemoved() {
        String skill = Api.uniqueSkill();
        String general = Api.uniqueId("general");
        String billing = Api.uniqueId("billing");
        admin().body(Lines.alwaysOpen(skill)).put("/v1/lines/{id}", general).then().statusCode(201);
        Map<String, Object> overflowing = new LinkedHashMap<>(Lines.alwaysOpen(skill));
        overflowing.put("overflow", List.of(Map.of("after", "60s", "line", general)));
        admin().body(overflowing).put("/v1/lines/{id}", billing).then().statusCode(201)
                .body("overflow[0].line", equalTo(general)).body("overflow[0].after", equalTo("60s"));
        String contact = gateway().body(Lines.contactIn(billing, "voice")).post("/v1/contacts").then().statusCode(201)
                .body("line", equalTo(billing)).extract().path("id");

        admin().delete("/v1/lines/{id}", general).then().statusCode(409).body("detail", containsString("overflows"));
        admin().delete("/v1/lines/{id}", billing).then().statusCode(409).body("detail", containsString("contacts"));
        // Overflowing back into billing would make a cycle.
        Map<String, Object> cycle = new LinkedHashMap<>(Lines.alwaysOpen(skill));
        cycle.put("overflow", List.of(Map.of("after", "60s", "line", billing)));
        admin().body(cycle).put("/v1/lines/{id}", general).then().statusCode(422).body("errors[0].field", equalTo("overflow"));

        gateway().delete("/v1/contacts/{id}", contact).then().statusCode(200);
        admin().delete("/v1/lines/{id}", billing).then().statusCode(204);
        admin().delete("/v1/lines/{id}", general).then().statusCode(204);
    }

    @Test
    void supervisorsReadLinesOnlyAdminsChangeThemAndEachChangeIsAudited() {
        Instant start = Instant.now().minusSeconds(1);
        String id = Api.uniqueId("audited");
        admin().body(Lines.alwaysOpen(Api.uniqueSkill())).put("/v1/lines/{id}", id).then().statusCode(201);
        supervisor().get("/v1/lines/{id}", id).then().statusCode(200).body("id", equalTo(id));
        supervisor().get("/v1/lines").then().statusCode(200).body("id", hasItem(id));
        supervisor().body(Lines.alwaysOpen("skill")).put("/v1/lines/{id}", id).then().statusCode(403);
        supervisor().delete("/v1/lines/{id}", id).then().statusCode(403);
        admin().body(Lines.closedUntil(30, "skill")).put("/v1/lines/{id}", id).then().statusCode(200);
        admin().delete("/v1/lines/{id}", id).then().statusCode(204);

        List<Map<String, Object>> trail = admin().queryParam("from", start.toString()).queryParam("limit", 1000)
                .get("/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> ofLine = trail.stream().filter(item -> id.equals(item.get("target"))).toList();
        assertEquals(List.of("line.created", "line.replaced", "line.deleted"),
                ofLine.stream().map(item -> item.get("action")).toList());
        assertEquals(Map.of("timeZone", "Europe/London", "weekly", List.of(), "exceptions",
                List.of(Map.of("date", Lines.inDays(30).toString(), "open", "08:00", "close", "20:00"))),
                ((Map<?, ?>) ofLine.get(1).get("detail")).get("hours"));
    }

    @Test
    void gatewaysCannotConfigureLinesAndTheApiIsDescribed() {
        gateway().body(Lines.alwaysOpen("skill")).put("/v1/lines/any").then().statusCode(403);
        gateway().get("/v1/lines").then().statusCode(403);
        given().get("/v1/lines").then().statusCode(401);
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/lines/{lineId}"))
                .body("paths.'/v1/lines/{lineId}'.put.responses", hasKey("422"));
    }

    @Test
    void eachConfiguredLineHasItsOwnGauges() {
        String id = Api.uniqueId("gauged");
        admin().body(Lines.closedUntil(30, Api.uniqueSkill())).put("/v1/lines/{id}", id).then().statusCode(201);
        gateway().body(Lines.contactIn(id, "chat")).post("/v1/contacts").then().statusCode(201);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(List.of("welcomer_line_agents_signed_in{line=\"" + id + "\"} 0.0",
                "welcomer_line_open{line=\"" + id + "\"} 0.0",
                "welcomer_line_service_level_target{line=\"" + id + "\"} 0.8",
                "welcomer_line_waiting{line=\"" + id + "\"} 1.0"), Lines.gaugesOf(metrics, id));
    }

    private static Map<String, Object> step(int minutes) {
        return Map.of("after", minutes + "m", "skills", Map.of("general", 1));
    }

    /** Puts a line with one thing broken (in its hours, or in the body); the answer must name the field. */
    private static void refused(List<String> wrong, List<String> tried, int status, String field,
                                Consumer<Map<String, Object>> breakIt, boolean inBody) {
        Map<String, Object> body = Lines.mutable(Lines.weekdays("billing"));
        @SuppressWarnings("unchecked")
        Map<String, Object> target = inBody ? body : (Map<String, Object>) body.get("hours");
        breakIt.accept(target);
        var response = admin().body(body).put("/v1/lines/self").then().extract();
        tried.add(field);
        List<String> fields = response.path("errors.field");
        if (response.statusCode() != status || fields == null || !fields.contains(field)
                || !"application/problem+json".equals(response.contentType())) {
            wrong.add(field + " -> " + response.statusCode() + " " + response.asString());
        }
        admin().get("/v1/lines/self").then().statusCode(404);
    }

    private static void refused(List<String> wrong, List<String> tried, int status, String field,
                                Consumer<Map<String, Object>> breakHours) {
        refused(wrong, tried, status, field, breakHours, false);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> weekly(Map<String, Object> hours) {
        return (List<Map<String, Object>>) hours.get("weekly");
    }

    private static Map<String, Object> window(Map<String, Object> hours) {
        return weekly(hours).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exception(Map<String, Object> hours) {
        return ((List<Map<String, Object>>) hours.get("exceptions")).getFirst();
    }
}
