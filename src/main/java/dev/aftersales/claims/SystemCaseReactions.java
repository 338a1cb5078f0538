package dev.aftersales.claims;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderShipped;
import dev.aftersales.shipping.FakeTrackingFlagged;

/**
 * What the system-opened cases do when other modules report: an oversold cancellation opens ORDER_CANCELLED, a
 * shipment resolves NO_TRACKING, a fake-tracking flag goes on the shop's record, a NO_TRACKING refund cancels the
 * unshipped order, and
 * a refund of every cancelled line cancels it too. Run from the event publication registry after the reporting transaction commits.
 */
@Component
class SystemCaseReactions {

    private final SystemCases cases;

    SystemCaseReactions(SystemCases cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        cases.onOrderCancelled(cancelled);
    }

    @ApplicationModuleListener
    void on(OrderShipped shipped) {
        cases.onShipped(shipped.orderId(), shipped.late());
    }

    @ApplicationModuleListener
    void on(FakeTrackingFlagged flagged) {
        cases.onFakeTracking(flagged.shopId(), flagged.orderId(), flagged.shipmentId(), flagged.flaggedAt());
    }

    @ApplicationModuleListener
    void on(ClaimTransitioned moved) {
        if (moved.type() == ClaimType.NO_TRACKING && "AUTO_REFUNDED".equals(moved.action())) {
            cases.onNoTrackingRefunded(moved.orderId());
        } else if (moved.type() == ClaimType.DELISTED && moved.to() == ClaimStatus.REFUND_PENDING) {
            cases.onCancelledLinesRefunded(moved.claimId());
        }
    }
}
