package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/**
 * The platform's own pages among the seller-platform features: an agent's saved rationale, used on a case; an
 * admin's platform webhook endpoint, its secret shown once, switched off again; both on a phone too.
 */
class PlatformPagesBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;

    @Test
    void anAgentSavesARationaleAndUsesItFilledInForTheCase(Page page) {
        World world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_500);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "Both boxes were missing"), world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "The parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "The parcel was light");
        String number = claims.claim(id, world.sellerUser()).claimNumber();
        UserAccount agent = fixtures.account(Role.AGENT, null);
        String title = Fixtures.unique("Weight shows the loss ");

        page.setViewportSize(390, 844);
        logIn(page, agent);
        page.navigate("/agent/replies");
        page.getByLabel("Title").fill(title);
        page.getByLabel("Text").fill("The parcel of {order} weighed less than its goods: {claim} is upheld.");
        button(page, "Save reply").click();
        assertThat(page.locator(".reply-row").filter(new Locator.FilterOptions().setHasText(title))).hasCount(1);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isZero();

        page.setViewportSize(1280, 900);
        page.navigate("/agent/cases/" + id);
        page.locator("select.saved-reply[data-target='d-rationale']").selectOption(new SelectOption().setLabel(title));
        assertThat(page.locator("#d-rationale")).hasValue("The parcel of " + order.orderNumber()
                + " weighed less than its goods: " + number + " is upheld.");
    }

    @Test
    void anAdminRegistersAPlatformEndpointSeesItsSecretOnceAndSwitchesItOff(Page page) {
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        String url = "http://localhost:9/" + Fixtures.unique("platform-hook-");

        logIn(page, admin);
        page.navigate("/admin/webhooks");
        page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true)).fill(url);
        page.getByLabel("Claim filed").check();
        button(page, "Register").click();
        assertThat(page.locator("#issued-secret code")).hasText(Pattern.compile("\\S{20,}"));
        String secret = page.locator("#issued-secret code").textContent().strip();
        Locator endpoint = page.locator(".webhook-endpoint").filter(new Locator.FilterOptions().setHasText(url));
        assertThat(endpoint.locator(".badge").first()).hasText("active");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.locator("#issued-secret")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isZero();

        // a platform endpoint hears every shop: switched off again, so that no later claim is sent to it
        endpoint.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Disable")).click();
        assertThat(endpoint.locator(".badge").first()).hasText("disabled");
    }
}
