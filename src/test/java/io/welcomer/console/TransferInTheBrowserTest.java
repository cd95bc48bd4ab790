package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.welcomer.support.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.events.EventStream;
import io.welcomer.support.Api;
import io.welcomer.support.Chromium;
import io.welcomer.support.NeedsChromium;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two agents' consoles in real Chromium pages: a warm transfer with a note from one to the other,
 * then End (wrap-up), a follow-up promised, and Complete; the supervisor's floor and the
 * gateway's events agree with the pages at every step.
 */
@QuarkusTest
@ExtendWith(NeedsChromium.class)
class TransferInTheBrowserTest {

    private BrowserContext jackiesBrowser;
    private BrowserContext samsBrowser;
    private BrowserContext supervisorsBrowser;
    private String skill;
    private String jackie;
    private String sam;

    @BeforeEach
    void agents() {
        jackiesBrowser = Chromium.newContext();
        samsBrowser = Chromium.newContext();
        supervisorsBrowser = Chromium.newContext();
        skill = Api.uniqueSkill();
        jackie = Api.uniqueId("jackie");
        sam = Api.uniqueId("sam");
    }

    @AfterEach
    void close() {
        jackiesBrowser.close();
        samsBrowser.close();
        supervisorsBrowser.close();
    }

    @Test
    void aWarmTransferWrapUpAndFollowUpFromTheConsole() throws Exception {
        try (EventStream events = new EventStream(Api.GATEWAY_KEY, null)) {
            story(events, Floor.open(supervisorsBrowser));
        }
    }

    private void story(EventStream events, Page floor) throws InterruptedException {
        Page jackiesPage = Console.open(jackiesBrowser, Api.agentWithToken(jackie, Map.of(skill, 5), Map.of()));
        Console.available(jackiesPage);
        String contactId = Console.post(skill, Api.uniqueId("cust"), "Ravi");
        Console.offer(jackiesPage, "Ravi").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Locator atJackie = Console.contact(jackiesPage, "Ravi");
        assertEquals("contact.offered", events.next(contactId).data().path("type").asText());
        assertEquals("contact.connected", events.next(contactId).data().path("type").asText());
        assertThat(Floor.agentRow(floor, jackie).getByRole(AriaRole.CELL).nth(2)).hasText(contactId);

        Page samsPage = Console.open(samsBrowser, Api.agentWithToken(sam, Map.of(skill, 5), Map.of()));
        Console.available(samsPage);
        atJackie.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Transfer")).click();
        atJackie.getByLabel("Agent id").fill(sam);
        atJackie.getByLabel("Transfer note").fill("Refund approved, needs the invoice re-sent");
        atJackie.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send transfer")).click();
        assertThat(atJackie.getByRole(AriaRole.STATUS)).hasText("Transfer offered, waiting for the other side");

        Locator offer = Console.offer(samsPage, "Ravi");
        assertThat(offer).containsText("Warm transfer from " + jackie + ": Refund approved, needs the invoice re-sent");
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        Locator atSam = Console.contact(samsPage, "Ravi");
        // The contact has left Jackie's console.
        assertThat(atJackie).hasCount(0);
        JsonNode transferred = events.next(contactId).data();
        assertEquals("contact.transferred", transferred.path("type").asText());
        assertEquals(jackie, transferred.path("from").asText());
        assertEquals(sam, transferred.path("to").asText());
        assertThat(Floor.agentRow(floor, sam).getByRole(AriaRole.CELL).nth(2)).hasText(contactId);
        assertThat(Floor.agentRow(floor, jackie).getByRole(AriaRole.CELL).nth(2)).hasText("none");

        atSam.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End")).click();
        assertEquals("contact.wrapping", events.next(contactId).data().path("type").asText());
        assertThat(Floor.agentRow(floor, sam).getByRole(AriaRole.CELL).nth(2)).hasText(contactId + " (wrapping)");
        atSam.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Follow up")).click();
        String inAnHour = (String) samsPage.evaluate("() => { const d = new Date(Date.now() + 3600e3);"
                + " return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); }");
        atSam.getByLabel("Date and time").fill(inAnHour);
        atSam.getByLabel("Number to call").fill("+15551234567");
        atSam.getByLabel("Follow-up note").fill("Check the refund arrived");
        atSam.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule follow-up")).click();
        assertThat(atSam.getByRole(AriaRole.STATUS)).containsText("Follow-up scheduled for");
        assertEquals("contact.follow-up-scheduled", events.next(contactId).data().path("type").asText());
        awaitFollowUp();

        Console.complete(atSam, true, "invoice-resent");
        assertEquals("contact.completed", events.next(contactId).data().path("type").asText());
        assertThat(Floor.agentRow(floor, sam).getByRole(AriaRole.CELL).nth(2)).hasText("none");
    }

    /** Waits, within a bound, until the agent's profile lists the follow-up promised from the page. */
    private void awaitFollowUp() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (admin().get("/v1/agents/{id}", sam).then().extract().<List<?>>path("followUps").isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        admin().get("/v1/agents/{id}", sam).then()
                .body("followUps", hasSize(1))
                .body("followUps[0].note", equalTo("Check the refund arrived"));
    }
}
