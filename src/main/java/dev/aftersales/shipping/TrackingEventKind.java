package dev.aftersales.shipping;

/** What a carrier scan says. */
public enum TrackingEventKind {
    /** The carrier took the parcel. */
    PICKED_UP,
    /** Moving through the network (departed, arrived at a hub). */
    IN_TRANSIT,
    /** With the courier for the last mile. */
    OUT_FOR_DELIVERY,
    /** Handed over or put in a parcel locker. */
    DELIVERED,
    /** A problem: address unknown, damaged, held. The parcel is still with the carrier. */
    EXCEPTION,
    /** Sent back to the sender. */
    RETURNED_TO_SENDER;

    /** Whether the scan shows the parcel moved (every kind does; a stalled parcel has no new scans at all). */
    public boolean isMovement() {
        return true;
    }
}
