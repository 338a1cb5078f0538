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

    /** Signs in on the login page as the account and waits until the desk has left the login page. */
    protected static void logIn(Page page, UserAccount account) {
        page.navigate("/login");
        page.getByLabel("Username").fill(account.username());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("header")).containsText(account.displayName());
    }
}
