package dev.aftersales.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

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
}
