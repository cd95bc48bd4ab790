package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.events.EventStream;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Chromium;
import io.welcomer.support.NeedsChromium;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A returning customer's contact from the gateway to an agent's console and back, with the
 * supervisor's floor and the gateway's events agreeing with the page at every step.
 */
@QuarkusTest
@ExtendWith(NeedsChromium.class)
class StoryInTheBrowserTest {

    @Test
    void aReturningCustomerIsGreetedByNameWithTheirHistoryAndServedToTheEnd() throws Exception {
        String skill = Api.uniqueSkill();
        String customer = Api.uniqueId("cust");
        String agentId = Api.uniqueId("jackie");
        String token = Api.agentWithToken(agentId, Map.of(skill, 5), Map.of("voice", 1, "chat", 3));

        // Last week a colleague helped this customer, who rated it 4.
        String colleague = Api.uniqueId("nia");
        String earlier;
        try (AgentClient nia = Api.availableAgent(Api.agentWithToken(colleague, Map.of(skill, 1), Map.of("voice", 1)))) {
            earlier = Console.post(skill, customer, "Sunil");
            Api.serve(nia, earlier);
        }
        gateway().body(Map.of("csat", 4)).post("/v1/contacts/{id}/feedback", earlier).then().statusCode(200);

        try (BrowserContext agentBrowser = Chromium.newContext();
             BrowserContext supervisorBrowser = Chromium.newContext();
             EventStream events = new EventStream(Api.GATEWAY_KEY, null)) {
            Page floor = Floor.open(supervisorBrowser);
            Locator onFloor = Floor.agentRow(floor, agentId);
            Page console = Console.open(agentBrowser, token);
            assertThat(onFloor).containsText("away");

            Console.available(console);
            assertThat(onFloor).containsText("available");

            // The contact arrives: offered at once, by name, with the history.
            String contactId = Console.post(skill, customer, "Sunil");
            assertEquals("contact.offered", events.next(contactId).data().path("type").asText());
            Locator offer = Console.offer(console, "Sunil");
            assertThat(offer).containsText("Voice call · speaks en · about refund");
            assertThat(offer).containsText("A-1001");
            assertThat(offer.getByRole(AriaRole.LISTITEM)).containsText("served by " + colleague + " · resolved · CSAT 4/5");
            assertThat(offer).containsText("Answer within");
            assertThat(onFloor).containsText(contactId + " (offered)");

            offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
            assertEquals("contact.connected", events.next(contactId).data().path("type").asText());
            Locator contact = Console.contact(console, "Sunil");
            assertThat(contact).containsText("Touch time");
            assertThat(onFloor.getByRole(AriaRole.CELL).nth(2)).hasText(contactId);
            assertThat(onFloor).containsText("busy");

            contact.getByLabel("Notes").fill("Refund of order A-1001 sent to the card");
            Console.complete(contact, true, "refund-issued");
            var completed = events.next(contactId).data();
            assertEquals("contact.completed", completed.path("type").asText());
            assertThat(onFloor).containsText("available");
            assertThat(onFloor.getByRole(AriaRole.CELL).nth(2)).hasText("none");
            gateway().get("/v1/contacts/{id}", contactId).then()
                    .body("state", equalTo("COMPLETED"))
                    .body("agentId", equalTo(agentId))
                    .body("outcome.resolved", equalTo(true))
                    .body("outcome.code", equalTo("refund-issued"))
                    .body("outcome.notes", equalTo("Refund of order A-1001 sent to the card"));
        }
    }
}
