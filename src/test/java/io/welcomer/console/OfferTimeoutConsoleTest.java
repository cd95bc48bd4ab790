package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.welcomer.support.Api;
import io.welcomer.support.Chromium;
import io.welcomer.support.NeedsChromium;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An offer nobody answers, with the offer timeout shortened to three seconds. */
@QuarkusTest
@ExtendWith(NeedsChromium.class)
@TestProfile(OfferTimeoutConsoleTest.ThreeSecondOffers.class)
class OfferTimeoutConsoleTest {

    /** Long enough to see the countdown tick, short enough to wait for its end. */
    public static class ThreeSecondOffers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("welcomer.offer-timeout", "3s");
        }
    }

    @Test
    void anUnansweredOfferCountsDownAndIsWithdrawnWithItsReason() {
        String skill = Api.uniqueSkill();
        String token = Api.agentWithToken(Api.uniqueId("slow"), Map.of(skill, 1), Map.of("voice", 1));
        try (BrowserContext browser = Chromium.newContext()) {
            Page page = Console.open(browser, token);
            Console.available(page);
            // Every text the countdown shows, as the page shows it: each lasts a second, which a
            // poll of the page could miss.
            page.evaluate("() => { window.countdown = []; new MutationObserver(() => {"
                    + " for (const shown of document.querySelectorAll('.countdown')) {"
                    + " if (window.countdown.at(-1) !== shown.textContent) window.countdown.push(shown.textContent); } })"
                    + ".observe(document.body, {subtree: true, childList: true, characterData: true}); }");
            String contactId = Console.post(skill, Api.uniqueId("cust"), "Aiko");
            Locator offer = Console.offer(page, "Aiko");
            assertThat(offer).containsText("Answer within");
            Locator offers = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Offers"));
            assertThat(page.getByRole(AriaRole.LOG)).containsText("Offer from Aiko withdrawn: not answered in time");
            assertThat(offers.getByRole(AriaRole.ARTICLE)).hasCount(0);
            // The countdown went down second by second until the offer was withdrawn.
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) page.evaluate("() => window.countdown");
            assertTrue(shown.indexOf("Answer within 2 s") >= 0
                    && shown.indexOf("Answer within 1 s") > shown.indexOf("Answer within 2 s"), shown.toString());
            // The offer went back to the line; the page does not pretend otherwise.
            Console.awaitState(contactId, "QUEUED");
        }
    }
}
