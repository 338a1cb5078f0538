package dev.aftersales.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;

/**
 * Retries movements the provider has not confirmed yet, each in its own transaction. Safe on several nodes: a
 * movement being executed elsewhere is locked and skipped ({@code SKIP LOCKED}). Drains what is due in batches by
 * (next attempt, id) until nothing is due or the run's budget is used ({@link SweepSettings}); a movement that fails
 * gets its next attempt later by its backoff, so a run never retries it again.
 */
@Component
public class PaymentRetrySweep {

    private final MovementRepository movements;
    private final PaymentExecutor executor;
    private final SweepSettings settings;
    private final Clock clock;

    PaymentRetrySweep(MovementRepository movements, PaymentExecutor executor, SweepSettings settings, Clock clock) {
        this.settings = settings;
        this.movements = movements;
        this.executor = executor;
        this.clock = clock;
    }

    /** @return how many movements were confirmed in this pass */
    public int retryDue() {
        Instant now = clock.instant();
        return Sweep.run("Payment retry sweep", settings, (Due after, Integer limit) -> due(now, after, limit),
                due -> executor.execute(due.movementId())).acted();
    }

    private List<Due> due(Instant now, Due after, int limit) {
        return movements.duePending(now, after == null ? Instant.EPOCH : after.nextAttemptAt(),
                after == null ? 0L : after.movementId(), limit).stream()
                .map(row -> new Due(row.getMovementId(), row.getNextAttemptAt())).toList();
    }

    /** A movement whose next attempt is due. */
    record Due(long movementId, Instant nextAttemptAt) {
    }

    @Scheduled(fixedDelayString = "${aftersales.payments.retry-interval:60s}", initialDelayString = "30s")
    void scheduled() {
        retryDue();
    }
}
