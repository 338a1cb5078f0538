package dev.aftersales.payments;

/** Who ultimately pays for a movement, by the reason behind it. */
public enum CostBearer {
    /** The shop: short shipment, late shipment, quality, a missed deadline. */
    SELLER,
    /** The marketplace: overselling, goodwill, its own errors. */
    PLATFORM,
    /** The carrier: lost or damaged in transit. */
    CARRIER
}
