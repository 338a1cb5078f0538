package dev.aftersales.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;

/** An order list sums up each whole order, not its first line. */
@AftersalesIntegrationTest
class OrderListPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;

    @Test
    void eachRowNamesEveryLineWithItsQuantityAndCountsTheLinesItDoesNotName() throws Exception {
        clock.reset();
        World world = fixtures.world();
        OrderDetails two = fixtures.paidOrder(world);
        OrderDetails three = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3000, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null), new StorefrontOrder.Line("C", null, 4, 990, null)),
                clock.instant().minusSeconds(60));

        Document seller = page("/seller/orders?filter=all", FormLogin.signIn(mvc, world.seller()));
        assertThat(row(seller, two)).isEqualTo("Apple box ×2, Bamboo board ×1");
        assertThat(row(seller, three)).isEqualTo("Apple box ×2, Bamboo board ×1 and 1 more line");

        Document buyer = page("/buyer/orders", FormLogin.signIn(mvc, world.buyer()));
        assertThat(buyer.select(".order-row:contains(" + two.orderNumber() + ") .order-items").text())
                .isEqualTo("Apple box ×2, Bamboo board ×1");
    }

    Document page(String url, org.springframework.test.web.servlet.request.RequestPostProcessor me) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).header("Accept-Language", "en").with(me)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    static String row(Document page, OrderDetails order) {
        return page.select("tr.order-row:contains(" + order.orderNumber() + ") .order-items").text();
    }
}
