package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Chromium;
import io.welcomer.support.Lines;
import io.welcomer.support.NeedsChromium;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent console in a real Chromium, against the real server, socket and database. */
@QuarkusTest
@ExtendWith(NeedsChromium.class)
class AgentConsoleTest {

    private BrowserContext browser;
    private String skill;
    private String agentId;
    private String token;

    @BeforeEach
    void agent() {
        browser = Chromium.newContext();
        skill = Api.uniqueSkill();
        agentId = Api.uniqueId("jackie");
        token = Api.agentWithToken(agentId, Map.of(skill, 5), Map.of("voice", 1, "chat", 3));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theTokenInTheFragmentSignsInAndLeavesTheAddressBar() {
        Page page = Console.open(browser, token);
        assertThat(page.getByText("You are Away")).isVisible();
        assertFalse(page.url().contains(token), "the token is still in the address bar: " + page.url());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Available").setExact(true)).click();
        assertThat(page.getByText("You are Available")).isVisible();
        Api.admin().get("/v1/agents/{id}", agentId).then().body("presence", equalTo("AVAILABLE"));
    }

    @Test
    void aTokenTypedInTheFieldSignsIn() {
        Page page = browser.newPage();
        page.navigate("/agent/");
        page.getByLabel("Token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByText("You are Away")).isVisible();
    }

    @Test
    void aWrongTokenIsSaidPlainly() {
        Page page = browser.newPage();
        page.navigate("/agent/#token=not-a-token");
        assertThat(page.getByText("The server did not accept this token")).isVisible();
        assertThat(page.getByLabel("Token")).isVisible();
    }

    @Test
    void awayWithAReasonIsShownAndRouted() {
        Page page = Console.open(browser, token);
        Console.available(page);
        page.getByLabel("Away reason").selectOption("lunch");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Away").setExact(true)).click();
        // The reason is shown to the agent and reaches the server, where the floor shows it.
        assertThat(page.getByText("You are Away (lunch)")).isVisible();
        Api.admin().get("/v1/agents/{id}", agentId).then().body("presence", equalTo("AWAY"));
        Api.supervisor().get("/v1/floor").then().statusCode(200)
                .body("agents.find { it.id == '" + agentId + "' }.reason", equalTo("lunch"));
    }

    @Test
    void aRejectedOfferLeavesThePageAndGoesToAnotherAgent() {
        String colleague = Api.uniqueId("colleague");
        String colleagueToken = Api.agentWithToken(colleague, Map.of(skill, 1), Map.of("voice", 1));
        Page page = Console.open(browser, token);
        Console.available(page);
        // The best-skilled agent is offered the contact first.
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Maya");
        Locator offer = Console.offer(page, "Maya");
        try (AgentClient other = Api.availableAgent(colleagueToken)) {
            offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject")).click();
            assertThat(offer).hasCount(0);
            assertEquals(contactId, other.next("offer").path("contactId").asText());
        }
    }

    @Test
    void aContactWaitingInAClosedLineIsOfferedAtItsOpeningAndTheOfferNamesTheLine() {
        String lineId = Api.uniqueId("billing");
        Api.admin().body(Lines.closedUntil(30, skill)).put("/v1/lines/{id}", lineId).then().statusCode(201);
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = gateway().body(Lines.contactIn(lineId, "voice")).post("/v1/contacts").then().statusCode(201)
                .body("open", equalTo(false)).extract().path("id");
        // Jackie is free, but the line is closed: nothing reaches her page.
        Api.admin().get("/v1/lines/{id}", lineId).then().body("waiting", equalTo(1)).body("agentsSignedIn", equalTo(1));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Offers"))
                .getByRole(AriaRole.ARTICLE)).hasCount(0);

        Map<String, Object> open = new LinkedHashMap<>(Lines.closedUntil(30, skill));
        open.remove("hours");
        Api.admin().body(open).put("/v1/lines/{id}", lineId).then().statusCode(200).body("open", equalTo(true));
        Locator offer = Console.offer(page, "Sunil");
        assertThat(offer).containsText("Voice call · line " + lineId);
        Console.awaitState(contactId, "OFFERED");
    }

    @Test
    void anOfferWithdrawnBecauseTheCustomerLeftDisappearsWithItsReason() {
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Ravi");
        Locator offer = Console.offer(page, "Ravi");
        // The tab says an offer waits, for an agent looking at another tab.
        assertThat(page).hasTitle("(1) Offer waiting · Welcomer agent");
        gateway().delete("/v1/contacts/{id}", contactId).then().statusCode(200);
        assertThat(offer).hasCount(0);
        assertThat(page.getByRole(AriaRole.LOG)).containsText("Offer from Ravi withdrawn: the customer left");
        assertThat(page).hasTitle("Welcomer agent");
    }

    @Test
    void aRefusedFrameIsShownAndTheSessionStaysOpen() {
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Ines");
        Console.offer(page, "Ines").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Locator contact = Console.contact(page, "Ines");
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();
        contact.getByLabel("Agent id").fill("nobody-" + contactId);
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send transfer")).click();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("The server refused that")))
                .isVisible();
        // Still connected: the contact completes from the same page.
        Console.complete(contact, true, "kept");
        Console.awaitState(contactId, "COMPLETED");
    }

    @Test
    void aCompleteTheServerRefusesKeepsTheContactAndItsNotesUntilOneItTakes() {
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Noor");
        Console.offer(page, "Noor").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Locator contact = Console.contact(page, "Noor");
        // Longer than the server takes (2048 characters): the complete is refused.
        String tooLong = "n".repeat(2100);
        contact.getByLabel("Notes").fill(tooLong);
        contact.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Yes")).check();
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete")).click();

        assertThat(contact.locator("form.outcome .problem")).containsText("Not done, the contact is still yours");
        assertThat(contact).isVisible();
        assertThat(contact.getByLabel("Notes")).hasValue(tooLong);
        Console.awaitState(contactId, "CONNECTED");

        contact.getByLabel("Notes").fill("refund issued");
        Console.complete(contact, true, "refund");
        Console.awaitState(contactId, "COMPLETED");
    }

    @Test
    void aColdTransferLeavesThePageOnlyOnceTheServerTookItAndOffersOnlyPairsTheServerTakes() {
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Omar");
        Console.offer(page, "Omar").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Locator contact = Console.contact(page, "Omar");
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();
        // Two choices, each with the only mode the server takes for it: an agent warm, a line cold.
        Locator targets = contact.locator("form.transfer input[type=radio]");
        assertThat(targets).hasCount(2);
        assertThat(contact.getByLabel("An agent, warm: I stay until they accept")).isVisible();
        contact.getByLabel("A line, cold: hand over now").check();
        contact.getByLabel("Skills (e.g. billing:3, refunds)").fill("disputes:2");
        // Not a language tag: the server refuses the transfer, and the contact stays on the page.
        contact.getByLabel("Language").fill("not a tag");
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send transfer")).click();
        assertThat(contact.locator(".transfer-status")).containsText("Not done, the contact is still yours");
        assertThat(contact).isVisible();
        Console.awaitState(contactId, "CONNECTED");

        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();
        contact.getByLabel("Language").fill("es");
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send transfer")).click();
        assertThat(contact).hasCount(0);
        Console.awaitState(contactId, "QUEUED");
    }

    @Test
    void afterTheServerDropsTheSocketThePageReconnectsAndShowsTheSameContacts() {
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Olu");
        Console.offer(page, "Olu").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Console.contact(page, "Olu").getByLabel("Notes").fill("wants a refund to the card");
        Console.awaitState(contactId, "CONNECTED");

        // A second session for the same agent makes the server close the page's socket.
        AgentClient usurper = AgentClient.connect(token);
        usurper.next("hello");
        // The page comes back on its own, which in turn makes the server close this session.
        usurper.awaitClosed();
        Locator contact = Console.contact(page, "Olu");
        assertThat(contact).isVisible();
        assertThat(contact.getByLabel("Notes")).hasValue("wants a refund to the card");
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Disconnected"))).hasCount(0);
        Console.complete(contact, true, null);
        Console.awaitState(contactId, "COMPLETED");
    }

    /** A 1280 by 800 window at 200% zoom lays the page out in 640 by 400 CSS pixels. */
    @Test
    void atTwoHundredPercentZoomTheOfferAndTheContactFitTheWidth() {
        Page page = Console.open(browser, token);
        page.setViewportSize(640, 400);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Mira");
        Locator offer = Console.offer(page, "Mira");
        assertFalse(scrollsSideways(page), "the offer makes the page scroll sideways");
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Locator contact = Console.contact(page, "Mira");
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();
        assertFalse(scrollsSideways(page), "the contact and its forms make the page scroll sideways");
        Console.complete(contact, true, "zoomed");
        Console.awaitState(contactId, "COMPLETED");
    }

    private static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
    }

    @Test
    void keyboardOnlyAcceptsAndCompletes() {
        Page page = Console.open(browser, token);
        Console.available(page);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Kofi");
        Console.offer(page, "Kofi");
        page.keyboard().press("a");
        Locator contact = Console.contact(page, "Kofi");
        assertThat(contact).isVisible();
        Console.awaitState(contactId, "CONNECTED");

        page.keyboard().press("o");
        assertThat(contact.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Yes"))).isFocused();
        page.keyboard().press("Space");
        page.keyboard().press("Tab");
        assertThat(contact.getByLabel("Outcome code")).isFocused();
        page.keyboard().type("answered");
        page.keyboard().press("Tab");
        assertThat(contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete"))).isFocused();
        page.keyboard().press("Enter");

        Console.awaitState(contactId, "COMPLETED");
        gateway().get("/v1/contacts/{id}", contactId).then()
                .body("outcome.resolved", equalTo(true))
                .body("outcome.code", equalTo("answered"));
    }
}
