package dev.aftersales.payments.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Right after a movement's transaction commits, executes it once on the application's task executor (not in the
 * committing thread, which still holds its database connection until the commit completes). A failure is left to
 * {@link PaymentRetrySweep}; a crash before this runs leaves the movement pending for the sweep too.
 */
@Component
public class PaymentRequestedListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequestedListener.class);

    private final PaymentExecutor executor;

    PaymentRequestedListener(PaymentExecutor executor) {
        this.executor = executor;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onRequested(MovementRequested requested) {
        try {
            executor.execute(requested.movementId());
        } catch (RuntimeException e) {
            log.warn("Payment movement {} will be retried: {}", requested.movementId(), e.getMessage());
        }
    }
}
