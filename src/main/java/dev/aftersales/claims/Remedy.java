package dev.aftersales.claims;

/** What the buyer asks for, or what a seller proposes instead. */
public enum Remedy {
    /** Money back for the claimed units (or a stated partial amount), no return. */
    REFUND,
    /** The seller sends the missing units again. */
    RESHIP,
    /** The buyer returns the goods; the refund follows the seller's inspection. */
    RETURN_AND_REFUND,
    /** The buyer returns the goods; the seller sends the same SKU again. */
    EXCHANGE,
    /** The seller supplies a valid tracking number (NO_TRACKING). */
    SUPPLY_TRACKING,
    /** The buyer takes the substitute SKU the seller offered (DELISTED). */
    SUBSTITUTE;

    /** Whether this remedy moves money to the buyer. */
    public boolean refunds() {
        return this == REFUND || this == RETURN_AND_REFUND;
    }

    /** Whether the goods go back to the seller first. */
    public boolean needsReturn() {
        return this == RETURN_AND_REFUND || this == EXCHANGE;
    }
}
