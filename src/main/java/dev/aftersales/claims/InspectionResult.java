package dev.aftersales.claims;

/** What the seller found in a returned parcel. */
public enum InspectionResult {
    /** As sold: the refund (or exchange) goes ahead in full. */
    AS_SOLD,
    /** Used beyond trying it on. */
    USED,
    /** Damaged after delivery. */
    DAMAGED,
    /** Parts or accessories missing. */
    PARTS_MISSING,
    /** Not the item that was sold. */
    WRONG_ITEM
}
