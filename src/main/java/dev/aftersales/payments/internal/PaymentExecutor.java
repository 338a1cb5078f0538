package dev.aftersales.payments.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementStatus;
import dev.aftersales.payments.internal.PaymentProvider.PaymentProviderUnavailable;

/**
 * Executes ledger movements through the provider, exactly once: the movement's row is locked (another node
 * executing it at the same moment skips it), a movement already confirmed is left alone, and the provider gets the
 * movement's idempotency key, so even a crash between the provider's answer and our commit pays nobody twice.
 */
@Component
public class PaymentExecutor {

    private static final Logger log = LoggerFactory.getLogger(PaymentExecutor.class);

    private final MovementRepository movements;
    private final PaymentProvider provider;
    private final Clock clock;

    PaymentExecutor(MovementRepository movements, PaymentProvider provider, Clock clock) {
        this.movements = movements;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * @return whether the movement is now confirmed by the provider
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean execute(long movementId) {
        var claimed = movements.claimPending(movementId);
        if (claimed.isEmpty()) {
            return movements.findById(movementId).map(m -> m.status() == MovementStatus.SUCCEEDED).orElse(false);
        }
        Movement movement = claimed.get();
        try {
            String reference = movement.kind() == MovementKind.REVERSAL
                    ? provider.collect(movement.idempotencyKey(), movement.orderNumber(), movement.buyerId(),
                            movement.amount())
                    : provider.transfer(movement.idempotencyKey(), movement.orderNumber(), movement.buyerId(),
                            movement.amount());
            movement.succeeded(reference, clock.instant());
            movements.save(movement);
            return true;
        } catch (PaymentProviderUnavailable e) {
            movement.failed(e.getMessage(), clock.instant());
            movements.save(movement);
            log.warn("Payment movement {} failed (attempt {}): {}", movementId, movement.attempts(), e.getMessage());
            return false;
        }
    }
}
