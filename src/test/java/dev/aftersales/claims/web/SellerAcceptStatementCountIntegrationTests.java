package dev.aftersales.claims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.ShopHistory;
import dev.aftersales.support.SqlStatementCounter;

/**
 * A seller accepting a claim costs the same number of SQL statements in a shop with 10 claims as in one with 1,000 (and
 * a buyer with as many): the request and every listener it sets off (the refund and its payment, risk's read model,
 * scorecard counters and buyer score, quality's counters, the notifications), which run on the request's thread
 * here. A statement per claim, order or counter row of the shop or the buyer would show as a difference.
 */
@AftersalesIntegrationTest
class SellerAcceptStatementCountIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ShopHistory history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World small;
    World large;
    List<Long> smallClaims;
    List<Long> largeClaims;

    @BeforeEach
    void setUp() {
        small = fixtures.freshWorld();
        large = fixtures.freshWorld();
        smallClaims = waiting(small, 3);
        largeClaims = waiting(large, 3);
        history.risk(small, 7);
        history.quality(small, 7);
        history.risk(large, 997);
        history.quality(large, 997);
    }

    /** Delivered orders of 2 × A, each with a refund-only claim on one unit waiting for the seller. */
    List<Long> waiting(World world, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OrderDetails order = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3500, null)),
                    clock.instant().minusSeconds(3600));
            fixtures.deliver(order, 2_300);
            ids.add(claims.file(ClaimFilings.refundOnly(order, "A", 1, ClaimReason.QUALITY, "the lid was cracked",
                    null), world.buyerUser()));
        }
        return ids;
    }

    /** Statements for the seller's accept of each claim after the first (which warms up): the fewer. */
    int statements(World world, List<Long> ids) throws Exception {
        RequestPostProcessor signIn = FormLogin.signIn(mvc, world.seller());
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            int count = SqlStatementCounter.count(() -> mvc.perform(post("/seller/claims/{id}/accept", id)
                    .with(signIn).with(csrf())).andExpect(redirectedUrl("/seller/claims/" + id)));
            assertThat(jdbc.queryForObject("select count(*) from payment_movements where claim_id = ? "
                    + "and kind = 'REFUND' and status = 'SUCCEEDED'", Integer.class, id))
                    .as("the accepted claim's refund was paid").isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from risk_claims where claim_id = ?", String.class, id))
                    .as("risk's copy of the claim").isNotEqualTo("AWAITING_SELLER");
            if (i > 0) {
                fewest = Math.min(fewest, count);
            }
        }
        return fewest;
    }

    @Test
    void acceptingAClaimCostsTheSameInAShopOfTenClaimsAndOneOfAThousand() throws Exception {
        int few = statements(small, smallClaims);
        int many = statements(large, largeClaims);

        assertThat(few).as("statements are counted").isPositive();
        assertThat(many).as("statements for an accept in a shop of 1,000 claims against %d in one of 10", few)
                .isEqualTo(few);
        assertThat(jdbc.queryForObject("select count(*) from risk_claims where shop_id = ?", Integer.class,
                large.shop().id())).isEqualTo(1_000);
    }
}
