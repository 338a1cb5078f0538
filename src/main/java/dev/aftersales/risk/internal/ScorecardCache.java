package dev.aftersales.risk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.aftersales.risk.ShopScorecard;

/**
 * Shop scorecards as last computed, per node. A scorecard costs one query over the shop's daily counters (and, for
 * the median first response, over the shop's answered claims of the window); the agent queue, the workspace and the
 * dashboard show it on every page, so it is computed once and kept until the risk thresholds change or
 * {@code aftersales.risk.scorecard-max-age} (5 min) has passed: another node's changes and the sliding windows show
 * within that time. When something about the shop changes on this node (every write of the read model tells the
 * cache, again after its commit), the card is computed again once it is
 * {@code aftersales.risk.scorecard-recount-after-change} (30 s) old: a shop that changes many times a second at
 * marketplace scale costs one computation per half minute and node, not one per view; one that changed after a quiet
 * spell is computed again at its next view. {@code 0s}: at the next view after every change.
 */
@Component
public class ScorecardCache {

    private record Entry(ShopScorecard card, RiskSettings settings, Instant computedAt, boolean changed) {
    }

    private final Map<Long, Entry> cards = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Duration recountAfterChange;
    private final Clock clock;

    ScorecardCache(@Value("${aftersales.risk.scorecard-max-age:5m}") Duration maxAge,
            @Value("${aftersales.risk.scorecard-recount-after-change:30s}") Duration recountAfterChange, Clock clock) {
        this.maxAge = maxAge;
        this.recountAfterChange = recountAfterChange;
        this.clock = clock;
    }

    /** The shop's scorecard as computed under these thresholds, if it is still fresh. */
    public Optional<ShopScorecard> get(long shopId, RiskSettings settings) {
        Entry e = cards.get(shopId);
        Instant now = clock.instant();
        if (e == null || !e.settings().equals(settings) || e.computedAt().isAfter(now)
                || !e.computedAt().plus(maxAge).isAfter(now)
                || e.changed() && !e.computedAt().plus(recountAfterChange).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(e.card());
    }

    public void put(long shopId, ShopScorecard card, RiskSettings settings, Instant computedAt) {
        cards.put(shopId, new Entry(card, settings, computedAt, false));
    }

    /**
     * Something about the shop changed: its scorecard is computed again at the next view once it is older than the
     * recount interval, now and after the change commits.
     */
    public void forget(long shopId) {
        changed(shopId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changed(shopId);
                }
            });
        }
    }

    private void changed(long shopId) {
        cards.computeIfPresent(shopId, (id, e) -> recountAfterChange.isZero() || recountAfterChange.isNegative() ? null
                : new Entry(e.card(), e.settings(), e.computedAt(), true));
    }
}
