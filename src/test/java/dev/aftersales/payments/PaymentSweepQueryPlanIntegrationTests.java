package dev.aftersales.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.payments.internal.MovementRepository;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.QueryPlans;

/** The payment retry sweep reads the pending movements from their partial index. */
@AftersalesIntegrationTest
class PaymentSweepQueryPlanIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void duePendingMovementsAreReadFromThePendingIndex() {
        var world = fixtures.world();
        QueryPlans.onBulkData(transactions, jdbc, world.shop().id(), world.buyer().id(), plans -> {
            var due = plans.explain(MovementRepository.DUE_PENDING, Map.of("now", Timestamp.from(Instant.now()),
                    "afterAt", Timestamp.from(Instant.EPOCH), "afterId", 0L, "limit", 500));
            assertThat(due.seqScanned()).as(due.json()).isEmpty();
            assertThat(due.indexes()).as(due.json()).containsExactly("payment_movements_pending_idx");
        });
    }
}
