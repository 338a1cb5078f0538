package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.QueryPlans;

/** The deadline sweep, the reminders and the ship-by watcher's own check read the claims through indexes. */
@AftersalesIntegrationTest
class ClaimSweepQueryPlanIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theClaimSweepsReadTheirIndexes() {
        var world = fixtures.world();
        QueryPlans.onBulkData(transactions, jdbc, world.shop().id(), world.buyer().id(), plans -> {
            Instant now = Instant.now();
            Timestamp epoch = Timestamp.from(Instant.EPOCH);

            var deadlines = plans.explain(ClaimDeadlineSweep.DUE, Timestamp.from(now), epoch, 0L, 500);
            assertThat(deadlines.seqScanned()).as(deadlines.json()).isEmpty();
            assertThat(deadlines.indexes()).as(deadlines.json()).containsExactly("claims_deadline_key_idx");

            var reminders = plans.explain(ClaimDeadlines.DUE_BETWEEN, Map.of("from", Timestamp.from(now),
                    "until", Timestamp.from(now.plus(Duration.ofHours(12))), "keyDue", Timestamp.from(now),
                    "keyId", 0L, "limit", 500));
            assertThat(reminders.seqScanned()).as(reminders.json()).isEmpty();
            assertThat(reminders.indexes()).as(reminders.json()).containsExactly("claims_due_key_idx");

            var noTracking = plans.explain(ClaimRepository.NO_TRACKING_SINCE,
                    Map.of("orderId", 12_345L, "since", epoch));
            assertThat(noTracking.seqScanned()).as(noTracking.json()).isEmpty();
            assertThat(noTracking.indexes()).as(noTracking.json()).isNotEmpty();
        });
    }
}
