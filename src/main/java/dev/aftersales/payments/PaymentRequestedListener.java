package dev.aftersales.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Right after a movement's transaction commits, executes it once, in the same thread, so that a buyer who accepts a
 * refund sees it confirmed on the next page. A failure is left to {@link PaymentRetrySweep}; a crash before this
 * runs leaves the movement pending for the sweep too.
 */
@Component
class PaymentRequestedListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequestedListener.class);

    private final PaymentExecutor executor;

    PaymentRequestedListener(PaymentExecutor executor) {
        this.executor = executor;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRequested(MovementRequested requested) {
        try {
            executor.execute(requested.movementId());
        } catch (RuntimeException e) {
            log.warn("Payment movement {} will be retried: {}", requested.movementId(), e.getMessage());
        }
    }
}
