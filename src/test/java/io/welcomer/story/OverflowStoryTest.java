package io.welcomer.story;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.events.EventStream;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Lines;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A billing contact overflows to the general team over HTTP, a real agent socket and PostgreSQL:
 * after its line's two seconds nobody from billing answered, the general agent is offered it, the
 * gateway hears contact.overflowed, the metric counts it, and the lines' history has it.
 */
@QuarkusTest
class OverflowStoryTest {

    @Test
    void aBillingContactOverflowsToTheGeneralAgentAndTheHistoryCountsIt() throws Exception {
        Instant start = Instant.now();
        String billingSkill = Api.uniqueSkill();
        String generalSkill = Api.uniqueSkill();
        String billing = Api.uniqueId("billing");
        String general = Api.uniqueId("general");
        Api.agentWithToken(Api.uniqueId("bill"), Map.of(billingSkill, 3), Map.of());
        String gina = Api.uniqueId("gina");
        String token = Api.agentWithToken(gina, Map.of(generalSkill, 2), Map.of());
        admin().body(Lines.alwaysOpen(generalSkill)).put("/v1/lines/{id}", general).then().statusCode(201);
        admin().body(Map.of("name", "Billing", "channels", List.of("voice"), "skills", Map.of(billingSkill, 1),
                        "serviceLevel", Map.of("seconds", 60, "target", 0.8),
                        "overflow", List.of(Map.of("after", "2s", "line", general))))
                .put("/v1/lines/{id}", billing).then().statusCode(201);

        String id;
        try (AgentClient agent = Api.availableAgent(token);
             EventStream events = new EventStream(Api.GATEWAY_KEY, null)) {
            id = gateway().body(Lines.contactIn(billing, "voice")).post("/v1/contacts").then().statusCode(201)
                    .body("state", equalTo("QUEUED")).extract().path("id");

            JsonNode offer = agent.next("offer");
            assertEquals(id, offer.path("contactId").asText(), "gina is offered the billing contact");
            JsonNode overflowed = nextOfType(events, id, "contact.overflowed");
            assertEquals(billing, overflowed.path("from").asText());
            assertEquals(general, overflowed.path("to").path("line").asText());
            assertEquals(1, overflowed.path("step").asInt());
            assertEquals("QUEUED", overflowed.path("state").asText());
            nextOfType(events, id, "contact.offered");
            agent.send(Map.of("type", "accept", "contactId", id));
            agent.next("connected");
            agent.send(Map.of("type", "complete", "contactId", id, "outcome", Map.of("resolved", true)));
            Api.JsonPresence.await(agent, "AVAILABLE");
        }

        Instant arrived = Instant.parse(gateway().get("/v1/contacts/{id}", id).then().extract().path("createdAt"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("welcomer_overflows_total{line=\"" + billing + "\",step=\"1\"} 1.0"), metrics);
        assertTrue(metrics.contains("welcomer_line_answered_total{line=\"" + billing + "\",within_target=\"true\"} 1.0"));
        supervisor().get("/v1/lines/{id}", billing).then().statusCode(200).body("serviceLevelToday", equalTo(1.0f));

        Instant from = start.truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> intervals = supervisor().queryParam("from", from.toString())
                .queryParam("to", from.plus(2, ChronoUnit.HOURS).toString()).queryParam("interval", "15m")
                .queryParam("line", billing)
                .get("/v1/insights/lines").then().statusCode(200).body("interval", equalTo("15m"))
                .extract().jsonPath().getList("intervals");
        assertEquals(1, intervals.size(), intervals::toString);
        Map<String, Object> interval = intervals.getFirst();
        assertEquals(billing, interval.get("line"));
        Instant intervalStart = Instant.parse((String) interval.get("start"));
        assertEquals(0, intervalStart.getEpochSecond() % 900, "on a quarter hour: " + intervalStart);
        assertTrue(!arrived.isBefore(intervalStart) && arrived.isBefore(intervalStart.plusSeconds(900)),
                arrived + " in the interval from " + intervalStart);
        assertEquals(List.of(1, 1, 0, 1), List.of(interval.get("offered"), interval.get("answered"),
                interval.get("abandoned"), interval.get("answeredWithinTarget")));
        assertEquals(1.0f, ((Number) interval.get("serviceLevel")).floatValue());
        assertEquals(1.0f, ((Number) interval.get("resolvedRate")).floatValue());
        double asa = ((Number) interval.get("asaSeconds")).doubleValue();
        assertTrue(asa >= 2 && asa < 30, "answered after the two seconds of overflow: " + asa);
    }

    @Test
    void anIntervalOtherThanTheThreeIsRefusedNamingIt() {
        for (String interval : List.of("5m", "1w", "60m", "1H")) {
            supervisor().queryParam("interval", interval).get("/v1/insights/lines").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("interval"));
        }
        supervisor().queryParam("interval", "15m").queryParam("from", "2020-01-01").get("/v1/insights/lines")
                .then().statusCode(400).body("errors[0].field", equalTo("interval"));
        gateway().get("/v1/insights/lines").then().statusCode(403);
    }

    private static JsonNode nextOfType(EventStream events, String contactId, String type) throws InterruptedException {
        while (true) {
            JsonNode event = events.next(contactId).data();
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
    }
}
