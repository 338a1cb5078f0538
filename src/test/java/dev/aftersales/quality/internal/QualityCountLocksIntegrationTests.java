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

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Poll;

/**
 * Two counts of one shop run side by side: one adds to the counter rows only when it commits, in one order of keys, so
 * another count of the same products neither waits for it nor deadlocks with it (two transactions adding to the same
 * products' rows in different orders used to deadlock, seen when the demo loaded, and then queued behind a per-shop
 * lock). The set-based count still waits for the listeners and holds them. Real threads on PostgreSQL, coordinated by
 * latches and by watching lock waits in {@code pg_locks} and {@code pg_stat_activity}.
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
    @Autowired
    dev.aftersales.support.MutableClock clock;

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
    void aCountOfOneShopDoesNotWaitForAnotherStillInProgressAndBothCountExactly() throws Exception {
        Fixtures.World world = fixtures.freshWorld();
        // the same two products in opposite orders
        OrderDetails first = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3500, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null)), clock.instant().minusSeconds(3600));
        OrderDetails second = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("B", null, 3, 5000, null),
                new StorefrontOrder.Line("A", null, 1, 3500, null)), clock.instant().minusSeconds(3600));
        java.util.Map<String, Integer> sold = unitsSold(world.shop().id());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            counters.shareAllShops();
            assertThat(counters.orderCancelled(first)).isTrue();
            held.countDown();
            await(release);
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            counters.shareAllShops();
            assertThat(counters.orderCancelled(second)).isTrue();
        }));
        boolean waited;
        try {
            waited = Poll.until("the second count commits or waits for a lock", Duration.ofSeconds(30),
                    () -> other.isDone() ? Boolean.FALSE : waitingForALock() > 0 ? Boolean.TRUE : null,
                    answer -> answer != null);
        } finally {
            release.countDown();
        }
        CompletableFuture.allOf(holder, other).get(30, TimeUnit.SECONDS);

        assertThat(waited).as("the second count waited for the first").isFalse();
        assertThat(unitsSold(world.shop().id())).containsEntry("A", sold.get("A") - 3)
                .containsEntry("B", sold.get("B") - 4);
    }

    java.util.Map<String, Integer> unitsSold(long shopId) {
        java.util.Map<String, Integer> units = new java.util.HashMap<>();
        jdbc.query("select sku, sum(units) from quality_units_sold where shop_id = ? group by sku",
                rs -> {
                    units.put(rs.getString(1), rs.getInt(2));
                }, shopId);
        return units;
    }

    int waitingForALock() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'", Integer.class);
    }

    @Test
    void theSetBasedCountWaitsForACountInProgressAndHoldsTheNextOne() throws Exception {
        assertThat(race(() -> counters.shareAllShops(), () -> QualityCounters.lockAllShops(jdbc)))
                .containsExactly("first", "second");
        assertThat(race(() -> QualityCounters.lockAllShops(jdbc), () -> counters.shareAllShops()))
                .containsExactly("first", "second");
    }
}
