package dev.aftersales.notifications;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries whose next attempt is due: those that failed before (mail server down) and those whose
 * sending right after the commit never happened (the node stopped). Clock-driven; safe on several nodes, since each
 * delivery is locked while it is sent and re-checked under the lock.
 */
@Component
public class NotificationRetrySweep {

    private static final Logger log = LoggerFactory.getLogger(NotificationRetrySweep.class);
    private static final int MAX_PER_PASS = 200;

    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    NotificationRetrySweep(NotificationDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** @return how many deliveries were sent in this pass */
    public int retryDue() {
        int sent = 0;
        for (Long id : dispatcher.due(clock.instant(), MAX_PER_PASS)) {
            try {
                if (dispatcher.send(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Notification delivery {} not sent: {}", id, e.getMessage());
            }
        }
        return sent;
    }

    @Scheduled(fixedDelayString = "${aftersales.notifications.retry-interval:30s}", initialDelayString = "25s")
    void scheduled() {
        retryDue();
    }
}
