package dev.aftersales.payments;

/** Where a ledger entry stands with the payment provider. */
public enum MovementStatus {
    /** Recorded; the provider has not confirmed it yet (being executed or waiting for a retry). */
    PENDING,
    /** The provider confirmed it; the money is on its way to the buyer. */
    SUCCEEDED
}
