package dev.aftersales.claims;

/** How a claim ended. */
public enum Outcome {
    /** The buyer was refunded the amount asked for. */
    REFUNDED,
    /** The buyer was refunded part of it. */
    PARTIALLY_REFUNDED,
    /** The missing units were sent again and arrived. */
    RESHIPPED,
    /** The returned goods were replaced. */
    EXCHANGED,
    /** The seller supplied valid tracking (NO_TRACKING). */
    TRACKING_SUPPLIED,
    /** The buyer took the substitute (DELISTED). */
    SUBSTITUTED,
    /** The buyer withdrew, or let their clock run out. */
    WITHDRAWN,
    /** The platform decided against the claim. */
    REJECTED
}
