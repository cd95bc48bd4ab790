package io.welcomer.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.welcomer.support.Api;

/** The floor view as a supervisor reads it: tables by name, rows by their header. */
final class Floor {

    private Floor() {
    }

    static Page open(BrowserContext browser) {
        Page page = browser.newPage();
        page.navigate("/floor/#key=" + Api.SUPERVISOR_KEY);
        assertThat(page.getByText("Live:")).isVisible();
        return page;
    }

    static Locator agentRow(Page page, String agentId) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Agents"))
                .getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(agentId));
    }

    static Locator lineRow(Page page, String line) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Lines").setExact(true))
                .getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(line));
    }

    /** A configured line's row in "Lines and hours", by its id (rows are named "Name (id)"). */
    static Locator configuredLineRow(Page page, String lineId) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Lines and hours"))
                .getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName(lineId));
    }
}
