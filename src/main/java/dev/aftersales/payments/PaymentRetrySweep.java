package dev.aftersales.payments;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries movements the provider has not confirmed yet, each in its own transaction. Safe on several nodes: a
 * movement being executed elsewhere is locked and skipped.
 */
@Component
public class PaymentRetrySweep {

    private final MovementRepository movements;
    private final PaymentExecutor executor;
    private final Clock clock;

    PaymentRetrySweep(MovementRepository movements, PaymentExecutor executor, Clock clock) {
        this.movements = movements;
        this.executor = executor;
        this.clock = clock;
    }

    /** @return how many movements were confirmed in this pass */
    public int retryDue() {
        int confirmed = 0;
        for (Long id : movements.duePending(clock.instant(), 200)) {
            if (executor.execute(id)) {
                confirmed++;
            }
        }
        return confirmed;
    }

    @Scheduled(fixedDelayString = "${aftersales.payments.retry-interval:60s}", initialDelayString = "30s")
    void scheduled() {
        retryDue();
    }
}
