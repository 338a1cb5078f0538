package dev.aftersales.shipping;

/** Which way a parcel travels. */
public enum ShipmentDirection {
    /** Seller to buyer: the order's parcel. */
    OUTBOUND,
    /** Buyer to seller: goods returned within a claim. */
    RETURN,
    /** Seller to buyer again: missing or exchanged units sent within a claim. */
    RESHIPMENT
}
