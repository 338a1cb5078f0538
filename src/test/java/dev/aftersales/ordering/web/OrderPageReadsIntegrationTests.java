package dev.aftersales.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The buyer's order page reads the order's parcels and its products once, however many of its sections show them:
 * the watchers' note on a stalled parcel, the parcels with their scans, and "Apply for after-sales" (which claim types
 * the parcels and the products allow) share one read of each.
 */
@AftersalesIntegrationTest
class OrderPageReadsIntegrationTests {

    static final Pattern SHIPMENTS = Pattern.compile("\\bfrom shipments\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern PRODUCTS = Pattern.compile("\\bfrom products\\b", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    /** The SQL of the buyer's order page, after a first request that warms caches up; the page shows {@code texts}. */
    List<String> statements(List<String> texts) throws Exception {
        MockHttpServletRequestBuilder page = get("/buyer/orders/{id}", order.id()).locale(Locale.ENGLISH)
                .header("Accept-Language", "en").with(FormLogin.signIn(mvc, world.buyer()));
        mvc.perform(page).andExpect(status().isOk());
        return SqlStatementCounter.statements(() -> {
            var result = mvc.perform(page).andExpect(status().isOk());
            for (String text : texts) {
                result.andExpect(content().string(containsString(text)));
            }
            return null;
        });
    }

    static long reading(List<String> statements, Pattern table) {
        return statements.stream().filter(sql -> table.matcher(sql).find()).count();
    }

    @Test
    void aDeliveredOrdersPageReadsItsParcelsOnce() throws Exception {
        String tracking = fixtures.deliver(order, 2_000);

        List<String> sql = statements(List.of(tracking, "Apply for after-sales",
                "/buyer/orders/" + order.id() + "/claims/new?type=MISSING_ITEM"));

        assertThat(reading(sql, SHIPMENTS)).as("statements reading the parcels in %s", sql).isEqualTo(1);
        assertThat(reading(sql, PRODUCTS)).as("statements reading the products in %s", sql).isEqualTo(1);
    }

    @Test
    void aStalledParcelsPageReadsItsParcelsAndProductsOnce() throws Exception {
        String tracking = fixtures.ship(order);
        shipping.recordEvent(tracking, new ScanReport(null, clock.instant(), TrackingEventKind.PICKED_UP, "Hangzhou",
                null, 2_100));
        clock.advance(Duration.ofHours(73));

        List<String> sql = statements(List.of("Tracking number " + tracking + " has not moved since",
                "Report the parcel not received", "Apply for after-sales"));

        assertThat(reading(sql, SHIPMENTS)).as("statements reading the parcels in %s", sql).isEqualTo(1);
        assertThat(reading(sql, PRODUCTS)).as("statements reading the products in %s", sql).isEqualTo(1);
    }
}
