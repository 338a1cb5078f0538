package dev.aftersales.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.QueryPlans;

/**
 * The tracking watchers find what is due through the parcels' watch columns and partial indexes: neither scans the
 * shipments, the scans or the flags, and none reads ordering's tables.
 */
@AftersalesIntegrationTest
class TrackingWatchQueryPlanIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eachWatcherQueryReadsItsPartialIndex() {
        var world = fixtures.world();
        QueryPlans.onBulkData(transactions, jdbc, world.shop().id(), world.buyer().id(), plans -> {
            Instant now = Instant.now();
            Timestamp epoch = Timestamp.from(Instant.EPOCH);

            var scanless = plans.explain(TrackingWatch.SCANLESS_DUE, Timestamp.from(now.minus(Duration.ofHours(24))),
                    epoch, 0L, 500);
            assertThat(scanless.seqScanned()).as(scanless.json()).isEmpty();
            assertThat(scanless.indexes()).as(scanless.json()).containsExactly("shipments_first_scan_due_idx");

            var stalls = plans.explain(TrackingWatch.STALLS_DUE, Timestamp.from(now.minus(Duration.ofHours(72))),
                    epoch, 0L, 500);
            assertThat(stalls.seqScanned()).as(stalls.json()).isEmpty();
            assertThat(stalls.indexes()).as(stalls.json()).containsExactly("shipments_stall_due_idx");

            var flags = plans.explain(TrackingWatch.FLAGS_TO_FOLLOW_UP, epoch, 0L, 500);
            assertThat(flags.seqScanned()).as(flags.json()).isEmpty();
            assertThat(flags.indexes()).as(flags.json()).containsExactly("tracking_flags_follow_up_idx");

            var derive = plans.explain(TrackingWatch.DERIVE, 5000);
            assertThat(derive.seqScanned()).as(derive.json()).isEmpty();
            assertThat(derive.indexes()).as(derive.json()).contains("shipments_watch_unsynced_idx");

            assertThat(String.join(" ", TrackingWatch.SCANLESS_DUE, TrackingWatch.STALLS_DUE,
                    TrackingWatch.FLAGS_TO_FOLLOW_UP, TrackingWatch.DERIVE))
                    .as("shipping's watchers read only shipping's tables").doesNotContainPattern("\\borders\\b")
                    .doesNotContainPattern("\\bclaims\\b");
        });
    }
}
