package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.ordering.ShipByLapses;
import dev.aftersales.ordering.ShipByLapses.LateOrder;
import dev.aftersales.shared.Sweep;
import dev.aftersales.shared.SweepSettings;
import dev.aftersales.shipping.TrackingWatch;

/**
 * The ship-by watcher (docs/system-cases.md#the-watchers): a paid order past its ship-by time without valid tracking, either unshipped or
 * "shipped" only with tracking numbers flagged as fake, gets a NO_TRACKING case opened by the system. It asks ordering
 * for late unshipped orders ({@link ShipByLapses}) and shipping for fake-tracking flags not yet followed up
 * ({@link TrackingWatch#flagsToFollowUp}), both from their own indexes, and drains them in batches
 * ({@link SweepSettings}). Late unshipped orders are handled a chunk at a time ({@code aftersales.sweeps.chunk-size}),
 * each chunk in one transaction whose events are published together ({@link ClaimsTransitioned}); a chunk that fails
 * is retried order by order. Each order is claimed by its row ({@code SKIP LOCKED}, so several nodes share the work)
 * and rechecked in the transaction that acts on it; one open case per order line and type (a unique index) backs
 * that up. Once acted on, the order or flag is noted by its module and is not listed again.
 */
@Component
public class ShipByWatcher {

    private static final Logger log = LoggerFactory.getLogger(ShipByWatcher.class);

    private final SystemCases cases;
    private final ShipByLapses lapses;
    private final TrackingWatch tracking;
    private final ClaimRepository claims;
    private final SweepSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;

    ShipByWatcher(SystemCases cases, ShipByLapses lapses, TrackingWatch tracking, ClaimRepository claims,
            SweepSettings settings, Clock clock, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, EntityManager entities) {
        this.events = events;
        this.entities = entities;
        this.cases = cases;
        this.lapses = lapses;
        this.tracking = tracking;
        this.claims = claims;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** @return how many NO_TRACKING cases were opened */
    public int runDue() {
        Instant now = clock.instant();
        int opened = Sweep.runChunked("Ship-by watcher (unshipped)", settings,
                (LateOrder after, Integer limit) -> lapses.lateUnshipped(now, after, limit),
                chunk -> tx.execute(status -> openForUnshipped(chunk, now)),
                late -> inOwnTransaction(late.orderId(), () -> openForUnshipped(late.orderId(), now))).acted();
        opened += Sweep.run("Ship-by watcher (fake tracking)", settings,
                (TrackingWatch.OpenFlag after, Integer limit) -> tracking.flagsToFollowUp(after, limit),
                flag -> inOwnTransaction(flag.orderId(), () -> openForFlag(flag, now))).acted();
        return opened;
    }

    private boolean inOwnTransaction(long orderId, java.util.function.BooleanSupplier work) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> work.getAsBoolean()));
        } catch (DataIntegrityViolationException raced) {
            log.debug("Order {}: its NO_TRACKING case was opened elsewhere a moment ago", orderId);
            return false;
        }
    }

    /**
     * A chunk of unshipped orders past ship-by, in one transaction: the orders are claimed together, the cases opened
     * one by one as {@link #openForUnshipped(long, Instant)} does, and their events published together at the end
     * ({@link HeldEvents}), so every listener runs once for the chunk.
     */
    private int openForUnshipped(List<LateOrder> chunk, Instant now) {
        List<Long> mine = lapses.claimAll(chunk.stream().map(LateOrder::orderId).toList(), now);
        if (mine.isEmpty()) {
            return 0;
        }
        Set<Long> noted = new HashSet<>(claims.ordersWithNoTracking(mine));
        HeldEvents held = new HeldEvents();
        int opened = 0;
        for (long orderId : mine) {
            if (!noted.contains(orderId) && cases.openNoTrackingIfDue(orderId, held).isPresent()) {
                noted.add(orderId);
                opened++;
            }
            // the case is written: nothing of it is read again in this chunk, and every query of the next case would
            // otherwise dirty-check all the chunk's claims before it runs
            entities.flush();
            entities.clear();
        }
        lapses.noteActedOn(List.copyOf(noted), now);
        held.publish(events);
        return opened;
    }

    /** An unshipped order past ship-by: one NO_TRACKING case per order, ever (the buyer may report again). */
    private boolean openForUnshipped(long orderId, Instant now) {
        if (!lapses.claim(orderId, now)) {
            return false;
        }
        if (claims.existsNoTrackingSince(orderId, Instant.EPOCH)) {
            lapses.noteActedOn(orderId, now);
            return false;
        }
        Optional<Long> claim = cases.openNoTrackingIfDue(orderId);
        if (claim.isPresent()) {
            lapses.noteActedOn(orderId, now);
        }
        // nothing left to claim (every unit cancelled, or nothing refundable): looked at again next run
        return claim.isPresent();
    }

    /** A fake-tracking flag: once ship-by has passed, a NO_TRACKING case unless one was opened since the flag. */
    private boolean openForFlag(TrackingWatch.OpenFlag flag, Instant now) {
        if (!tracking.claimFlag(flag.flagId())) {
            return false;
        }
        if (claims.existsNoTrackingSince(flag.orderId(), flag.flaggedAt())) {
            tracking.followedUp(flag.orderId(), now);
            return false;
        }
        SystemCases.FlagCheck check = cases.fakeTrackingCheck(flag.orderId());
        if (check == SystemCases.FlagCheck.SETTLED) {
            tracking.followedUp(flag.orderId(), now); // scanned after all, delivered or cancelled
            return false;
        }
        if (check == SystemCases.FlagCheck.NOT_YET) {
            return false; // ship-by has not passed, or a NO_TRACKING case from before the flag is still open
        }
        Optional<Long> claim = cases.openNoTrackingIfDue(flag.orderId());
        if (claim.isPresent()) {
            tracking.followedUp(flag.orderId(), now);
        }
        return claim.isPresent();
    }

    /** Runs the watcher on a schedule (off with {@code aftersales.scheduling.enabled=false}; tests call runDue). */
    @Component
    @ConditionalOnProperty(name = "aftersales.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final ShipByWatcher watcher;

        Schedule(ShipByWatcher watcher) {
            this.watcher = watcher;
        }

        @Scheduled(fixedDelayString = "${aftersales.watchers.interval:60s}", initialDelayString = "30s")
        void scheduled() {
            int opened = watcher.runDue();
            if (opened > 0) {
                log.info("Opened {} NO_TRACKING cases past ship-by", opened);
            }
        }
    }
}
