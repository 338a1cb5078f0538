package dev.aftersales.shipping;

import java.time.Instant;

/** A parcel was delivered; {@code measuredWeightGrams} is the carrier's weight if it gave one. */
public record ShipmentDelivered(long shipmentId, long orderId, ShipmentDirection direction, Instant deliveredAt,
        Integer measuredWeightGrams, Long claimId) {
}
