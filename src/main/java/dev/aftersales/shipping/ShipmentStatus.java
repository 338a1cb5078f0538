package dev.aftersales.shipping;

/**
 * Where a parcel is, derived from its tracking events and the clock, never stored:
 * no scan yet is {@link #AWAITING_PICKUP}; a delivery scan is {@link #DELIVERED}; no scan for the policy's stall
 * period (72 h by default) since the last scan, or since shipping when there is none, is {@link #STALLED};
 * anything else is {@link #IN_TRANSIT}.
 */
public enum ShipmentStatus {
    /** Recorded by the seller, not scanned by the carrier yet. */
    AWAITING_PICKUP,
    /** Scanned, moving. */
    IN_TRANSIT,
    /** No carrier movement for the stall period. */
    STALLED,
    /** Delivered. */
    DELIVERED,
    /** Returned to the sender by the carrier. */
    RETURNED_TO_SENDER
}
