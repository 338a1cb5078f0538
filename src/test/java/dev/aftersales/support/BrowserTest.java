package dev.aftersales.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.identity.UserAccount;

/**
 * A browser journey on the running application: the test class gets a fresh {@link Page} per test method (a
 * parameter) that speaks to the application on its random port. Tests build their own data with {@link Fixtures}.
 */
@AftersalesIntegrationTest
@ExtendWith(Browser.class)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    /**
     * Signs in on the login page (in whatever language it shows) as the account and waits until the desk has left
     * the login page and shows who is signed in.
     */
    protected static void logIn(Page page, UserAccount account) {
        page.navigate("/login");
        page.locator("#username").fill(account.username());
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("#content form button[type=submit]").click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("header")).containsText(account.displayName());
    }

    /** The button with exactly this accessible name. */
    protected static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * The id of the element that has the keyboard focus, once the page has loaded: a click that submits a form returns
     * when the answer's page is committed, before its deferred script has put the focus on the first refused field.
     */
    protected static String focused(Page page) {
        page.waitForLoadState();
        return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    /**
     * Asserts the control is refused with the reason next to it: marked invalid, and the element its
     * {@code aria-describedby} names last is visible and says the reason.
     */
    protected static void refusedAt(Page page, String controlId, String reason) {
        Locator control = page.locator("#" + controlId);
        assertThat(control).hasClass(Pattern.compile("(^|\\s)is-invalid(\\s|$)"));
        String describedBy = control.getAttribute("aria-describedby");
        org.assertj.core.api.Assertions.assertThat(describedBy).as(controlId + " names its reason").isNotBlank();
        Locator feedback = page.locator("#" + describedBy.trim().replaceAll(".*\\s", ""));
        assertThat(feedback).isVisible();
        assertThat(feedback).containsText(reason);
    }
}
