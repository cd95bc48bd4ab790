import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent console's figures, in a real Chromium against a running server: bytes transferred
 * on a first (cold-cache) load of /agent/, and the time from a gateway's POST to the offer
 * being on the page. Usage: ConsoleFigures <base-url> <admin-key> <gateway-key> [samples]
 */
public class ConsoleFigures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        String gateway = args[2];
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        String skill = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "figures-" + skill;
        call("PUT", base + "/v1/agents/" + agent, admin,
                "{\"name\":\"Figures\",\"skills\":{\"" + skill + "\":1},\"capacity\":{\"voice\":1}}");
        String token = call("POST", base + "/v1/agents/" + agent + "/tokens", admin, null).replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                    .setHeadless(true).setArgs(List.of("--no-sandbox")));
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            List<Request> loaded = new CopyOnWriteArrayList<>();
            page.onRequestFinished(loaded::add);
            page.navigate(base + "/agent/#token=" + token);
            page.getByText("You are Away").waitFor();
            long bytes = 0;
            for (Request request : loaded) {
                var sizes = request.sizes();
                bytes += sizes.requestHeadersSize + sizes.requestBodySize + sizes.responseHeadersSize + sizes.responseBodySize;
            }
            System.out.printf("first load of /agent/: %d requests, %d bytes transferred (headers and bodies)%n",
                    loaded.size(), bytes);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Available").setExact(true)).click();
            page.getByText("You are Available").waitFor();
            // The page stamps the moment an offer card enters the DOM, on the machine's wall clock.
            page.evaluate("() => { window.offerSeen = []; new MutationObserver(() => {"
                    + " const n = document.querySelectorAll('#offers article').length;"
                    + " if (n > 0 && window.offerSeen.length < window.expected) window.offerSeen.push(performance.timeOrigin + performance.now());"
                    + " }).observe(document.getElementById('offers'), {childList: true}); }");
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                page.evaluate("n => { window.expected = n; }", i + 1);
                double sent = System.currentTimeMillis();
                String body = call("POST", base + "/v1/contacts", gateway, "{\"channel\":\"voice\",\"customer\":{\"id\":\"fig-" + i
                        + "\",\"name\":\"Sample " + i + "\",\"language\":\"en\"},\"skills\":{\"" + skill + "\":1},\"topic\":\"figures\"}");
                String contactId = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Sample " + i).setExact(true)).waitFor();
                double seen = ((Number) page.evaluate("i => window.offerSeen[i]", i)).doubleValue();
                millis.add(seen - sent);
                call("DELETE", base + "/v1/contacts/" + contactId, gateway, null);
                page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Sample " + i).setExact(true))
                        .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            }
            Collections.sort(millis);
            System.out.printf("POST to offer on the page, %d samples: p50 %.1f ms, p90 %.1f ms, max %.1f ms%n", samples,
                    millis.get(samples / 2), millis.get((int) Math.floor(samples * 0.9)), millis.get(samples - 1));
        } finally {
            call("DELETE", base + "/v1/agents/" + agent, admin, null);
        }
    }

    private static String call(String method, String url, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
