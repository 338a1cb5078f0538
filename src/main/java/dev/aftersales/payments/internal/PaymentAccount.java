package dev.aftersales.payments.internal;

import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.aftersales.payments.RefundExceedsPaid;
import dev.aftersales.shared.Money;

/**
 * An order's money as the ledger sees it: what was paid, what has been refunded (pending or done) and what was
 * compensated on top. Its row is locked while a refund is recorded, so concurrent refunds of one order are counted
 * one after the other and never exceed what was paid.
 */
@Entity
@Table(name = "payment_accounts")
public class PaymentAccount {

    @Id
    private Long orderId;

    @Column(nullable = false)
    private Currency currency;

    @Column(nullable = false)
    private long paidMinor;

    @Column(nullable = false)
    private long refundedMinor;

    @Column(nullable = false)
    private long compensatedMinor;

    @Version
    private long version;

    protected PaymentAccount() {
    }

    Money paid() {
        return new Money(paidMinor, currency);
    }

    Money refunded() {
        return new Money(refundedMinor, currency);
    }

    Money compensated() {
        return new Money(compensatedMinor, currency);
    }

    Money refundable() {
        return new Money(paidMinor - refundedMinor, currency);
    }

    /** Books a refund against what was paid. */
    public void bookRefund(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A refund must be positive");
        }
        if (amount.greaterThan(refundable())) {
            throw new RefundExceedsPaid(amount, refundable());
        }
        refundedMinor = Math.addExact(refundedMinor, amount.minor());
    }

    /** Books money taken back from the buyer against what was refunded. */
    public void bookReversal(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A reversal must be positive");
        }
        if (amount.minor() > refundedMinor) {
            throw new IllegalArgumentException("A reversal cannot exceed what was refunded");
        }
        refundedMinor -= amount.minor();
    }

    public void bookCompensation(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A compensation must be positive");
        }
        compensatedMinor = Math.addExact(compensatedMinor, amount.minor());
    }
}
