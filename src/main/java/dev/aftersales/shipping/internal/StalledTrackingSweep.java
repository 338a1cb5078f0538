package dev.aftersales.shipping.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.aftersales.shipping.TrackingWatch;

/** Notices parcels whose tracking stopped moving and tells their buyers, on a schedule (off with {@code aftersales.scheduling.enabled=false}; tests call
 * {@link TrackingWatch} themselves). */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "aftersales.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public class StalledTrackingSweep {

    private static final Logger log = LoggerFactory.getLogger(StalledTrackingSweep.class);

    private final TrackingWatch watch;

    StalledTrackingSweep(TrackingWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${aftersales.watchers.interval:60s}", initialDelayString = "35s")
    void scheduled() {
        int noticed = watch.noticeStalls();
        if (noticed > 0) {
            log.info("Noticed {} stalled parcels", noticed);
        }
    }
}
