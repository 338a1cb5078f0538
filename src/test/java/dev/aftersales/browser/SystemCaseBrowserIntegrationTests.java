package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * The system-opened cases in a real browser: the buyer of an oversold order sees the cancellation and the refund on
 * the order and the message in the inbox; a seller cancels a line as out of stock and the buyer takes the substitute.
 */
class SystemCaseBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
        order = fixtures.paidOrder(world);
    }

    private static void switchTo(Page page, UserAccount account) {
        page.context().clearCookies();
        logIn(page, account);
    }

    @Test
    void theBuyerOfAnOversoldOrderStillFindsItWithTheCancellationAndTheRefund(Page page) {
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "sold out in the flash sale", "STOREFRONT");

        logIn(page, world.buyer());
        page.navigate("/buyer/orders");
        Locator row = page.locator("#content").getByText(order.orderNumber());
        assertThat(row).isVisible();
        row.click();

        assertThat(page).hasURL(Pattern.compile(".*/buyer/orders/" + order.id() + "$"));
        Locator cancellation = page.locator("#platform-cancellation");
        assertThat(cancellation).containsText("Cancelled by the platform (oversold) on");
        assertThat(cancellation).containsText("refunded ¥110.00 on");
        assertThat(cancellation).containsText("You also receive ¥10.00 in compensation.");
        assertThat(page.locator("#content")).containsText("Apple box");
        assertThat(page.locator("#content")).containsText("Order cancelled");

        page.locator("#platform-cancellation a").click();
        assertThat(page.locator("#banner, .claim-banner").first()).isVisible();
        assertThat(page.locator("#content")).containsText("¥110.00");
        assertThat(page.locator("#content")).containsText("Resolved");

        page.locator("header .inbox-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
        Locator told = page.locator(".inbox-item .inbox-text").filter(new Locator.FilterOptions()
                .setHasText("Order " + order.orderNumber() + ": Cancelled by the platform (oversold)."));
        assertThat(told).hasCount(1);
        assertThat(told).containsText("¥110.00 is refunded to you.");
        told.click();
        assertThat(page).hasURL(Pattern.compile(".*/buyer/orders/" + order.id() + "$"));
    }

    @Test
    void aSellerCancelsALineAsOutOfStockAndTheBuyerTakesTheSubstitute(Page page) {
        logIn(page, world.seller());
        page.navigate("/seller/orders");
        Locator row = page.locator("tr.order-row").filter(new Locator.FilterOptions().setHasText(order.orderNumber()));
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel lines").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Cancel lines of order " + order.orderNumber());

        button(page, "Cancel these units").click();
        assertThat(page.locator("#reason-error")).isVisible();

        page.locator(".cancel-line[data-sku=B] input").fill("1");
        page.getByLabel("Out of stock").check();
        page.getByLabel("Substitute offered instead (optional)").selectOption("C");
        page.getByLabel("Note to the buyer (optional)").fill("The bamboo board sold out; a cable instead?");
        button(page, "Cancel these units").click();

        assertThat(page).hasURL(Pattern.compile(".*/seller/claims/\\d+$"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Units cancelled")))
                .isVisible();
        String claimUrl = page.url().replace("/seller/", "/buyer/");

        switchTo(page, world.buyer());
        page.navigate(claimUrl);
        assertThat(page.locator("#choose")).containsText("Refund or substitute?");
        button(page, "Take Cable (C) instead").click();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Substitute chosen")))
                .isVisible();
        assertThat(page.locator("#content")).containsText("Resolved");
        assertThat(page.locator("#content")).containsText("Chose the substitute");
        assertThat(page.locator("#choose")).hasCount(0);
    }
}
