package dev.aftersales.shipping;

import java.time.Instant;
import java.util.List;

/** A parcel with its scans (newest last) and its derived status. */
public record ShipmentView(long id, long orderId, ShipmentDirection direction, Carrier carrier,
        String trackingNumber, Instant shippedAt, Integer measuredWeightGrams, ShipmentStatus status,
        Instant lastMovementAt, Instant deliveredAt, Long claimId, List<Scan> scans) {

    /** One carrier scan. */
    public record Scan(Instant occurredAt, TrackingEventKind kind, String location, String description,
            Integer weightGrams) {
    }

    public Scan lastScan() {
        return scans.isEmpty() ? null : scans.get(scans.size() - 1);
    }

    /** Newest scan first, as a tracking timeline reads. */
    public List<Scan> timeline() {
        List<Scan> newestFirst = new java.util.ArrayList<>(scans);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
