package dev.aftersales.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.QueryPlans;

/** The late-unshipped listing behind the ship-by watcher reads ordering's partial index, not the orders table. */
@AftersalesIntegrationTest
class ShipByLapsesQueryPlanIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void lateUnshippedOrdersAreListedFromTheirPartialIndex() {
        var world = fixtures.world();
        QueryPlans.onBulkData(transactions, jdbc, world.shop().id(), world.buyer().id(), plans -> {
            Timestamp now = Timestamp.from(Instant.now());
            var first = plans.explain(ShipByLapses.LATE_UNSHIPPED, now, Timestamp.from(Instant.EPOCH), 0L, 500);
            assertThat(first.seqScanned()).as(first.json()).isEmpty();
            assertThat(first.indexes()).as(first.json()).containsExactly("orders_ship_by_lapse_idx");

            // a later batch starts a day into the late orders: PostgreSQL 18 may then walk the shops' lists of orders
            // to ship by their ship-by time (a skip scan), which is as bounded; never the orders table
            var next = plans.explain(ShipByLapses.LATE_UNSHIPPED, now,
                    Timestamp.from(Instant.now().minusSeconds(86_400)), 12_345L, 500);
            assertThat(next.seqScanned()).as(next.json()).isEmpty();
            assertThat(next.indexes()).as(next.json()).singleElement()
                    .isIn("orders_ship_by_lapse_idx", "orders_shop_to_ship_idx");
        });
    }
}
