package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.welcomer.support.Api.gateway;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;

/** The agent console as a person uses it: by role and accessible name. */
final class Console {

    private static final Duration STATE_BOUND = Duration.ofSeconds(10);

    private Console() {
    }

    /** Opens /agent/ signed in with the token in the fragment; answers once the session said hello. */
    static Page open(BrowserContext browser, String token) {
        Page page = browser.newPage();
        page.navigate("/agent/#token=" + token);
        assertThat(page.getByText("You are Away")).isVisible();
        return page;
    }

    static void available(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Available").setExact(true)).click();
        assertThat(page.getByText("You are Available")).isVisible();
    }

    /** A voice contact for this customer, needing the skill; answers its id. */
    static String post(String skill, String customerId, String name) {
        return gateway().body(Map.of("channel", "voice",
                        "customer", Map.of("id", customerId, "name", name, "language", "en"),
                        "skills", Map.of(skill, 1),
                        "topic", "refund",
                        "context", Map.of("orderId", "A-1001")))
                .post("/v1/contacts").then().statusCode(201).extract().path("id");
    }

    static Locator offer(Page page, String customerName) {
        Locator offer = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Offers"))
                .getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName(customerName));
        assertThat(offer).isVisible();
        return offer;
    }

    static Locator contact(Page page, String customerName) {
        Locator contact = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Contacts"))
                .getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName(customerName));
        assertThat(contact).isVisible();
        return contact;
    }

    static void complete(Locator contact, boolean resolved, String code) {
        contact.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(resolved ? "Yes" : "No")).check();
        if (code != null) {
            contact.getByLabel("Outcome code").fill(code);
        }
        contact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete")).click();
        assertThat(contact).hasCount(0);
    }

    /** Waits, within a bound, until the server says the contact is in this state. */
    static void awaitState(String contactId, String state) {
        long deadline = System.nanoTime() + STATE_BOUND.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = gateway().get("/v1/contacts/{id}", contactId).then().extract().path("state");
            if (state.equals(seen)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("contact " + contactId + " is " + seen + ", not " + state + ", after " + STATE_BOUND);
    }
}
