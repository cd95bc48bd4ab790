package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static io.welcomer.support.Api.gateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.AgentClient;
import io.welcomer.support.Api;
import io.welcomer.support.Chromium;
import io.welcomer.support.NeedsChromium;
import io.welcomer.support.Lines;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The supervisor's floor view in a real Chromium: live from one stream, no request loop. */
@QuarkusTest
@ExtendWith(NeedsChromium.class)
class FloorViewTest {

    /** The floor must show a change within a second. */
    private static final LocatorAssertions.ContainsTextOptions WITHIN_A_SECOND =
            new LocatorAssertions.ContainsTextOptions().setTimeout(1000);
    private static final LocatorAssertions.HasTextOptions WITHIN_A_SECOND_EXACTLY =
            new LocatorAssertions.HasTextOptions().setTimeout(1000);

    private BrowserContext browser;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        browser = Chromium.newContext();
        browser.onRequest(request -> requests.add(request.method() + " " + request.url()));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theFloorFollowsAgentsAndLinesWithinASecondFromOneStream() throws Exception {
        String skill = Api.uniqueSkill();
        String agentId = Api.uniqueId("floor");
        String token = Api.agentWithToken(agentId, Map.of(skill, 3), Map.of("voice", 1));
        Page page = Floor.open(browser);
        Locator agent = Floor.agentRow(page, agentId);
        Locator presence = agent.getByRole(AriaRole.CELL).first();
        assertThat(presence).hasText("offline");

        try (AgentClient client = AgentClient.connect(token)) {
            client.next("hello");
            assertThat(presence).hasText("away", WITHIN_A_SECOND_EXACTLY);
            client.send(Map.of("type", "available"));
            assertThat(presence).hasText("available", WITHIN_A_SECOND_EXACTLY);
            client.send(Map.of("type", "away", "reason", "training"));
            assertThat(agent).containsText("training", WITHIN_A_SECOND);

            // Nobody available: the contact waits in its line.
            String contactId = gateway().body(Api.contact(skill, Api.uniqueId("cust"), 0)).post("/v1/contacts")
                    .then().statusCode(201).body("state", equalTo("QUEUED")).extract().path("id");
            Locator line = Floor.lineRow(page, "voice: " + skill);
            assertThat(line.getByRole(AriaRole.CELL).first()).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(1000));
            gateway().body(Map.of("number", "+15551234567")).post("/v1/contacts/{id}/callback", contactId)
                    .then().statusCode(200);
            assertThat(line.getByRole(AriaRole.CELL).nth(2)).hasText("1");

            // The agent comes back and is offered the contact: the line empties, the agent holds it.
            client.send(Map.of("type", "available"));
            client.next("offer");
            assertThat(line).hasCount(0);
            assertThat(presence).hasText("busy", WITHIN_A_SECOND_EXACTLY);
            assertThat(agent).containsText(contactId + " (offered)", WITHIN_A_SECOND);
            client.send(Map.of("type", "accept", "contactId", contactId));
            client.next("connected");
            assertThat(agent.getByRole(AriaRole.CELL).nth(2)).hasText(contactId, new LocatorAssertions.HasTextOptions().setTimeout(1000));
        }
        assertThat(presence).hasText("offline", WITHIN_A_SECOND_EXACTLY);

        // Every change came down the one stream opened with the page.
        List<String> toServer = requests.stream().filter(request -> request.contains("/v1/")).toList();
        assertEquals(List.of("GET http://localhost:" + Api.port() + "/v1/floor/events"), toServer);
    }

    @Test
    void theFloorShowsEachLineOpenOrClosedWithItsNextChangeAndWhoWaits() {
        String skill = Api.uniqueSkill();
        String lineId = Api.uniqueId("billing");
        Page page = Floor.open(browser);
        admin().body(Lines.closedUntil(30, skill)).put("/v1/lines/{id}", lineId).then().statusCode(201);
        Locator line = Floor.configuredLineRow(page, lineId);
        // "Thu, 08:00 GMT" (or BST): the opening in the line's own zone.
        String opens = DateTimeFormatter.ofPattern("EEE, HH:mm", Locale.UK)
                .format(ZonedDateTime.of(Lines.inDays(30), LocalTime.of(8, 0), Lines.LONDON));
        assertThat(line.getByRole(AriaRole.CELL).first()).containsText("Closed, opens " + opens, WITHIN_A_SECOND);
        assertThat(line.getByRole(AriaRole.CELL).nth(1)).hasText("0");

        gateway().body(Lines.contactIn(lineId, "voice")).post("/v1/contacts").then().statusCode(201);
        assertThat(line.getByRole(AriaRole.CELL).nth(1)).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(1000));
        assertThat(line.getByRole(AriaRole.CELL).nth(2)).hasText(Pattern.compile("0:0\\d"));

        Map<String, Object> open = new LinkedHashMap<>(Lines.closedUntil(30, skill));
        open.remove("hours");
        admin().body(open).put("/v1/lines/{id}", lineId).then().statusCode(200);
        assertThat(line.getByRole(AriaRole.CELL).first()).hasText("Open", new LocatorAssertions.HasTextOptions().setTimeout(1000));
    }

    @Test
    void theFloorNeedsASupervisorOrAdminKey() {
        Page page = browser.newPage();
        page.navigate("/floor/#key=" + Api.GATEWAY_KEY);
        assertThat(page.getByText("The server did not accept this key for the floor")).isVisible();
        assertThat(page.getByLabel("Supervisor key")).isVisible();
        admin().get("/v1/floor").then().statusCode(200).body("version", greaterThan(0));
        gateway().get("/v1/floor").then().statusCode(403);
        given().get("/v1/floor/events").then().statusCode(401);
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/floor/events"));
    }
}
