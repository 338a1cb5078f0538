package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.payments.internal.PaymentRetrySweep;
import dev.aftersales.shared.Money;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * A reaction to another module's event (here: the provider confirmed the refund) that meets a move being made on the
 * same claim at the same moment waits for it and then applies, instead of failing on the claim's version and leaving
 * the claim waiting for a refund that was paid.
 */
@AftersalesIntegrationTest
class ClaimReactionRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PaymentRetrySweep retries;
    @Autowired
    MutableClock clock;

    @AfterEach
    void recover() {
        provider.recover();
    }

    @Test
    void aRefundConfirmedWhileTheClaimIsBeingChangedStillResolvesIt() throws Exception {
        clock.reset();
        World world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        provider.goDown();
        long id = claims.file(ClaimFilings.refundOnly(order, "A", 1, ClaimReason.QUALITY, "one apple was bruised", Money.fen(1000)), world.buyerUser());
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.REFUND_PENDING);

        CountDownLatch changing = new CountDownLatch(1);
        CompletableFuture<Boolean> otherMove = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
            // another node's move on the same claim: its row is changed and held until the confirmation waits on it
            jdbc.sql("update claims set version = version + 1 where id = :id").param("id", id).update();
            changing.countDown();
            return someoneWaitsForALock();
        }));
        assertThat(changing.await(5, TimeUnit.SECONDS)).isTrue();

        // the provider is back: the retry pays the refund and its confirmation (run on this thread in tests) waits
        // for the other move to commit, then applies
        provider.recover();
        clock.advance(java.time.Duration.ofHours(2));
        assertThat(retries.retryDue()).isPositive();

        assertThat(otherMove.get(5, TimeUnit.SECONDS)).as("the confirmation waited for the row").isTrue();
        ClaimView claim = views.detail(id, world.buyerUser());
        assertThat(claim.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(claim.refundedAmount()).isEqualTo(Money.fen(1000));
    }

    /** Whether, within 10 s, another session of this database waits for a row lock (checked every 20 ms). */
    private boolean someoneWaitsForALock() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            Integer waiting = jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and wait_event_type = 'Lock'").query(Integer.class).single();
            if (waiting > 0) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return false;
    }
}
