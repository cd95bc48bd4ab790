package io.welcomer.story;

import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Spanish-speaking customer reaches an agent who speaks Spanish, over real HTTP and a real socket. */
@QuarkusTest
class LanguageRoutingTest {

    private final String skill = Api.uniqueSkill();

    private String agentSpeaking(String agentId, List<String> languages) {
        admin().body(Map.of("name", "Agent " + agentId, "skills", Map.of(skill, 1), "languages", languages))
                .put("/v1/agents/{id}", agentId)
                .then().statusCode(201).body("languages", equalTo(languages));
        return admin().post("/v1/agents/{id}/tokens", agentId).then().statusCode(201).extract().path("token");
    }

    @Test
    void aSpanishSpeakingCustomerIsOfferedToTheSpanishSpeakerNotTheAgentIdleLonger() throws InterruptedException {
        String english = Api.uniqueId("english");
        String spanish = Api.uniqueId("spanish");
        try (AgentClient englishAgent = Api.availableAgent(agentSpeaking(english, List.of("en")));
             AgentClient spanishAgent = Api.availableAgent(agentSpeaking(spanish, List.of("es", "en")))) {
            String id = gateway().body(Map.of("channel", "voice",
                            "customer", Map.of("id", Api.uniqueId("cust"), "name", "Lucía", "language", "es-MX"),
                            "skills", Map.of(skill, 1), "languageRequired", true))
                    .post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("OFFERED")).body("agentId", equalTo(spanish))
                    .extract().path("id");

            JsonNode offer = spanishAgent.next("offer");
            assertEquals(id, offer.path("contactId").asText());
            assertEquals("es-MX", offer.path("customer").path("language").asText());
            assertTrue(englishAgent.quietFor(Duration.ofMillis(300)), "the English-only agent is offered nothing");
            admin().get("/v1/agents/{id}", spanish).then().statusCode(200).body("languages", contains("es", "en"));
        }
    }

    @Test
    void anAgentWhoDeclaredNoLanguagesIsNotAPortugueseSpeakerEvenIdleLonger() throws InterruptedException {
        String nothing = Api.uniqueId("nothing");
        String portuguese = Api.uniqueId("portuguese");
        try (AgentClient declaredNothing = Api.availableAgent(agentSpeaking(nothing, List.of()))) {
            // Alone, the agent who declared nothing does not take a contact that requires its language.
            String required = gateway().body(Map.of("channel", "chat",
                            "customer", Map.of("id", Api.uniqueId("cust"), "name", "João", "language", "pt-BR"),
                            "skills", Map.of(skill, 1), "languageRequired", true))
                    .post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("QUEUED")).body("servable", equalTo(false))
                    .extract().path("id");
            assertTrue(declaredNothing.quietFor(Duration.ofMillis(300)), "the agent who declared nothing is offered it");

            try (AgentClient speaker = AgentClient.connect(agentSpeaking(portuguese, List.of("pt")))) {
                speaker.next("hello");
                speaker.send(Map.of("type", "available"));
                // The speaker is offered the contact at once, serves it and is free again.
                Api.serve(speaker, required);
                // With both free, a speaker beats the agent who declared nothing, though it idled longer.
                gateway().body(Map.of("channel", "chat",
                                "customer", Map.of("id", Api.uniqueId("cust"), "name", "Ana", "language", "pt"),
                                "skills", Map.of(skill, 1)))
                        .post("/v1/contacts")
                        .then().statusCode(201).body("state", equalTo("OFFERED")).body("agentId", equalTo(portuguese));
                assertTrue(declaredNothing.quietFor(Duration.ofMillis(300)), "the agent who declared nothing is offered it");
            }
        }
    }

    @Test
    void aTagLongerThan35CharactersIsRefusedForCustomersAgentsAndLinesAlike() {
        String tag = "en-Latn-US-valencia-rozaj-biske-1994";
        admin().body(Map.of("name", "Agent", "languages", List.of(tag)))
                .put("/v1/agents/{id}", Api.uniqueId("agent"))
                .then().statusCode(400).body("errors[0].field", startsWith("languages"));
        gateway().body(Map.of("channel", "chat", "customer", Map.of("id", Api.uniqueId("cust"), "language", tag)))
                .post("/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("customer.language"));
        admin().body(Map.of("channels", List.of("chat"), "language", tag))
                .put("/v1/lines/{id}", "tags-" + Api.uniqueId("line").substring(5))
                .then().statusCode(400).body("errors[0].field", equalTo("language"));
        // The same subtags one variant shorter are a tag all three take.
        admin().body(Map.of("name", "Agent", "languages", List.of("en-Latn-US-valencia-rozaj-biske")))
                .put("/v1/agents/{id}", Api.uniqueId("agent")).then().statusCode(201);
    }

    @Test
    void aLanguageThatIsNotATagIsRefusedNamingTheField() {
        admin().body(Map.of("name", "Agent", "languages", List.of("spanish please")))
                .put("/v1/agents/{id}", Api.uniqueId("agent"))
                .then().statusCode(400).body("errors[0].field", startsWith("languages"));
    }
}
