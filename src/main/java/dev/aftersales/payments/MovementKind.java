package dev.aftersales.payments;

/** What a ledger entry is. */
public enum MovementKind {
    /** Money paid for the order goes back to the buyer; all refunds of an order never exceed what was paid. */
    REFUND,
    /** Money on top of the order (late shipment, out of stock): not part of the refund cap. */
    COMPENSATION,
    /**
     * Money taken back from the buyer because a final decision on appeal lowered a refund already recorded: the
     * refund entries stay as they were; this entry lowers what the order counts as refunded.
     */
    REVERSAL
}
