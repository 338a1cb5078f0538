package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/**
 * A seller sets up an automation rule, sees it fire on a new claim (the claim's timeline names the rule and its
 * facts, the rule counts it), and switches it off; the page on a phone.
 */
class ShopRulesBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.world();
    }

    long smallRefund() {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        return claims.file(ClaimFilings.refundOnly(order, "B", 1, ClaimReason.QUALITY, "the board is cracked", Money.fen(2500)), world.buyerUser());
    }

    @Test
    void aRuleIsRefusedAtItsFieldThenSetUpFiresOnANewClaimAndIsSwitchedOff(Page page) {
        logIn(page, world.seller());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rules").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Automation rules");

        page.getByLabel("Name").fill("Small refunds");
        page.getByLabel("What it does").selectOption("ACCEPT_SMALL_REFUND");
        button(page, "Add rule").click();
        refusedAt(page, "maxAmount", "Enter an amount from ¥0.01 to ¥100,000.00.");
        assertThat(page.getByLabel("Name")).hasValue("Small refunds");

        page.getByLabel("Up to (¥)").fill("30");
        button(page, "Add rule").click();
        Locator rule = page.locator(".rule-row").filter(new Locator.FilterOptions().setHasText("Small refunds"));
        assertThat(rule.locator(".rule-what")).hasText("Accepts refund-only claims up to ¥30.00 from buyers whose standing is normal.");
        assertThat(rule.locator(".rule-fired")).hasText("Not fired yet");

        long id = smallRefund();
        page.reload();
        assertThat(rule.locator(".rule-fired")).hasText(Pattern.compile("Fired once, last .*"));
        page.navigate("/seller/claims/" + id);
        Locator step = page.locator(".claim-timeline li").filter(new Locator.FilterOptions()
                .setHasText("Accepted by the shop's rule"));
        assertThat(step).containsText("Small refunds");
        assertThat(step).containsText("¥25.00 ≤ ¥30.00");

        page.navigate("/seller/rules");
        rule.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Switch off")).click();
        assertThat(rule.locator(".rule-state")).hasText("Off");
        long later = smallRefund();
        page.navigate("/seller/claims/" + later);
        assertThat(page.locator(".claim-timeline li").filter(new Locator.FilterOptions()
                .setHasText("Accepted by the shop's rule"))).hasCount(0);
    }

    @Test
    void onAPhoneTheRulesFitTheScreen(Page page) {
        page.setViewportSize(390, 844);
        logIn(page, world.seller());
        page.navigate("/seller/rules");
        page.getByLabel("Name").fill("Greeting");
        page.getByLabel("What it does").selectOption("REPLY");
        page.getByLabel("Saved reply").fill("Hello {buyer}, we are on {claim}.");
        button(page, "Add rule").click();
        assertThat(page.locator(".rule-row")).hasCount(1);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isZero();
        var button = page.locator(".rule-row button").boundingBox();
        org.assertj.core.api.Assertions.assertThat(button.x + button.width).isLessThanOrEqualTo(390);
    }
}
