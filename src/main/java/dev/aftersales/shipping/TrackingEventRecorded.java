package dev.aftersales.shipping;

import java.time.Instant;

/** The carrier scanned a parcel. */
public record TrackingEventRecorded(long shipmentId, long orderId, ShipmentDirection direction,
        TrackingEventKind kind, Instant occurredAt, Long claimId) {
}
