package dev.aftersales.shipping;

import java.time.Instant;

/** A parcel was recorded for an order (by the seller, the storefront, or a buyer's return). */
public record ShipmentRegistered(long shipmentId, long orderId, ShipmentDirection direction, Carrier carrier,
        String trackingNumber, Instant shippedAt, Long claimId) {
}
