package dev.aftersales.ordering.api;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** The storefront's order calls as the storefront sees them: status codes, bodies and problem details. */
@AftersalesIntegrationTest
class OrderApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    MutableClock clock;

    World world;
    String key;
    String orderNumber;
    String paidAt;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        key = apiClients.create(Fixtures.unique("storefront-")).key();
        orderNumber = Fixtures.unique("SO");
        paidAt = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String order(String number, String shopCode, String lines, long paid) {
        return """
                {"orderNumber":"%s","shopCode":"%s",
                 "buyer":{"id":"ext-%s","name":"Li Lei","phone":"13800000000"},
                 "currency":"CNY","paidAmount":%d,"shippingFee":0,"paidAt":"%s",
                 "delivery":{"recipient":"Li Lei","phone":"13800000000","address":"Test Road 1, Hangzhou"},
                 "lines":%s}""".formatted(number, shopCode, number, paid, paidAt, lines);
    }

    String twoLines() {
        return order(orderNumber, world.shop().code(),
                "[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":3000},{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":5000}]",
                11000);
    }

    ResultActions send(String body) throws Exception {
        return mvc.perform(post("/api/v1/orders").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions cancel(String number, String body) throws Exception {
        return mvc.perform(post("/api/v1/orders/" + number + "/cancellations").header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aNewOrderIsCreatedAndTheSameOrderAgainConfirmsIt() throws Exception {
        String first = send(twoLines()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.orderNumber").value(orderNumber))
                .andExpect(jsonPath("$.status").value("AWAITING_SHIPMENT"))
                .andExpect(jsonPath("$.paidAmount").value(11000))
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.shipBy").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String second = send(twoLines()).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
    }

    @Test
    void changedLinesOrPaymentAreAConflict() throws Exception {
        send(twoLines()).andExpect(status().isCreated());
        send(order(orderNumber, world.shop().code(), "[{\"sku\":\"A\",\"quantity\":3,\"unitPrice\":3000},"
                + "{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":5000}]", 14000))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(order(orderNumber, world.shop().code(), "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3000},"
                + "{\"sku\":\"B\",\"quantity\":2,\"unitPrice\":4000}]", 11000))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines")));
    }

    @Test
    void invalidValuesAre422NamingEachField() throws Exception {
        send(order("bad number!", world.shop().code(), "[]", -5))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("orderNumber")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("paidAmount")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines")));
        send(order(orderNumber, world.shop().code(), "[{\"sku\":\"A\",\"quantity\":0,\"unitPrice\":3000}]", 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].quantity")));
    }

    @Test
    void aPaidAmountThatDoesNotAddUpIs422() throws Exception {
        send(order(orderNumber, world.shop().code(), "[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":3000}]", 5000))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("paidAmount")));
    }

    @Test
    void malformedJsonOrAWrongTypeIs400() throws Exception {
        send("{\"orderNumber\": \"x\",").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(twoLines().replace("\"paidAmount\":11000", "\"paidAmount\":\"lots\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paidAmount"));
    }

    @Test
    void anUnknownShopOrSkuIs404NamingTheField() throws Exception {
        send(order(orderNumber, Fixtures.unique("noshop"), "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3000}]",
                3000))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("shopCode"));
        send(order(orderNumber, world.shop().code(), "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3000},"
                + "{\"sku\":\"NOPE\",\"quantity\":1,\"unitPrice\":100}]", 3100))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1].sku"));
    }

    @Test
    void withoutAValidKeyTheCallIs401AndRecordsNothing() throws Exception {
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(twoLines()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/orders").header("X-Api-Key", key + "x").contentType(MediaType.APPLICATION_JSON)
                .content(twoLines())).andExpect(status().isUnauthorized());
        var revoked = apiClients.create(Fixtures.unique("revoked-"));
        apiClients.revoke(revoked.client().id());
        mvc.perform(post("/api/v1/orders").header("X-Api-Key", revoked.key()).contentType(MediaType.APPLICATION_JSON)
                .content(twoLines())).andExpect(status().isUnauthorized());
        // nothing was recorded: the first valid call creates the order
        send(twoLines()).andExpect(status().isCreated());
    }

    @Test
    void anOversoldOrderIsCancelledOnceAndTheRepeatConfirmsIt() throws Exception {
        send(twoLines()).andExpect(status().isCreated());
        String body = "{\"reason\":\"OVERSOLD\",\"note\":\"sold out during a flash sale\"}";
        cancel(orderNumber, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellationReason").value("OVERSOLD"))
                .andExpect(jsonPath("$.cancelledAt").isNotEmpty());
        cancel(orderNumber, body).andExpect(status().isOk())
                .andExpect(jsonPath("$.cancellationReason").value("OVERSOLD"));
        cancel(Fixtures.unique("SO"), body).andExpect(status().isNotFound());
        cancel(orderNumber, "{\"reason\":\"BORED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aShippedOrderCannotBeCancelled() throws Exception {
        send(twoLines()).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/shipments").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"orderNumber\":\"%s\",\"carrier\":\"SF\",\"trackingNumber\":\"%s\"}"
                        .formatted(orderNumber, Fixtures.trackingNumber())))
                .andExpect(status().isCreated());
        cancel(orderNumber, "{\"reason\":\"OVERSOLD\"}").andExpect(status().isConflict());
    }
}
