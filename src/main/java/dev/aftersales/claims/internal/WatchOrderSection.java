package dev.aftersales.claims.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderPageSection;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.TrackingWatch;

/**
 * What the watchers found, at the top of the order page: the platform's cancellation with its refund and dates, fake
 * tracking flags, a stalled parcel with the not-received offer, "Report missing tracking" for the buyer once ship-by
 * has passed, and "Cancel lines" for the seller of an unshipped order.
 */
@Component
public class WatchOrderSection implements OrderPageSection {

    private final SystemCases cases;
    private final ClaimManagement claims;
    private final PaymentManagement payments;
    private final ShippingManagement shipping;
    private final TrackingWatch tracking;
    private final CatalogManagement catalog;

    public WatchOrderSection(SystemCases cases, ClaimManagement claims, PaymentManagement payments,
            ShippingManagement shipping, TrackingWatch tracking, CatalogManagement catalog) {
        this.catalog = catalog;
        this.cases = cases;
        this.claims = claims;
        this.payments = payments;
        this.shipping = shipping;
        this.tracking = tracking;
    }

    @Override
    public int position() {
        return 5;
    }

    @Override
    public String template() {
        return "claims/watchers";
    }

    @Override
    public String fragment() {
        return "order";
    }

    @Override
    public Object data(OrderDetails order, CurrentUser viewer, OrderPageReads page) {
        boolean buyer = viewer.isBuyer(order.buyerId());
        boolean seller = viewer.isSellerOf(order.shopId());
        Cancellation cancellation = null;
        if (order.cancelled() && order.cancellationReason() == CancellationReason.OVERSOLD) {
            Optional<Claim> claim = claims.claimsOfOrder(order.id()).stream()
                    .filter(c -> c.type() == ClaimType.ORDER_CANCELLED).findFirst();
            List<MovementView> movements = claim.map(c -> payments.movementsOfClaim(c.id())).orElse(List.of());
            Money refunded = sum(movements, MovementKind.REFUND, order);
            Money compensated = sum(movements, MovementKind.COMPENSATION, order);
            Instant refundedAt = movements.stream().filter(m -> m.kind() == MovementKind.REFUND)
                    .map(MovementView::executedAt).filter(t -> t != null).max(Instant::compareTo).orElse(null);
            boolean pending = movements.stream().anyMatch(m -> !m.succeeded());
            cancellation = new Cancellation(order.cancelledAt(), refunded, refundedAt, pending, compensated,
                    claim.map(Claim::id).orElse(null), claim.map(Claim::claimNumber).orElse(null));
        }
        List<TrackingWatch.Flag> flags = tracking.flagsOf(order.id());
        Duration scanWindow = catalog.platformPolicy().firstScanWithin();
        Stall stall = shipping.shipmentsOf(order.id(), page).stream()
                .filter(p -> p.direction() == ShipmentDirection.OUTBOUND && p.status() == ShipmentStatus.STALLED)
                .findFirst().map(p -> new Stall(p.trackingNumber(), p.lastMovementAt(),
                        buyer && notReceivedOpen(order, viewer, page)))
                .orElse(null);
        boolean report = buyer && cases.missingTrackingDue(order, page);
        boolean cancelLines = seller && order.status() == OrderStatus.AWAITING_SHIPMENT;
        if (cancellation == null && flags.isEmpty() && stall == null && !report && !cancelLines) {
            return null;
        }
        return new Data(order.id(), buyer, seller, cancellation, flags, scanWindow, stall, report, cancelLines);
    }

    private boolean notReceivedOpen(OrderDetails order, CurrentUser viewer, OrderPageReads page) {
        return claims.availability(order, viewer, page).stream()
                .anyMatch(a -> a.type() == ClaimType.NOT_RECEIVED && a.available());
    }

    private static Money sum(List<MovementView> movements, MovementKind kind, OrderDetails order) {
        return movements.stream().filter(m -> m.kind() == kind).map(MovementView::amount)
                .reduce(Money.zero(order.paid().currency()), Money::plus);
    }

    /**
     * @param report      the buyer may report missing tracking now
     * @param cancelLines the seller may cancel lines now
     */
    public record Data(long orderId, boolean buyer, boolean seller, Cancellation cancellation, List<TrackingWatch.Flag> flags,
            Duration scanWindow, Stall stall, boolean report, boolean cancelLines) {
    }

    /** The platform's cancellation of an oversold order and what it paid. */
    public record Cancellation(Instant cancelledAt, Money refunded, Instant refundedAt, boolean pending, Money compensation,
            Long claimId, String claimNumber) {
    }

    /** A parcel without carrier movement for the stall period. */
    public record Stall(String trackingNumber, Instant lastMovementAt, boolean notReceivedAvailable) {
    }
}
