package dev.aftersales.claims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.ShipByWatcher;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.shipping.TrackingWatch;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** The pages of the system-opened cases over HTTP: the seller's cancel-lines form, the buyer's order page. */
@AftersalesIntegrationTest
class SystemCasePagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ShipByWatcher shipBy;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    MutableClock clock;
    @Autowired
    TrackingWatch tracking;
    @Autowired
    ShippingManagement shipping;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    record Principal(CurrentUser currentUser) implements CurrentUserSource {
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(new Principal(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
    }

    static MockHttpServletRequestBuilder english(MockHttpServletRequestBuilder request) {
        return request.locale(Locale.ENGLISH).header("Accept-Language", "en");
    }

    MockHttpServletRequestBuilder cancelForm(long orderId) {
        return english(post("/seller/orders/{id}/cancel-lines", orderId)).with(csrf()).with(as(world.sellerUser()));
    }

    @Test
    void theFormListsTheLinesAndTheShopsSkus() throws Exception {
        mvc.perform(english(get("/seller/orders/{id}/cancel-lines", order.id())).with(as(world.sellerUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancel lines of order " + order.orderNumber())))
                .andExpect(content().string(containsString("2 ordered, 2 can be cancelled, ¥30.00 each")))
                .andExpect(content().string(containsString("Cable (C)")))
                .andExpect(content().string(containsString("¥5.00 in compensation")));
    }

    @Test
    void withoutReasonOrUnitsTheFormComesBackWithTheErrorsByTheFields() throws Exception {
        mvc.perform(cancelForm(order.id()).param("units[" + Fixtures.lineId(order, "A") + "]", "1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("Choose or fill in a value.")));
        mvc.perform(cancelForm(order.id()).param("reason", "OUT_OF_STOCK"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Enter the units to cancel.")));
        mvc.perform(cancelForm(order.id()).param("reason", "OUT_OF_STOCK")
                .param("units[" + Fixtures.lineId(order, "A") + "]", "5"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("At most 2 units of Apple box can be cancelled.")));
        mvc.perform(cancelForm(order.id()).param("reason", "OUT_OF_STOCK").param("substituteSku", "NOPE")
                .param("units[" + Fixtures.lineId(order, "A") + "]", "1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Choose a SKU of your shop&#39;s catalog.")));
        assertThat(claims.claimsOfOrder(order.id())).isEmpty();
    }

    @Test
    void aValidCancellationOpensTheCaseAndTheBuyerSeesTheChoice() throws Exception {
        mvc.perform(cancelForm(order.id()).param("reason", "OUT_OF_STOCK").param("substituteSku", "C")
                .param("note", "warehouse empty").param("units[" + Fixtures.lineId(order, "B") + "]", "1"))
                .andExpect(redirectedUrlPattern("/seller/claims/*"));
        var opened = claims.claimsOfOrder(order.id());
        assertThat(opened).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ClaimType.DELISTED);
            assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_BUYER_CHOICE);
        });
        mvc.perform(english(get("/buyer/claims/{id}", opened.get(0).id())).with(as(world.buyerUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Refund ¥50.00")))
                .andExpect(content().string(containsString("Take Cable (C) instead")));
    }

    @Test
    void anotherShopsOrderIsNotFound() throws Exception {
        World other = fixtures.world();
        mvc.perform(english(get("/seller/orders/{id}/cancel-lines", order.id())).with(as(other.sellerUser())))
                .andExpect(status().isNotFound());
        mvc.perform(english(post("/seller/orders/{id}/cancel-lines", order.id())).with(csrf())
                .with(as(other.sellerUser())).param("reason", "OUT_OF_STOCK")
                .param("units[" + Fixtures.lineId(order, "A") + "]", "1"))
                .andExpect(status().isNotFound());
        assertThat(claims.claimsOfOrder(order.id())).isEmpty();
    }

    @Test
    void aShippedOrderOffersNoCancellation() throws Exception {
        fixtures.ship(order);
        mvc.perform(english(get("/seller/orders/{id}/cancel-lines", order.id())).with(as(world.sellerUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only a paid order that has not shipped")))
                .andExpect(content().string(not(containsString("Cancel these units"))));
    }

    @Test
    void theBuyersOrderPageOffersMissingTrackingOnlyAfterShipBy() throws Exception {
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Report missing tracking"))));
        clock.advance(Duration.ofHours(48));
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(content().string(containsString("Report missing tracking")));
        mvc.perform(english(post("/buyer/orders/{id}/no-tracking", order.id())).with(csrf())
                .with(as(world.buyerUser()))).andExpect(redirectedUrlPattern("/buyer/claims/*"));
        assertThat(claims.claimsOfOrder(order.id())).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(ClaimType.NO_TRACKING));
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(content().string(not(containsString("Report missing tracking"))));
    }

    @Test
    void theSellerSuppliesTrackingOnTheCasePageAndABadNumberIsRefused() throws Exception {
        clock.advance(Duration.ofHours(49));
        shipBy.runDue();
        long id = claims.claimsOfOrder(order.id()).get(0).id();
        mvc.perform(english(get("/seller/claims/{id}", id)).with(as(world.sellerUser())))
                .andExpect(content().string(containsString("Supply tracking")));
        mvc.perform(english(post("/seller/claims/{id}/tracking", id)).with(csrf()).with(as(world.sellerUser()))
                .param("carrier", "SF").param("trackingNumber", "12345"))
                .andExpect(redirectedUrlPattern("/seller/claims/*"));
        assertThat(claims.claimsOfOrder(order.id()).get(0).status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
        mvc.perform(english(post("/seller/claims/{id}/tracking", id)).with(csrf()).with(as(world.sellerUser()))
                .param("carrier", "SF").param("trackingNumber", Fixtures.trackingNumber()))
                .andExpect(redirectedUrlPattern("/seller/claims/*"));
        assertThat(claims.claimsOfOrder(order.id()).get(0).status()).isEqualTo(ClaimStatus.RESOLVED);
    }

    @Test
    void theOversoldApiCallLeavesTheOrderInTheBuyersListWithItsHistoryLine() throws Exception {
        String key = apiClients.create(Fixtures.unique("storefront-")).key();
        mvc.perform(post("/api/v1/orders/{n}/cancellations", order.orderNumber()).header("X-Api-Key", key)
                .contentType("application/json").content("{\"reason\":\"OVERSOLD\",\"note\":\"flash sale\"}"))
                .andExpect(status().isCreated());
        mvc.perform(english(get("/buyer/orders")).with(as(world.buyerUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(order.orderNumber())));
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancelled by the platform (oversold) on")))
                .andExpect(content().string(containsString("refunded ¥110.00 on")))
                .andExpect(content().string(containsString("You also receive ¥10.00 in compensation.")));
    }

    @Test
    void aStalledParcelIsNamedOnTheOrderWithTheNotReceivedOffer() throws Exception {
        String number = fixtures.ship(order);
        shipping.recordEvent(number, new ScanReport(null, clock.instant(), TrackingEventKind.PICKED_UP, "Hangzhou",
                null, 2100));
        clock.advance(Duration.ofHours(71));
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(content().string(not(containsString("has not moved since"))));
        clock.advance(Duration.ofHours(2));
        tracking.noticeStalls();
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(content().string(containsString("Tracking number " + number + " has not moved since")))
                .andExpect(content().string(containsString("Report the parcel not received")))
                .andExpect(content().string(containsString(
                        "/buyer/orders/" + order.id() + "/claims/new?type=NOT_RECEIVED")));
        mvc.perform(english(get("/seller/orders/{id}", order.id())).with(as(world.sellerUser())))
                .andExpect(content().string(containsString("has not moved since")))
                .andExpect(content().string(not(containsString("Report the parcel not received"))));
    }

    @Test
    void aFakeTrackingFlagShowsOnTheOrderForBuyerAndSeller() throws Exception {
        String number = fixtures.ship(order);
        clock.advance(Duration.ofHours(25));
        tracking.flagScanless();
        for (CurrentUser viewer : List.of(world.buyerUser(), world.sellerUser())) {
            String base = viewer.equals(world.buyerUser()) ? "/buyer/orders/{id}" : "/seller/orders/{id}";
            mvc.perform(english(get(base, order.id())).with(as(viewer)))
                    .andExpect(content().string(containsString("Tracking number " + number + ", entered")))
                    .andExpect(content().string(containsString("had no carrier scan within 24 h")));
        }
    }
}
