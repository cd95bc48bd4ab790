package io.welcomer.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * The system's Chromium driven by Playwright, one per test JVM: Playwright's own browser
 * download is not reachable here, so the Debian package's binary is launched instead.
 */
public final class Chromium {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static Browser browser;

    private Chromium() {
    }

    /** A fresh browser context (its own storage, as a separate person's browser) on the test server. */
    public static synchronized BrowserContext newContext() {
        if (browser == null) {
            Playwright playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
                    .setHeadless(true)
                    // Root in CI containers cannot use Chromium's sandbox.
                    .setArgs(List.of("--no-sandbox", "--autoplay-policy=no-user-gesture-required")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + Api.port()));
        context.setDefaultTimeout(10_000);
        return context;
    }
}
