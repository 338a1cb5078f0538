package dev.aftersales.notifications.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;

/**
 * Sends the deliveries whose next attempt is due: those that failed before (mail server down) and those whose
 * sending right after the commit never happened (the node stopped). Clock-driven; safe on several nodes, since each
 * delivery is locked while it is sent and re-checked under the lock ({@code SKIP LOCKED}). Drains what is due in
 * batches by (next attempt, id) from the partial index {@code notification_deliveries_due_idx}; a delivery that
 * fails gets its next attempt later by its backoff, so a run never retries it again.
 */
@Component
public class NotificationRetrySweep {

    private final NotificationDispatcher dispatcher;
    private final SweepSettings settings;
    private final Clock clock;

    NotificationRetrySweep(NotificationDispatcher dispatcher, SweepSettings settings, Clock clock) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many deliveries were sent in this pass */
    public int retryDue() {
        Instant now = clock.instant();
        return Sweep.run("Notification retry sweep", settings,
                (NotificationDispatcher.Due after, Integer limit) -> dispatcher.due(now, after, limit),
                due -> dispatcher.send(due.deliveryId())).acted();
    }

    @Scheduled(fixedDelayString = "${aftersales.notifications.retry-interval:30s}", initialDelayString = "25s")
    void scheduled() {
        retryDue();
    }
}
