package dev.aftersales.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.QueryPlans;
import dev.aftersales.support.ShopHistory;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The agent queue's risk column and the seller's scorecard page cost the same number of SQL statements for a shop with
 * 10 claims and one with 200, and the scorecard's query reads the daily counters and the read models by index.
 */
@AftersalesIntegrationTest
class ScorecardStatementCountIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    RiskManagement risk;
    @Autowired
    ScorecardCache cards;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    ShopHistory shopHistory;

    World small;
    World large;
    UserAccount agent;

    @BeforeEach
    void setUp() {
        small = fixtures.freshWorld();
        large = fixtures.freshWorld();
        agent = fixtures.account(Role.AGENT, null);
        escalated(small);
        escalated(large);
        history(small, 9);
        history(large, 199);
    }

    /** A claim the buyer escalated after the seller rejected it: on the agent queue. */
    void escalated(World world) {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_500);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"),
                world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "the parcel was light");
    }

    /** More orders and claims of the shop over the last 80 days in risk's read models, with their counters. */
    void history(World world, int count) {
        long shop = world.shop().id();
        shopHistory.risk(world, count);
        cards.forget(shop);
        assertThat(risk.scorecard(shop).last90().claims()).as("claims of the shop").isEqualTo(count + 1);
    }

    /**
     * Statements for the page with the shop's scorecard computed afresh (not kept from an earlier request), after a
     * first request that warms the rest up: the fewer of two counted requests.
     */
    int statements(String url, World world, RequestPostProcessor signIn) throws Exception {
        mvc.perform(get(url).with(signIn)).andExpect(status().isOk());
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            cards.forget(world.shop().id());
            int count = SqlStatementCounter.count(() -> mvc.perform(get(url).with(signIn)).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(world.shop().name()))));
            assertThat(count).as("statements are counted").isPositive();
            fewest = Math.min(fewest, count);
        }
        return fewest;
    }

    @Test
    void theQueuesRiskColumnCostsTheSameForAShopOfTenClaimsAndOneOfTwoHundred() throws Exception {
        RequestPostProcessor signIn = FormLogin.signIn(mvc, agent);
        int few = statements("/agent/queue?shop=" + small.shop().id(), small, signIn);
        int many = statements("/agent/queue?shop=" + large.shop().id(), large, signIn);
        assertThat(many).as("statements for a shop of 200 claims against %d for 10", few).isEqualTo(few);
    }

    @Test
    void theSellersScorecardPageCostsTheSameForAShopOfTenClaimsAndOneOfTwoHundred() throws Exception {
        int few = statements("/seller/scorecard", small, FormLogin.signIn(mvc, small.seller()));
        int many = statements("/seller/scorecard", large, FormLogin.signIn(mvc, large.seller()));
        assertThat(many).as("statements for a shop of 200 claims against %d for 10", few).isEqualTo(few);
        assertThat(risk.scorecard(large.shop().id()).last90().claims()).isEqualTo(200);
    }

    @Test
    void theScorecardsQueryReadsTheCountersAndTheReadModelsByIndex() {
        Instant now = clock.instant();
        QueryPlans.onBulkData(transactions, jdbcClient, small.shop().id(), small.buyer().id(), plans -> {
            // 200 shops with 200 orders and 100 claims each over 120 days, a decision on every fifth claim, their
            // counters, some fake tracking
            jdbc.update("""
                    insert into risk_orders (order_id, shop_id, buyer_id, paid_at, ship_by, shipped_at, cancelled_at,
                                             cancellation_reason)
                    select -900000000 - g, -7000 - g % 200, 1, now() - (g % 2880) * interval '1 hour',
                           now() - (g % 2880) * interval '1 hour' + interval '2 days',
                           case when g % 10 <> 0 then now() - (g % 2880) * interval '1 hour' + interval '1 day' end,
                           case when g % 50 = 0 then now() - (g % 2880) * interval '1 hour' end,
                           case when g % 50 = 0 then 'OUT_OF_STOCK' end
                    from generate_series(1, 40000) g""");
            jdbc.update("""
                    insert into risk_claims (claim_id, order_id, shop_id, buyer_id, type, status, filed_at,
                                             filed_by_buyer, first_answer_at, first_answer_role, first_answer_action,
                                             escalated)
                    select -900000000 - g, -900000000 - g * 2, -7000 - g % 200, 1,
                           (array['MISSING_ITEM', 'REFUND_ONLY', 'NO_TRACKING', 'DELISTED'])[1 + g % 4], 'CLOSED',
                           now() - (g % 2880) * interval '1 hour', g % 4 < 2,
                           now() - (g % 2880) * interval '1 hour' + interval '5 hours', 'SELLER', 'ACCEPTED', g % 3 = 0
                    from generate_series(1, 20000) g""");
            jdbc.update("""
                    insert into risk_decisions (claim_id, appeal, shop_id, buyer_id, seller_at_fault, decided_at)
                    select -900000000 - g, false, -7000 - g % 200, 1, true, now() - (g % 2880) * interval '1 hour'
                    from generate_series(1, 20000) g where g % 5 = 0""");
            jdbc.update("""
                    insert into risk_shop_incidents (shop_id, kind, order_id, occurred_at)
                    select -7000 - g % 200, 'FAKE_TRACKING', -900000000 - g, now() - (g % 2880) * interval '1 hour'
                    from generate_series(1, 2000) g""");
            jdbc.update("insert into risk_shop_daily (shop_id, day, " + String.join(", ", Scorecards.Counts.COLUMNS)
                    + ") select shop_id, (at at time zone 'UTC')::date, " + String.join(", ", Scorecards.Counts.COLUMNS
                            .stream().map(c -> "sum(" + c + ")").toList())
                    + " from risk_shop_contributions where shop_id < -7000 group by 1, 2");
            jdbc.execute("analyze risk_orders, risk_claims, risk_decisions, risk_shop_incidents, risk_shop_daily");

            var plan = plans.explain(RiskReadModel.talliesQuery(List.of(-7001L, -7002L, -7003L)),
                    RiskReadModel.talliesParameters(now.minus(Duration.ofDays(1))));
            assertThat(plan.seqScanned()).as(plan.json()).isEmpty();
            assertThat(plan.indexes()).as(plan.json()).contains("risk_shop_daily_pkey", "risk_claims_answered_idx",
                    "risk_orders_unshipped_idx", "risk_orders_shop_idx", "risk_claims_shop_idx");
        });
    }
}
