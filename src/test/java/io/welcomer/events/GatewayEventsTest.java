package io.welcomer.events;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway follows its contacts as Server-Sent Events and resumes by Last-Event-ID. */
@QuarkusTest
class GatewayEventsTest {

    private final String skill = Api.uniqueSkill();

    @Test
    void aGatewaySeesEachStateChangeOfItsContactsInOrder() throws Exception {
        String token = Api.agentWithToken(Api.uniqueId("agent"), Map.of(skill, 1), Map.of());
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null)) {
            assertEquals(200, events.status());
            String queued = post();
            EventStream.Event first = events.next(queued);
            assertEquals("contact.queued", first.data().path("type").asText());
            assertEquals("QUEUED", first.data().path("state").asText());

            gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", queued)
                    .then().statusCode(200);
            try (AgentClient agent = AgentClient.connect(token)) {
                agent.next("hello");
                agent.send(Map.of("type", "available"));
                EventStream.Event offered = events.next(queued);
                assertEquals("contact.offered", offered.data().path("type").asText());
                assertTrue(offered.id() > first.id(), "event ids increase");
                agent.next("offer");
                agent.send(Map.of("type", "accept", "contactId", queued));
                EventStream.Event connected = events.next(queued);
                assertEquals("contact.connected", connected.data().path("type").asText());
                assertEquals("+15551234567", connected.data().path("callbackNumber").asText());
                assertEquals(false, connected.data().path("agentId").asText().isBlank());
            }
        }
    }

    @Test
    void aReconnectingGatewayGetsExactlyWhatItMissed() throws Exception {
        String first = post();
        long seen;
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, 0L)) {
            seen = events.next(first).id();
        }
        // Missed while away: more events than one replay page (4 in the test profile).
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(post());
        }
        gateway().delete("/v1/contacts/{id}", first).then().statusCode(200);

        try (EventStream resumed = new EventStream(Api.GATEWAY_KEY, seen)) {
            long previous = seen;
            for (String id : missed) {
                EventStream.Event event = resumed.next(id);
                assertEquals("contact.queued", event.data().path("type").asText());
                assertTrue(event.id() > previous, "events arrive in log order");
                previous = event.id();
            }
            EventStream.Event abandoned = resumed.next(first);
            assertEquals("contact.abandoned", abandoned.data().path("type").asText());
            assertTrue(abandoned.id() > previous);
            // Nothing of this test's contacts arrived twice or out of order on the way.
            for (String id : missed) {
                assertFalse(resumed.passedOver(id), "an event of " + id + " arrived out of place");
            }
            assertFalse(resumed.passedOver(first), "the event already seen was replayed");
        }
    }

    @Test
    void aGatewayNeverSeesAnotherGatewaysContacts() throws Exception {
        String mine = post();
        try (EventStream theirs = new EventStream(Api.OTHER_GATEWAY_KEY, 0L)) {
            String probe = given().auth().oauth2(Api.OTHER_GATEWAY_KEY).contentType(ContentType.JSON)
                    .body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            // Their whole history and their new contact arrive; mine, posted earlier, never does.
            theirs.next(probe);
            assertFalse(theirs.passedOver(mine), "another gateway's contact leaked into this stream");
        }
    }

    @Test
    void aBadLastEventIdIsABadRequest() {
        given().auth().oauth2(Api.GATEWAY_KEY).header("Last-Event-ID", "yesterday").get("/v1/events")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Api.ADMIN_KEY).get("/v1/agents").then().statusCode(200);
        given().get("/v1/events").then().statusCode(401);
    }

    private String post() {
        return gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }
}
