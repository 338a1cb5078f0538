package dev.aftersales.shipping;

import java.time.Instant;

/**
 * An outbound parcel has had no carrier movement for the policy's stall period (72 h by default): the buyer is told
 * and may report it not received. Published once per standstill (a later scan and a new standstill publish again).
 */
public record TrackingStalled(long shipmentId, long orderId, String trackingNumber, Instant lastMovementAt,
        Instant noticedAt) {
}
