package dev.aftersales.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The order lists run the same number of SQL statements however many rows they show: a list with 3N rows costs
 * what a list with N rows costs (no query per row).
 */
@AftersalesIntegrationTest
class OrderListStatementCountIntegrationTests {

    static final int N = 3;

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    World few;
    World many;
    List<OrderDetails> fewOrders;
    List<OrderDetails> manyOrders;

    @BeforeEach
    void setUp() {
        few = fixtures.freshWorld();
        many = fixtures.world();
        fewOrders = orders(few, N);
        manyOrders = orders(many, 3 * N);
    }

    /** Orders in every shipping state: awaiting shipment, shipped, delivered. */
    List<OrderDetails> orders(World world, int count) {
        List<OrderDetails> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OrderDetails order = fixtures.paidOrder(world);
            switch (i % 3) {
                case 1 -> fixtures.ship(order);
                case 2 -> fixtures.deliver(order, 2_000);
                default -> {
                }
            }
            orders.add(order);
        }
        return orders;
    }

    RequestPostProcessor signIn(UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    /**
     * Statements for the page, after a first request that warms caches up: the fewer of two counted requests, so that
     * a one-off write of the request's surroundings (the stored session, a lazily created token) does not count as
     * the page's own. A query per row still shows, in both counts.
     */
    int statements(MockHttpServletRequestBuilder page, List<OrderDetails> expected) throws Exception {
        mvc.perform(page).andExpect(status().isOk());
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            int count = SqlStatementCounter.count(() -> {
                var result = mvc.perform(page).andExpect(status().isOk());
                for (OrderDetails order : expected) {
                    result.andExpect(content().string(containsString(order.orderNumber())));
                }
                return null;
            });
            assertThat(count).as("statements are counted").isPositive();
            fewest = Math.min(fewest, count);
        }
        return fewest;
    }

    @Test
    void theBuyersOrderListDoesNotQueryPerRow() throws Exception {
        int small = statements(get("/buyer/orders").with(signIn(few.buyer())), fewOrders);
        int large = statements(get("/buyer/orders").with(signIn(many.buyer())), manyOrders);
        assertThat(large).as("statements for %d rows against %d for %d rows", 3 * N, small, N).isEqualTo(small);
    }

    @Test
    void theSellersOrderListDoesNotQueryPerRow() throws Exception {
        int small = statements(get("/seller/orders").param("filter", "all").with(signIn(few.seller())), fewOrders);
        int large = statements(get("/seller/orders").param("filter", "all").with(signIn(many.seller())),
                manyOrders);
        assertThat(large).as("statements for %d rows against %d for %d rows", 3 * N, small, N).isEqualTo(small);
        int smallToShip = statements(get("/seller/orders").with(signIn(few.seller())), List.of(fewOrders.get(0)));
        int largeToShip = statements(get("/seller/orders").with(signIn(many.seller())), List.of(manyOrders.get(0)));
        assertThat(largeToShip).isEqualTo(smallToShip);
    }

    @Test
    void theAgentsSearchDoesNotQueryPerRow() throws Exception {
        RequestPostProcessor agent = signIn(fixtures.account(Role.AGENT, null));
        int small = statements(get("/agent/orders").param("q", few.buyer().username()).with(agent), fewOrders);
        int large = statements(get("/agent/orders").param("q", many.buyer().username()).with(agent), manyOrders);
        assertThat(large).as("statements for %d rows against %d for %d rows", 3 * N, small, N).isEqualTo(small);
    }
}
