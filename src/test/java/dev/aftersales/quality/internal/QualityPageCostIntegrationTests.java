package dev.aftersales.quality.internal;

import static dev.aftersales.support.RefundStories.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.ClaimReason;
import dev.aftersales.shared.Money;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.RefundStories;
import dev.aftersales.support.QueryPlans;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The quality page stays cheap however much the desk holds: it reads only the quality counters (never the claims,
 * orders or ledger), runs the same statements for a shop with three times the products and claims, and each of its
 * queries reads one shop's index range on a table with the counters of 200,000 claims.
 */
@AftersalesIntegrationTest
class QualityPageCostIntegrationTests {

    static final Pattern BUSINESS_TABLES = Pattern.compile(
            "\\b(from|join)\\s+(claims|claim_lines|claim_timeline|orders|order_lines|payment_movements|"
                    + "payment_movement_lines)\\b", Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    RefundStories stories;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    /** A shop with {@code n} refunded quality claims on each of its three products. */
    World shopWith(int n) {
        World world = fixtures.world();
        for (int i = 0; i < n; i++) {
            for (String sku : List.of("A", "B")) {
                var placed = stories.delivered(world, clock.instant().minusSeconds(3600), 1_300,
                        line(sku, 2, sku.equals("A") ? 3000 : 5000));
                stories.refunded(placed, ClaimReason.QUALITY, sku, 1, Money.fen(1000));
            }
            stories.delivered(world, clock.instant().minusSeconds(3600), 300, line("C", 3, 990));
        }
        return world;
    }

    List<String> pageStatements(RequestPostProcessor seller, String url) throws Exception {
        mvc.perform(get(url).with(seller)).andExpect(status().isOk());
        List<String> fewest = null;
        for (int run = 0; run < 2; run++) {
            List<String> texts = SqlStatementCounter.statements(
                    () -> mvc.perform(get(url).with(seller)).andExpect(status().isOk()));
            if (fewest == null || texts.size() < fewest.size()) {
                fewest = texts;
            }
        }
        return fewest;
    }

    @Test
    void thePageReadsOnlyTheCountersWithTheSameStatementsHoweverManyClaims() throws Exception {
        World few = shopWith(1);
        World many = shopWith(3);
        for (String url : List.of("/seller/quality", "/seller/quality?days=90", "/seller/quality?sku=A")) {
            List<String> small = pageStatements(FormLogin.signIn(mvc, few.seller()), url);
            List<String> large = pageStatements(FormLogin.signIn(mvc, many.seller()), url);
            assertThat(large).as(url + ": statements for 3 claims a product against 1").hasSameSizeAs(small);
            assertThat(large).as(url).noneMatch(sql -> BUSINESS_TABLES.matcher(sql).find());
            assertThat(large).as(url).anyMatch(sql -> sql.contains("from quality_daily"));
        }
    }

    @Test
    void eachQueryReadsOneShopsIndexRangeAmongTheCountersOf200000Claims() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            // 250 shops, 90 days, 3 SKUs, 3 reasons: 202,500 counter rows from 200,000 claims, one row per claim
            jdbc.sql("""
                    insert into quality_daily (shop_id, day, sku, reason, claims, claimed_units, refunds,
                                               refunded_units, refunded_minor)
                    select -s, current_date - d, 'SKU' || k, r, 1, 1, 1, 1, 1000
                    from generate_series(1, 250) s, generate_series(0, 89) d, generate_series(1, 3) k,
                         unnest(array['QUALITY', 'DAMAGED', 'ITEMS_MISSING']) r""").update();
            jdbc.sql("""
                    insert into quality_units_sold (shop_id, day, sku, units, orders)
                    select -s, current_date - d, 'SKU' || k, 10, 5
                    from generate_series(1, 250) s, generate_series(0, 89) d, generate_series(1, 20) k""").update();
            jdbc.sql("""
                    insert into quality_products (shop_id, sku, title)
                    select -s, 'SKU' || k, 'Bulk ' || k from generate_series(1, 250) s, generate_series(1, 20) k""")
                    .update();
            jdbc.sql("""
                    insert into quality_claims (claim_id, sku, shop_id, claim_number, type, reason, units,
                                                short_corroborated, filed_at)
                    select -g, 'SKU' || (g % 3 + 1), -(g % 250 + 1), 'Q' || g, 'REFUND_ONLY', 'QUALITY', 1, false,
                           now() - (g % 90) * interval '1 day'
                    from generate_series(1, 200000) g""").update();
            jdbc.sql("analyze quality_daily, quality_units_sold, quality_products, quality_claims").update();

            LocalDate to = LocalDate.now();
            Date from90 = Date.valueOf(to.minusDays(89));
            Date from30 = Date.valueOf(to.minusDays(29));
            Date today = Date.valueOf(to);
            long shop = -17;
            var plans = List.of(
                    QueryPlans.plan(jdbc, QualityReports.BY_SKU_AND_REASON, from30, shop, from90, today),
                    QueryPlans.plan(jdbc, QualityReports.SOLD_BY_SKU, from30, shop, from90, today),
                    QueryPlans.plan(jdbc, QualityReports.BY_DAY, shop, from90, today),
                    QueryPlans.plan(jdbc, QualityReports.SOLD_BY_DAY_AND_TITLES, shop, from90, today, shop),
                    QueryPlans.plan(jdbc, QualityReports.CLAIMS_OF, shop, "SKU1",
                            Timestamp.valueOf(to.minusDays(89).atStartOfDay())));
            for (var plan : plans) {
                assertThat(plan.seqScanned()).as(plan.json()).isEmpty();
                assertThat(plan.indexes()).as(plan.json()).isNotEmpty();
            }
            assertThat(plans.get(0).indexes()).containsOnly("quality_daily_pk");
            assertThat(plans.get(1).indexes()).containsOnly("quality_units_sold_pk");
            assertThat(plans.get(4).indexes()).containsOnly("quality_claims_shop_sku_idx");
        });
    }
}
