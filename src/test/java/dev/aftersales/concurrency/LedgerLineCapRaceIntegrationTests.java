package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.payments.PaymentOrder;
import dev.aftersales.payments.RefundExceedsPaid;
import dev.aftersales.shared.Money;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.LedgerInvariants.Ledger;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/**
 * The ledger's last line of defence: whatever the modules above ask, refunds of one order line never exceed what
 * was paid for it, in money and in units, also when the requests arrive at the same moment.
 */
@AftersalesIntegrationTest
class LedgerLineCapRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    PaymentManagement payments;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    MutableClock clock;

    OrderDetails order;
    long lineA;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        // 2 × A (¥60.00) and 1 × B (¥50.00): the order could still refund far more than line A cost
        order = fixtures.paidOrder(fixtures.world(), List.of(new StorefrontOrder.Line("A", null, 2, 3000, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null)), clock.instant().minusSeconds(3600));
        lineA = Fixtures.lineId(order, "A");
    }

    PaymentOrder refundOfA(int units, long fen) {
        return new PaymentOrder(order.id(), null, MovementKind.REFUND, Money.fen(fen),
                List.of(new PaymentOrder.Line(lineA, units, Money.fen(fen))), Fixtures.unique("line-"),
                CostBearer.SELLER, "TEST", null, "TEST");
    }

    @Test
    void amountsOfOneLineRequestedAtOnceStopAtWhatTheLineCost() {
        List<Outcome<Object>> outcomes = Race.runSame(24, () -> payments.request(refundOfA(0, 1000)));
        assertThat(Race.unexpected(outcomes, RefundExceedsPaid.class)).isEmpty();
        assertThat(outcomes.stream().filter(Outcome::succeeded)).as("¥10.00 six times fits ¥60.00").hasSize(6);
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.line(lineA).refundedMinor()).isEqualTo(6000);
        assertThat(payments.refundable(order.id())).isEqualTo(Money.fen(5000));
    }

    @Test
    void unitsOfOneLineRequestedAtOnceStopAtItsQuantity() {
        List<Outcome<Object>> outcomes = Race.runSame(12, () -> payments.request(refundOfA(1, 500)));
        assertThat(Race.unexpected(outcomes, RefundExceedsPaid.class)).isEmpty();
        assertThat(outcomes.stream().filter(Outcome::succeeded)).as("two units on the line").hasSize(2);
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.line(lineA).refundedUnits()).isEqualTo(2);
        assertThat(money.line(lineA).refundedMinor()).isEqualTo(1000);
    }
}
