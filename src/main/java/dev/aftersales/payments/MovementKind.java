package dev.aftersales.payments;

/** What a ledger entry is. */
public enum MovementKind {
    /** Money paid for the order goes back to the buyer; all refunds of an order never exceed what was paid. */
    REFUND,
    /** Money on top of the order (late shipment, out of stock): not part of the refund cap. */
    COMPENSATION
}
