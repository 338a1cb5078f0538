package dev.aftersales.quality.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.ClaimsTransitioned;
import dev.aftersales.claims.ClaimFacts;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPlaced;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.PaymentExecuted;
import dev.aftersales.payments.PaymentManagement;

/**
 * Feeds the quality counters from the other modules' events, after their transaction committed (through the event
 * publication registry, so a crash loses none): a claim filed, a refund of a claim paid or taken back, an order
 * placed or cancelled. Each event is counted once however often it is delivered ({@link QualityCounters}).
 */
@Component
class QualityListeners {

    private final QualityCounters counters;
    private final ClaimFacts claims;
    private final OrderManagement orders;
    private final PaymentManagement payments;

    QualityListeners(QualityCounters counters, ClaimFacts claims, OrderManagement orders,
            PaymentManagement payments) {
        this.counters = counters;
        this.claims = claims;
        this.orders = orders;
        this.payments = payments;
    }

    @ApplicationModuleListener
    void on(ClaimTransitioned event) {
        if (event.from() == null) {
            counters.shareAllShops();
            claims.claimed(event.claimId()).ifPresent(counters::claimFiled);
        }
    }

    /** A chunk of moves: each as if it had come alone, in one transaction. */
    @ApplicationModuleListener
    void on(ClaimsTransitioned moves) {
        moves.byShop().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(PaymentExecuted event) {
        if (event.claimId() == null || event.kind() == MovementKind.COMPENSATION) {
            return;
        }
        var order = orders.details(event.orderId());
        counters.shareAllShops();
        var claim = claims.claimed(event.claimId()).orElseThrow();
        var movement = payments.movementsOfClaim(event.claimId()).stream()
                .filter(m -> m.id() == event.movementId()).findFirst().orElseThrow();
        counters.paid(movement, claim, order, event.executedAt());
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        var order = orders.details(event.orderId());
        counters.shareAllShops();
        counters.orderPlaced(order);
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        var order = orders.details(event.orderId());
        counters.shareAllShops();
        counters.orderCancelled(order);
    }
}
