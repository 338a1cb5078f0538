package dev.aftersales.claims;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.aftersales.catalog.ShopPolicy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.ShipmentView;

/**
 * What eligibility needs to know about an order at a moment: the order, its parcels, the shop's policy, the units
 * of each line that can still be claimed, and the lines whose products may be returned without a reason.
 */
record OrderFacts(OrderDetails order, List<ShipmentView> parcels, ShopPolicy policy, Instant now,
        Map<Long, Integer> claimableUnits, Map<Long, Boolean> returnable) {

    List<ShipmentView> outbound() {
        return parcels.stream().filter(p -> p.direction() == ShipmentDirection.OUTBOUND).toList();
    }

    boolean delivered() {
        return order.status() == OrderStatus.DELIVERED && order.deliveredAt() != null;
    }

    boolean anythingClaimable() {
        return claimableUnits.values().stream().anyMatch(units -> units > 0);
    }

    /** When the most recent parcel last moved (or shipped), or {@code null} if nothing shipped. */
    Instant lastMovement() {
        return outbound().stream().map(ShipmentView::lastMovementAt).max(Instant::compareTo).orElse(null);
    }

    boolean stalled() {
        return outbound().stream().anyMatch(p -> p.status() == ShipmentStatus.STALLED);
    }
}
