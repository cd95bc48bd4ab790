package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static io.welcomer.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Lines;
import io.welcomer.support.NeedsChromium;
import io.welcomer.support.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A supervisor acts from the floor view in a real Chromium: each result shows as the server answers it. */
@QuarkusTest
@ExtendWith(NeedsChromium.class)
class FloorActionsTest {

    private final String skill = Api.uniqueSkill();
    private BrowserContext browser;

    @BeforeEach
    void open() {
        browser = Chromium.newContext();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private String agent(String agentId) {
        return Api.agentWithToken(agentId, Map.of(skill, 3), Map.of("voice", 1));
    }

    private static Locator dialog(Page page) {
        return page.getByRole(AriaRole.DIALOG);
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void setAwayAfterTheCurrentContactShowsTheAnswerAndTheAgentIsAwayWhenItCompletes() {
        String agentId = Api.uniqueId("busy");
        try (AgentClient busy = Api.availableAgent(agent(agentId))) {
            String contactId = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            busy.next("offer");
            busy.send(Map.of("type", "accept", "contactId", contactId));
            busy.next("connected");
            Page page = Floor.open(browser);
            Locator row = Floor.agentRow(page, agentId);
            Locator presence = row.getByRole(AriaRole.CELL).first();
            assertThat(presence).hasText("busy");

            button(row, "Set away").click();
            Locator asked = dialog(page);
            asked.getByLabel("Reason").selectOption(new SelectOption().setValue("meeting"));
            asked.getByLabel("After the current contact").check();
            button(asked, "Set away").click();

            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(agentId)))
                    .containsText(agentId + ") is busy, and away (meeting) once the current contact ends.");
            assertThat(asked).isHidden();
            JsonNode told = busy.next("presence");
            assertEquals("AWAY", told.path("next").asText(), told.toString());
            assertEquals(Api.SUPERVISOR_NAME, told.path("by").asText(), told.toString());

            busy.send(Map.of("type", "complete", "contactId", contactId, "outcome", Map.of("resolved", true)));
            assertThat(presence).hasText("away");
            assertThat(row.getByRole(AriaRole.CELL).nth(1)).hasText("meeting");
        }
    }

    @Test
    void setAwayRefusedByTheServerShowsWhyAndChangesNothingOnThePage() {
        String agentId = Api.uniqueId("leaving");
        AgentClient leaving = Api.availableAgent(agent(agentId));
        Page page = Floor.open(browser);
        Locator row = Floor.agentRow(page, agentId);
        button(row, "Set away").click();
        Locator asked = dialog(page);
        // The agent goes before the supervisor confirms: the server refuses, and says why.
        leaving.close();
        assertThat(row.getByRole(AriaRole.CELL).first()).hasText("offline");
        button(asked, "Set away").click();

        assertThat(asked.getByRole(AriaRole.ALERT)).containsText("OFFLINE");
        assertThat(asked).isVisible();
        assertThat(page.locator("#result")).isEmpty();
        button(asked, "Cancel").click();
        assertThat(asked).isHidden();
    }

    @Test
    void signOutAsksFirstAndThenClosesTheAgentsSession() throws Exception {
        String agentId = Api.uniqueId("signed-out");
        try (AgentClient agent = Api.availableAgent(agent(agentId))) {
            Page page = Floor.open(browser);
            Locator row = Floor.agentRow(page, agentId);

            button(row, "Sign out").click();
            button(dialog(page), "Cancel").click();
            assertTrue(agent.quietFor(Duration.ofMillis(500)), "a cancelled sign-out sends nothing");
            supervisor().get("/v1/agents/{id}", agentId).then().body("presence", equalTo("AVAILABLE"));

            button(row, "Sign out").click();
            assertThat(dialog(page)).containsText(agentId + ") out?");
            button(dialog(page), "Sign out").click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(agentId)))
                    .containsText(agentId + ") is signed out (offline).");
            assertEquals(1000, agent.awaitClosed());
            assertThat(row.getByRole(AriaRole.CELL).first()).hasText("offline");
        }
        admin().get("/v1/agents/{id}", agentId).then().statusCode(200);
    }

    @Test
    void theConsoleOfAnAgentSetAwayAndSignedOutFromTheFloorSaysWhoDidItAndStaysSignedOut() {
        String agentId = Api.uniqueId("console");
        List<String> sockets = new CopyOnWriteArrayList<>();
        Page console = browser.newPage();
        console.onWebSocket(socket -> sockets.add(socket.url()));
        console.navigate("/agent/#token=" + agent(agentId));
        assertThat(console.getByText("You are Away")).isVisible();
        Console.available(console);
        Page floor = Floor.open(browser);
        Locator row = Floor.agentRow(floor, agentId);

        button(row, "Set away").click();
        dialog(floor).getByLabel("Reason").selectOption(new SelectOption().setValue("training"));
        button(dialog(floor), "Set away").click();
        assertThat(console.getByText("You are Away (training), set by " + Api.SUPERVISOR_NAME)).isVisible();

        button(row, "Sign out").click();
        button(dialog(floor), "Sign out").click();
        assertThat(console.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("signed out")))
                .containsText("You were signed out by " + Api.SUPERVISOR_NAME);
        assertThat(console.getByLabel("Token")).isVisible();
        // The console does not reconnect behind the supervisor's back: a reconnect after a drop
        // comes within 750 ms, so after twice that the one socket is still the only one.
        console.waitForTimeout(1500);
        assertEquals(1, sockets.size(), sockets::toString);
        assertThat(row.getByRole(AriaRole.CELL).first()).hasText("offline");
        supervisor().get("/v1/agents/{id}", agentId).then().body("presence", equalTo("OFFLINE"));
    }

    @Test
    void moveSendsAWaitingContactToAnAgentOrALineAndShowsWhereItWent() {
        String lineSkill = Api.uniqueSkill();
        String lineId = Api.uniqueId("general");
        admin().body(Lines.alwaysOpen(lineSkill)).put("/v1/lines/{id}", lineId).then().statusCode(201);
        String toAgent = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String toLine = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String agentId = Api.uniqueId("chosen");
        // The agent has none of the contacts' skills: only a supervisor's move sends them there.
        try (AgentClient chosen = Api.availableAgent(
                Api.agentWithToken(agentId, Map.of(Api.uniqueSkill(), 1), Map.of("voice", 1)))) {
            Page page = Floor.open(browser);
            Locator waiting = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Waiting contacts"));
            Locator row = waiting.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(toAgent));

            button(row, "Move").click();
            dialog(page).getByLabel("To").selectOption(new SelectOption().setValue("agent:" + agentId));
            button(dialog(page), "Move").click();

            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(toAgent)))
                    .hasText(toAgent + " moved: offered to " + agentId + ".");
            assertEquals(toAgent, chosen.next("offer").path("contactId").asText());
            assertThat(row).hasCount(0);
            assertThat(Floor.agentRow(page, agentId)).containsText(toAgent + " (offered)");

            Locator other = waiting.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(toLine));
            button(other, "Move").click();
            dialog(page).getByLabel("To").selectOption(new SelectOption().setValue("line:" + lineId));
            button(dialog(page), "Move").click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(toLine)))
                    .containsText(toLine + " moved to line " + lineId + ": queued");
            assertThat(other.getByRole(AriaRole.CELL).nth(1)).hasText(lineId);
        }
        gateway().get("/v1/contacts/{id}", toLine).then().body("line", equalTo(lineId));
    }
}
