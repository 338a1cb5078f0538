package dev.aftersales.claims;

/** What counts against a shop on its record (the seller scorecard counts these). */
public enum IncidentKind {
    /** The ship-by time passed without a valid tracking number. */
    LATE_SHIPMENT,
    /** A tracking number had no carrier scan within the policy window of being entered. */
    FAKE_TRACKING,
    /** The seller cancelled paid lines as delisted. */
    DELISTED_CANCELLATION,
    /** The seller cancelled paid lines as out of stock. */
    OUT_OF_STOCK_CANCELLATION
}
