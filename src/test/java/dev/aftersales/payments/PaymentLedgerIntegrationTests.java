package dev.aftersales.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.payments.internal.PaymentRetrySweep;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.MutableClock;

/** The refund ledger on PostgreSQL: the cap holds under concurrency, and each movement is paid exactly once. */
@AftersalesIntegrationTest
class PaymentLedgerIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    PaymentManagement payments;
    @Autowired
    PaymentRetrySweep retries;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    OrderDetails order;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        order = fixtures.paidOrder(fixtures.world()); // paid ¥110.00
    }

    PaymentOrder refund(long fen, String key) {
        return new PaymentOrder(order.id(), null, MovementKind.REFUND, Money.fen(fen), List.of(), key,
                CostBearer.SELLER, "TEST", null, "TEST");
    }

    @Test
    void twentyConcurrentRefundsNeverExceedWhatWasPaid() throws Exception {
        int attempts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String key = Fixtures.unique("concurrent-");
            Callable<Boolean> attempt = () -> {
                start.await();
                try {
                    payments.request(refund(1000, key)); // ¥10.00 each: only 11 fit in ¥110.00
                    return true;
                } catch (RefundExceedsPaid refused) {
                    return false;
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                accepted++;
            }
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(11);
        assertThat(payments.refunded(order.id())).isEqualTo(Money.fen(11000));
        assertThat(payments.refundable(order.id())).isEqualTo(Money.fen(0));
        Long paidOut = jdbc.queryForObject("""
                select coalesce(sum(t.amount_minor), 0) from provider_transfers t
                join payment_movements m on m.idempotency_key = t.idempotency_key where m.order_id = ?""",
                Long.class, order.id());
        assertThat(paidOut).isEqualTo(11000L);
    }

    @Test
    void theSameIdempotencyKeyRecordsAndPaysOnce() {
        MovementView first = payments.request(refund(2500, "same-key-" + order.id()));
        MovementView again = payments.request(refund(2500, "same-key-" + order.id()));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(payments.refunded(order.id())).isEqualTo(Money.fen(2500));
        assertThat(provider.transfersFor("same-key-" + order.id())).isEqualTo(1);
        assertThat(payments.movementsOfOrder(order.id())).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MovementStatus.SUCCEEDED));
    }

    @Test
    void aRefundAboveWhatIsLeftIsRefusedAndNothingIsRecorded() {
        payments.request(refund(10000, Fixtures.unique("big-")));
        assertThatThrownBy(() -> payments.request(refund(1001, Fixtures.unique("over-"))))
                .isInstanceOfSatisfying(RefundExceedsPaid.class,
                        e -> assertThat(e.refundable()).isEqualTo(Money.fen(1000)));
        assertThat(payments.movementsOfOrder(order.id())).hasSize(1);
    }

    @Test
    void compensationIsPaidOnTopOfTheOrderAndDoesNotUseTheRefundCap() {
        payments.request(refund(11000, Fixtures.unique("all-")));
        MovementView compensation = payments.request(new PaymentOrder(order.id(), null, MovementKind.COMPENSATION,
                Money.fen(300), List.of(), Fixtures.unique("comp-"), CostBearer.SELLER, "LATE_SHIPMENT", null,
                "SYSTEM"));
        assertThat(payments.byIdempotencyKey(compensation.idempotencyKey()).orElseThrow().status())
                .isEqualTo(MovementStatus.SUCCEEDED);
        assertThat(payments.refundable(order.id())).isEqualTo(Money.fen(0));
    }

    @Test
    void whileTheProviderIsDownRefundsWaitAndArePaidOnceWhenItIsBack() {
        provider.goDown();
        MovementView pending = payments.request(refund(3000, Fixtures.unique("down-")));
        assertThat(pending.status()).isEqualTo(MovementStatus.PENDING);
        clock.advance(Duration.ofMinutes(2));
        assertThat(retries.retryDue()).isZero();
        MovementView stillPending = payments.byIdempotencyKey(pending.idempotencyKey()).orElseThrow();
        assertThat(stillPending.attempts()).isEqualTo(2);
        assertThat(stillPending.lastError()).contains("down");

        provider.recover();
        clock.advance(Duration.ofMinutes(1));
        assertThat(retries.retryDue()).as("not before its back-off ends").isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(retries.retryDue()).isEqualTo(1);
        assertThat(retries.retryDue()).isZero();
        assertThat(payments.byIdempotencyKey(pending.idempotencyKey()).orElseThrow().status())
                .isEqualTo(MovementStatus.SUCCEEDED);
        assertThat(provider.transfersFor(pending.idempotencyKey())).isEqualTo(1);
    }
}
