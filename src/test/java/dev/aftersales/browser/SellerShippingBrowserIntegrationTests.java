package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/** A seller ships an order from the orders list, with the tracking number checked on the form. */
class SellerShippingBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    private void openShipForm(Page page) {
        logIn(page, world.seller());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orders").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Orders");
        Locator row = page.locator("tr.order-row").filter(new Locator.FilterOptions().setHasText(order.orderNumber()));
        assertThat(row).containsText("Awaiting shipment");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ship").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Ship order " + order.orderNumber());
    }

    private static void submit(Page page, String carrier, String trackingNumber) {
        page.getByLabel("Carrier").selectOption(carrier);
        page.getByLabel("Tracking number").fill(trackingNumber);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record shipment")).click();
    }

    @Test
    void aNumberOfTheWrongShapeIsExplainedNextToTheFieldAndAGoodOneShipsTheOrder(Page page) {
        openShipForm(page);

        submit(page, "SF", "SF12345");
        Locator error = page.locator("#trackingNumber-error");
        assertThat(error).isVisible();
        assertThat(error).hasText("This is not a SF Express tracking number. It looks like SF1234567890123.");
        assertThat(page.getByLabel("Tracking number")).hasValue("SF12345");
        assertThat(page.getByLabel("Carrier")).hasValue("SF");

        String tracking = Fixtures.trackingNumber();
        String asTyped = tracking.toLowerCase().substring(0, 6) + " " + tracking.substring(6, 10) + "-"
                + tracking.substring(10);
        submit(page, "SF", asTyped);

        assertThat(page).hasURL(Pattern.compile(".*/seller/orders/" + order.id() + "$"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Shipped with")))
                .hasText("Shipped with tracking number " + tracking + ".");
        assertThat(page.locator("h1 + .badge, h1 ~ .badge").first()).hasText("Shipped");
        assertThat(page.locator("#parcels .parcel .tracking-number")).hasText(tracking);
        assertThat(page.locator("#parcels .parcel .shipment-status")).hasText("Awaiting pickup");

        page.navigate("/seller/orders");
        assertThat(page.locator("tr.order-row").filter(new Locator.FilterOptions().setHasText(order.orderNumber())))
                .hasCount(0);
        page.navigate("/seller/orders?filter=all");
        Locator row = page.locator("tr.order-row").filter(new Locator.FilterOptions().setHasText(order.orderNumber()));
        assertThat(row).containsText("Shipped");
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ship").setExact(true)))
                .hasCount(0);
    }

    @Test
    void aTrackingNumberAlreadyUsedOnAnotherOrderIsRefused(Page page) {
        OrderDetails other = fixtures.paidOrder(world);
        String used = fixtures.ship(other);
        openShipForm(page);

        submit(page, "SF", used);

        Locator error = page.locator("#trackingNumber-error");
        assertThat(error).isVisible();
        assertThat(error).hasText("This tracking number is already used on another order.");
        assertThat(page.locator("h1")).hasText("Ship order " + order.orderNumber());
        assertThat(page.locator(".alert-success")).hasCount(0);

        page.navigate("/seller/orders/" + order.id());
        assertThat(page.locator("#parcels")).containsText("Not shipped yet.");
        assertThat(page.locator("#parcels .parcel")).hasCount(0);
    }
}
