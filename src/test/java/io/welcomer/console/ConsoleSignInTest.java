package io.welcomer.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.welcomer.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.welcomer.support.Api;
import io.welcomer.support.Chromium;
import io.welcomer.support.NeedsChromium;
import io.welcomer.support.OidcProvider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console and the floor sign in through the centre's provider in a real Chromium: the local
 * provider of {@code quarkus-test-oidc-server} shows its own login page and sends the browser back
 * with a code; its token endpoint answers the code, sent with its PKCE verifier, with an access
 * token the provider's key signed.
 */
@QuarkusTest
@TestProfile(OidcProvider.class)
@WithTestResource(OidcWiremockTestResource.class)
@ExtendWith(NeedsChromium.class)
class ConsoleSignInTest {

    private static final String TOKEN_PATH = "/auth/realms/quarkus/token";

    @OidcWireMock
    WireMockServer provider;

    private BrowserContext browser;

    @BeforeEach
    void open() {
        browser = Chromium.newContext();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /** The provider's token endpoint answers a code sent with a verifier by this client with this token. */
    private void providerIssues(String accessToken) {
        provider.stubFor(post(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code_verifier="))
                .withRequestBody(containing("client_id=" + OidcProvider.CONSOLE_CLIENT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        // The page calls the provider across origins, as a browser public client does.
                        .withHeader("Access-Control-Allow-Origin", "*")
                        .withBody("{\"access_token\": \"" + accessToken + "\", \"token_type\": \"Bearer\","
                                + " \"expires_in\": 3600}")));
    }

    /** At the provider's own login page, as the person would. */
    private static void logInAtTheProvider(Page page, String person) {
        page.locator("#username").fill(person);
        page.locator("#password").fill("secret");
        page.locator("#login").click();
    }

    @Test
    void anAgentSignsInAtTheProviderFromTheConsoleAndTakesAnOffer() throws Exception {
        String skill = Api.uniqueSkill();
        String agentId = Api.uniqueId("signed-in");
        admin().body(Map.of("name", "Signed In", "skills", Map.of(skill, 3), "capacity", Map.of("voice", 1),
                        "languages", List.of("en")))
                .put("/v1/agents/{id}", agentId).then().statusCode(201);
        providerIssues(OidcProvider.token(agentId, Duration.ofHours(1), "welcomer-agent"));

        Page page = browser.newPage();
        page.navigate("/agent/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with your organisation")).click();
        logInAtTheProvider(page, agentId);

        assertThat(page.getByText("You are Away")).isVisible();
        assertFalse(page.url().contains("code="), "the code is taken out of the address bar: " + page.url());
        Console.available(page);
        Console.post(skill, Api.uniqueId("cust"), "Ada Lovelace");
        Locator offer = Console.offer(page, "Ada Lovelace");
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        assertThat(Console.contact(page, "Ada Lovelace")).isVisible();

        // PKCE: the challenge the page sent to the provider is the S256 of the verifier it sent with the code.
        LoggedRequest authorize = provider.findAll(getRequestedFor(urlPathMatching("/auth/realms/quarkus/?"))).getLast();
        assertEquals("S256", authorize.queryParameter("code_challenge_method").firstValue());
        assertEquals(OidcProvider.CONSOLE_CLIENT, authorize.queryParameter("client_id").firstValue());
        LoggedRequest exchange = provider.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).getLast();
        String verifier = formValue(exchange.getBodyAsString(), "code_verifier");
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(challenge, authorize.queryParameter("code_challenge").firstValue());
    }

    @Test
    void aSupervisorSignsInAtTheProviderFromTheFloor() {
        providerIssues(OidcProvider.token("lead.ann", Duration.ofHours(1), "welcomer-supervisor"));

        Page page = browser.newPage();
        page.navigate("/floor/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with your organisation")).click();
        logInAtTheProvider(page, "lead.ann");

        assertThat(page.getByText("Live:")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Agents"))).isVisible();
    }

    @Test
    void aSignInThatDoesNotMakeThePersonAnAgentIsRefusedOnTheSignInForm() {
        providerIssues(OidcProvider.token("lead.ann", Duration.ofHours(1), "welcomer-supervisor"));

        Page page = browser.newPage();
        page.navigate("/agent/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with your organisation")).click();
        logInAtTheProvider(page, "lead.ann");

        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("sign-in")))
                .containsText("Your sign-in was not accepted for the console");
        assertThat(page.getByLabel("Token")).isVisible();
    }

    private static String formValue(String form, String name) {
        List<String> values = Arrays.stream(form.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .toList();
        assertEquals(1, values.size(), () -> name + " once in " + form);
        return values.getFirst();
    }
}
