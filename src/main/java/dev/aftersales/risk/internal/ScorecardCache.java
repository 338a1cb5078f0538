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
 * Shop scorecards as last computed, per node. A scorecard costs one query over the shop's daily counters; the agent
 * queue, the workspace and the dashboard show it on every page, so it is computed once and kept until something
 * about the shop changes on this node (the read model's writes forget it, also after their commit), the risk
 * thresholds change, or {@code aftersales.risk.scorecard-max-age} (5 min) has passed:
 * another node's changes and the sliding windows show within that time.
 */
@Component
public class ScorecardCache {

    private record Entry(ShopScorecard card, RiskSettings settings, Instant computedAt) {
    }

    private final Map<Long, Entry> cards = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Clock clock;

    ScorecardCache(@Value("${aftersales.risk.scorecard-max-age:5m}") Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The shop's scorecard as computed under these thresholds, if it is still fresh. */
    public Optional<ShopScorecard> get(long shopId, RiskSettings settings) {
        Entry e = cards.get(shopId);
        Instant now = clock.instant();
        if (e == null || !e.settings().equals(settings) || e.computedAt().isAfter(now)
                || !e.computedAt().plus(maxAge).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(e.card());
    }

    public void put(long shopId, ShopScorecard card, RiskSettings settings, Instant computedAt) {
        cards.put(shopId, new Entry(card, settings, computedAt));
    }

    /** Something about the shop changed: its scorecard is computed again, now and after the change commits. */
    public void forget(long shopId) {
        cards.remove(shopId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cards.remove(shopId);
                }
            });
        }
    }
}
