package dev.aftersales.payments;

import dev.aftersales.shared.Money;

/** The refund would take the order's refunds above what the buyer paid. */
public class RefundExceedsPaid extends RuntimeException {

    private final Money refundable;

    public RefundExceedsPaid(Money requested, Money refundable) {
        super("A refund of " + requested + " exceeds what is still refundable (" + refundable + ")");
        this.refundable = refundable;
    }

    /** What can still be refunded on the order. */
    public Money refundable() {
        return refundable;
    }
}
