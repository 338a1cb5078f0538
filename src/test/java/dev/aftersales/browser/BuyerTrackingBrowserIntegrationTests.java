package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** A buyer signs in and follows their parcel on the order page. */
class BuyerTrackingBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    MutableClock clock;

    @Test
    void buyerReadsTheTrackingTimelineAndTheMeasuredWeight(Page page) {
        clock.reset();
        World world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);
        String tracking = fixtures.ship(order);
        Instant now = clock.instant();
        shipping.recordEvent(tracking, new ScanReport("pick-" + tracking, now.minus(Duration.ofHours(3)),
                TrackingEventKind.PICKED_UP, "Hangzhou Xihu depot", "Collected from the shop", 2_140));
        shipping.recordEvent(tracking, new ScanReport("transit-" + tracking, now.minus(Duration.ofHours(2)),
                TrackingEventKind.IN_TRANSIT, "Shanghai hub", "Left the sorting centre", null));
        shipping.recordEvent(tracking, new ScanReport("out-" + tracking, now.minus(Duration.ofHours(1)),
                TrackingEventKind.OUT_FOR_DELIVERY, "Pudong station", null, null));

        logIn(page, world.buyer());
        page.getByText(order.orderNumber()).click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/buyer/orders/" + order.id() + "$"));
        assertThat(page.locator("h1")).containsText(order.orderNumber());
        Locator parcel = page.locator("#parcels .parcel");
        assertThat(parcel).hasCount(1);
        assertThat(parcel.locator(".tracking-number")).hasText(tracking);
        assertThat(parcel.locator(".shipment-status")).hasText("In transit");
        assertThat(parcel.locator(".measured-weight"))
                .hasText("Carrier weighed 2,140 g (goods of the order weigh 2,000 g)");

        Locator scans = parcel.getByRole(com.microsoft.playwright.options.AriaRole.LIST,
                new Locator.GetByRoleOptions().setName("Tracking timeline")).locator("li.scan");
        assertThat(scans).hasCount(3);
        // newest first, as a tracking timeline reads
        assertThat(scans.nth(0)).containsText("Out for delivery");
        assertThat(scans.nth(0)).containsText("Pudong station");
        assertThat(scans.nth(1)).containsText("In transit");
        assertThat(scans.nth(1)).containsText("Shanghai hub");
        assertThat(scans.nth(1)).containsText("Left the sorting centre");
        assertThat(scans.nth(2)).containsText("Picked up");
        assertThat(scans.nth(2)).containsText("Hangzhou Xihu depot");
        assertThat(scans.nth(2)).containsText("Collected from the shop");
        assertThat(scans.nth(2)).containsText("(2,140 g)");
    }
}
