package dev.aftersales.shipping.api;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** Parcels and carrier scans as the storefront and carriers report them. */
@AftersalesIntegrationTest
class ShipmentApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    World world;
    OrderDetails order;
    String key;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        key = apiClients.create(Fixtures.unique("carrier-")).key();
    }

    ResultActions register(String orderNumber, String carrier, String tracking) throws Exception {
        return mvc.perform(post("/api/v1/shipments").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"orderNumber\":\"%s\",\"carrier\":\"%s\",\"trackingNumber\":\"%s\"}"
                        .formatted(orderNumber, carrier, tracking)));
    }

    ResultActions scan(String tracking, String body) throws Exception {
        return mvc.perform(post("/api/v1/shipments/" + tracking + "/events").header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    String at(Duration ago) {
        return clock.instant().minus(ago).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void aParcelIsRecordedOnceAndAwaitsPickup() throws Exception {
        String tracking = Fixtures.trackingNumber();
        register(order.orderNumber(), "SF", tracking).andExpect(status().isCreated())
                .andExpect(jsonPath("$.trackingNumber").value(tracking))
                .andExpect(jsonPath("$.carrier").value("SF"))
                .andExpect(jsonPath("$.status").value("AWAITING_PICKUP"));
        register(order.orderNumber(), "SF", tracking).andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingNumber").value(tracking));
        org.assertj.core.api.Assertions.assertThat(fixtures.reload(order).status().name()).isEqualTo("SHIPPED");
    }

    @Test
    void aTrackingNumberThatDoesNotFitTheCarrierIs422NamingTheField() throws Exception {
        register(order.orderNumber(), "SF", "SF12345").andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("trackingNumber")));
        register(order.orderNumber(), "YTO", Fixtures.trackingNumber()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("trackingNumber")));
        register(order.orderNumber(), "SF", "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("trackingNumber")));
        register(order.orderNumber(), "DHL", Fixtures.trackingNumber()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("carrier"));
        org.assertj.core.api.Assertions.assertThat(fixtures.reload(order).status().name())
                .isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void aTrackingNumberUsedOnAnotherOrderIsRefused() throws Exception {
        String tracking = Fixtures.trackingNumber();
        register(order.orderNumber(), "SF", tracking).andExpect(status().isCreated());
        OrderDetails other = fixtures.paidOrder(world);
        register(other.orderNumber(), "SF", tracking).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("trackingNumber")));
        org.assertj.core.api.Assertions.assertThat(fixtures.reload(other).status().name())
                .isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void anOrderKeepsItsOneParcelAndADeliveredOrderTakesNoOther() throws Exception {
        String tracking = Fixtures.trackingNumber();
        register(order.orderNumber(), "SF", tracking).andExpect(status().isCreated());
        register(order.orderNumber(), "SF", Fixtures.trackingNumber()).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("order-already-shipped"))
                .andExpect(jsonPath("$.errors[0].field").value("orderNumber"));
        fixtures.deliverLeg(tracking);
        org.assertj.core.api.Assertions.assertThat(fixtures.reload(order).status().name()).isEqualTo("DELIVERED");
        register(order.orderNumber(), "SF", Fixtures.trackingNumber()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("order-delivered"));
        // the parcel it was delivered with, reported again, is still recognised
        register(order.orderNumber(), "SF", tracking).andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from shipments where order_id = ?", Integer.class, order.id())).isEqualTo(1);
    }

    @Test
    void anUnknownOrderOrParcelIs404() throws Exception {
        register(Fixtures.unique("SO"), "SF", Fixtures.trackingNumber()).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("orderNumber"));
        scan(Fixtures.trackingNumber(), "{\"occurredAt\":\"%s\",\"kind\":\"PICKED_UP\"}".formatted(at(Duration.ZERO)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
    }

    @Test
    void theSameScanTwiceIsRecordedOnceAndTheMeasuredWeightIsKept() throws Exception {
        String tracking = Fixtures.trackingNumber();
        register(order.orderNumber(), "SF", tracking).andExpect(status().isCreated());
        String pickedUp = "{\"eventId\":\"e-1\",\"occurredAt\":\"%s\",\"kind\":\"PICKED_UP\",\"location\":\"Hangzhou\","
                + "\"weightGrams\":2150}";
        pickedUp = pickedUp.formatted(at(Duration.ofHours(2)));
        scan(tracking, pickedUp).andExpect(status().isCreated())
                .andExpect(jsonPath("$.events.length()").value(1))
                .andExpect(jsonPath("$.measuredWeightGrams").value(2150))
                .andExpect(jsonPath("$.status").value("IN_TRANSIT"));
        scan(tracking, pickedUp).andExpect(status().isOk()).andExpect(jsonPath("$.events.length()").value(1));
        // without an event id, the same time, kind and location is the same scan
        String hub = "{\"occurredAt\":\"%s\",\"kind\":\"IN_TRANSIT\",\"location\":\"Shanghai hub\"}"
                .formatted(at(Duration.ofHours(1)));
        scan(tracking, hub).andExpect(status().isCreated()).andExpect(jsonPath("$.events.length()").value(2));
        scan(tracking, hub).andExpect(status().isOk()).andExpect(jsonPath("$.events.length()").value(2));
        scan(tracking, "{\"occurredAt\":\"%s\",\"kind\":\"DELIVERED\",\"location\":\"Locker\"}"
                .formatted(at(Duration.ZERO)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.deliveredAt").isNotEmpty())
                .andExpect(jsonPath("$.measuredWeightGrams").value(2150))
                .andExpect(jsonPath("$.events.length()").value(3));
        org.assertj.core.api.Assertions.assertThat(fixtures.reload(order).status().name()).isEqualTo("DELIVERED");
    }

    @Test
    void aParcelWithoutScansForTheStallPeriodShowsAsStalled() throws Exception {
        String tracking = Fixtures.trackingNumber();
        register(order.orderNumber(), "SF", tracking).andExpect(status().isCreated());
        scan(tracking, "{\"occurredAt\":\"%s\",\"kind\":\"PICKED_UP\"}".formatted(at(Duration.ZERO)))
                .andExpect(jsonPath("$.status").value("IN_TRANSIT"));
        clock.advance(Duration.ofHours(73));
        scan(tracking, "{\"occurredAt\":\"%s\",\"kind\":\"PICKED_UP\"}".formatted(at(Duration.ofHours(73))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STALLED"));
    }

    @Test
    void invalidScansAre422Or400() throws Exception {
        String tracking = Fixtures.trackingNumber();
        register(order.orderNumber(), "SF", tracking).andExpect(status().isCreated());
        scan(tracking, "{\"kind\":\"PICKED_UP\",\"weightGrams\":-3}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("weightGrams")));
        scan(tracking, "{\"occurredAt\":\"yesterday\",\"kind\":\"PICKED_UP\"}").andExpect(status().isBadRequest());
        scan(tracking, "not json").andExpect(status().isBadRequest());
    }

    @Test
    void withoutAValidKeyTheCallIs401() throws Exception {
        mvc.perform(post("/api/v1/shipments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orderNumber\":\"%s\",\"carrier\":\"SF\",\"trackingNumber\":\"%s\"}"
                        .formatted(order.orderNumber(), Fixtures.trackingNumber())))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", "demo-wrong-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"orderNumber\":\"%s\",\"carrier\":\"SF\",\"trackingNumber\":\"%s\"}"
                        .formatted(order.orderNumber(), Fixtures.trackingNumber())))
                .andExpect(status().isUnauthorized());
    }
}
