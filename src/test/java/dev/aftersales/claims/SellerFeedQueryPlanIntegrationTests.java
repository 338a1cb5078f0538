package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.QueryPlans;

/**
 * The seller API's feed reads a shop's claims through the (shop, change time, id) index, from the cursor on, whether
 * it filters by status or not: its cost does not grow with the shop's claims before the cursor.
 */
@AftersalesIntegrationTest
class SellerFeedQueryPlanIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFeedIsReadFromTheShopsChangeIndex() {
        var world = fixtures.world();
        QueryPlans.onBulkData(transactions, jdbc, world.shop().id(), world.buyer().id(), plans -> {
            for (boolean anyStatus : new boolean[] { true, false }) {
                var feed = plans.explain(ClaimRepository.FEED, Map.of("shopId", world.shop().id(),
                        "afterAt", Timestamp.from(Instant.now().minusSeconds(3600)), "afterId", 0L,
                        "until", Timestamp.from(Instant.now()), "anyStatus", anyStatus,
                        "statuses", List.of("AWAITING_SELLER"), "limit", 101));
                assertThat(feed.seqScanned()).as(feed.json()).isEmpty();
                assertThat(feed.indexes()).as(feed.json()).containsExactly("claims_shop_updated_idx");
            }
        });
    }
}
