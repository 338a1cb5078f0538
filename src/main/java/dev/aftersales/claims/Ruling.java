package dev.aftersales.claims;

/**
 * What a platform agent rules on an escalated claim (docs/rules.md#platform-decisions). The arbitration module's
 * decision outcomes map onto these one to one; claims cannot know arbitration's types, arbitration drives claims
 * through {@link ClaimInterventions}.
 */
public enum Ruling {
    /** The requested amount is refunded. */
    FULL_REFUND,
    /** An amount the agent sets, never above what the claimed units cost nor what is still refundable. */
    PARTIAL_REFUND,
    /** The buyer returns the goods; the return leg runs as a seller-agreed return does. */
    REFUND_AFTER_RETURN,
    /** The seller ships the claimed units again. */
    RESHIP,
    /** Nothing is owed to the buyer. */
    REJECT;

    public boolean refunds() {
        return this == FULL_REFUND || this == PARTIAL_REFUND;
    }
}
