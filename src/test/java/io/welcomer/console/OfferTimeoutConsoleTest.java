package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
            String contactId = Console.post(skill, Api.uniqueId("cust"), "Aiko");
            Locator offer = Console.offer(page, "Aiko");
            // The countdown goes down second by second (assertions wait for each text in turn).
            assertThat(offer).containsText("Answer within 2 s");
            assertThat(offer).containsText("Answer within 1 s");
            Locator offers = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Offers"));
            assertThat(page.getByRole(AriaRole.LOG)).containsText("Offer from Aiko withdrawn: not answered in time");
            assertThat(offers.getByRole(AriaRole.ARTICLE)).hasCount(0);
            // The offer went back to the line; the page does not pretend otherwise.
            Console.awaitState(contactId, "QUEUED");
        }
    }
}
