package dev.aftersales.claims;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.aftersales.claims.internal.ReactionRetry;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderShipped;
import dev.aftersales.shipping.FakeTrackingFlagged;

/**
 * What the system-opened cases do when other modules report: an oversold cancellation opens ORDER_CANCELLED, a
 * shipment resolves NO_TRACKING, a fake-tracking flag goes on the shop's record, a NO_TRACKING refund cancels the
 * unshipped order, and
 * a refund of every cancelled line cancels it too. Run from the event publication registry after the reporting transaction commits.
 * Each runs in its own transaction through {@link ReactionRetry}: one that meets a concurrent change (the buyer
 * choosing a refund as the order is cancelled) is run again rather than left incomplete.
 */
@Component
class SystemCaseReactions {

    private final SystemCases cases;
    private final ReactionRetry retry;

    SystemCaseReactions(SystemCases cases, ReactionRetry retry) {
        this.cases = cases;
        this.retry = retry;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderCancelled cancelled) {
        retry.run("OrderCancelled " + cancelled.orderNumber(), () -> cases.onOrderCancelled(cancelled));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderShipped shipped) {
        retry.run("OrderShipped " + shipped.orderNumber(), () -> cases.onShipped(shipped.orderId(), shipped.late()));
    }

    @ApplicationModuleListener
    void on(FakeTrackingFlagged flagged) {
        cases.onFakeTracking(flagged.shopId(), flagged.orderId(), flagged.shipmentId(), flagged.flaggedAt());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ClaimTransitioned moved) {
        if (moved.type() == ClaimType.NO_TRACKING && "AUTO_REFUNDED".equals(moved.action())) {
            retry.run("NO_TRACKING refunded " + moved.claimNumber(), () -> cases.onNoTrackingRefunded(moved.orderId()));
        } else if (moved.type() == ClaimType.DELISTED && moved.to() == ClaimStatus.REFUND_PENDING) {
            retry.run("DELISTED refunded " + moved.claimNumber(),
                    () -> cases.onCancelledLinesRefunded(moved.claimId()));
        }
    }

    /** A chunk of moves: each as if it had come alone. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ClaimsTransitioned moves) {
        moves.byShop().forEach(this::on);
    }
}
