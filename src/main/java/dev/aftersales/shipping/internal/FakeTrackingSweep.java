package dev.aftersales.shipping.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.aftersales.shipping.TrackingWatch;

/** Flags tracking numbers without a carrier scan within the first-scan window, on a schedule (off with {@code aftersales.scheduling.enabled=false}; tests call
 * {@link TrackingWatch} themselves). */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "aftersales.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class FakeTrackingSweep {

    private static final Logger log = LoggerFactory.getLogger(FakeTrackingSweep.class);

    private final TrackingWatch watch;

    FakeTrackingSweep(TrackingWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${aftersales.watchers.interval:60s}", initialDelayString = "25s")
    void scheduled() {
        int flagged = watch.flagScanless();
        if (flagged > 0) {
            log.info("Flagged {} tracking numbers without a carrier scan", flagged);
        }
    }
}
