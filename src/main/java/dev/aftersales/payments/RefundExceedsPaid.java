package dev.aftersales.payments;

import dev.aftersales.shared.Money;
import dev.aftersales.shared.Refusal;

/**
 * The refund would take the order's refunds above what the buyer paid, or one order line's refunds above what was
 * paid for that line (in money or in units). Refused at the amount: at most what is still refundable (the pages word it
 * as the claim pages do, {@code claim.rejected.refundCap}).
 */
public class RefundExceedsPaid extends RuntimeException implements Refusal {

    private final Money refundable;
    private final Long orderLineId;

    public RefundExceedsPaid(Money requested, Money refundable) {
        super("A refund of " + requested + " exceeds what is still refundable (" + refundable + ")");
        this.refundable = refundable;
        this.orderLineId = null;
    }

    /** A refund beyond one order line: {@code refundable} is what is left on the line. */
    public RefundExceedsPaid(long orderLineId, String what, Money refundable) {
        super("A refund of order line " + orderLineId + " exceeds what was paid for it: " + what);
        this.refundable = refundable;
        this.orderLineId = orderLineId;
    }

    /** What can still be refunded on the order (or, for a line, on the line). */
    public Money refundable() {
        return refundable;
    }

    /** The order line whose cap was hit, or {@code null} when it was the order's. */
    public Long orderLineId() {
        return orderLineId;
    }

    @Override
    public String field() {
        return "amount";
    }

    @Override
    public String messageKey() {
        return "claim.rejected.refundCap";
    }

    @Override
    public Object[] args() {
        return new Object[] { refundable };
    }
}
