package dev.aftersales.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Poll;

/**
 * Counting one shop's events is serialised, and the set-based count waits for the listeners and holds them: two
 * transactions adding to the same products' rows in different orders used to deadlock (seen when the demo loaded).
 * Real threads on PostgreSQL, coordinated by latches and by watching the advisory lock wait in {@code pg_locks}.
 */
@AftersalesIntegrationTest
class QualityCountLocksIntegrationTests {

    @Autowired
    QualityCounters counters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Fixtures fixtures;

    /** Holds {@code first} in a transaction until released, then runs {@code second} in another; in which order. */
    List<String> race(Runnable first, Runnable second) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            first.run();
            held.countDown();
            await(release);
            order.add("first");
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        int waitingBefore = waitingAdvisoryLocks();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            second.run();
            order.add("second");
        }));
        Poll.until("the second transaction waits for the advisory lock", Duration.ofSeconds(30),
                this::waitingAdvisoryLocks, n -> n > waitingBefore);
        assertThat(order).isEmpty();
        release.countDown();
        CompletableFuture.allOf(holder, waiter).get(30, TimeUnit.SECONDS);
        return order;
    }

    int waitingAdvisoryLocks() {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted "
                + "and classid = ?", Integer.class, QualityCounters.SHOP_LOCKS);
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoCountsOfOneShopRunOneAfterTheOther() throws Exception {
        long shop = fixtures.world().shop().id();

        List<String> order = race(() -> counters.lockShop(shop), () -> counters.lockShop(shop));

        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void theSetBasedCountWaitsForACountInProgressAndHoldsTheNextOne() throws Exception {
        long shop = fixtures.world().shop().id();

        assertThat(race(() -> counters.lockShop(shop), () -> QualityCounters.lockAllShops(jdbc)))
                .containsExactly("first", "second");
        assertThat(race(() -> QualityCounters.lockAllShops(jdbc), () -> counters.lockShop(shop)))
                .containsExactly("first", "second");
    }
}
