package dev.aftersales.payments.internal;

import dev.aftersales.shared.Money;

/**
 * The payment provider that moves money back to buyers: a system the desk does not own. Implementations must be
 * idempotent by key: calling again with a key already executed returns the first execution's reference and moves
 * nothing.
 */
public interface PaymentProvider {

    /**
     * @return the provider's reference of the transfer
     * @throws PaymentProviderUnavailable when the provider cannot execute it now (to be retried)
     */
    String transfer(String idempotencyKey, String orderNumber, long buyerId, Money amount);

    /**
     * Takes money back from the buyer (a reversal of a refund), idempotent by key like {@link #transfer}.
     *
     * @return the provider's reference of the debit
     * @throws PaymentProviderUnavailable when the provider cannot execute it now (to be retried)
     */
    String collect(String idempotencyKey, String orderNumber, long buyerId, Money amount);

    /** The provider could not execute a transfer; the same request may be retried later. */
    public class PaymentProviderUnavailable extends RuntimeException {

        public PaymentProviderUnavailable(String message) {
            super(message);
        }
    }
}
