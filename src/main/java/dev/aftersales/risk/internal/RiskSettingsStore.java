package dev.aftersales.risk.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.shared.RecordSettings;
import dev.aftersales.shared.SettingsStore.Rejected;
import dev.aftersales.shared.SettingsStore;

/**
 * The risk thresholds now: {@code aftersales.risk.*} with an admin's run-time changes ({@code risk_settings}, a
 * {@link SettingsStore}), each change recorded with who, when, old and new. A node re-reads them at most five seconds
 * after another node's change (a scheduled refresh), at once after its own.
 */
@Service
public class RiskSettingsStore {

    private final SettingsStore<RiskSettings> store;

    RiskSettingsStore(RiskSettings configured, JdbcTemplate jdbc, Clock clock) {
        this.store = new SettingsStore<>(configured, "risk_settings", "risk_setting_changes", RiskSettingsStore::check,
                jdbc, clock);
    }

    /**
     * Windows from a minute to 30 days; scores and percentages up to 100, ratings in tenths of a star up to 50, other
     * counts up to 10,000; the watch verdict below the review verdict.
     */
    private static void check(String name, Object value, RiskSettings next) {
        if (value instanceof Duration d && (d.compareTo(Duration.ofMinutes(1)) < 0
                || d.compareTo(Duration.ofDays(30)) > 0)) {
            throw new Rejected(name, "risk.policy.error.durationRange", "1m", "30d");
        }
        if (value instanceof Integer n) {
            int max = name.endsWith("Score") || name.endsWith("Percent") ? 100 : name.endsWith("Tenths") ? 50 : 10_000;
            if (n < 0 || n > max) {
                throw new Rejected(name, "risk.policy.error.numberRange", 0, max);
            }
        }
        if (next.watchScore() >= next.reviewScore()) {
            throw new Rejected(name, "risk.policy.error.watchBelowReview");
        }
    }

    public RiskSettings current() {
        return store.current();
    }

    /** Picks up the changes other nodes made (every five seconds, with the sweeps). */
    @Scheduled(fixedDelayString = "${aftersales.policy-refresh-interval:5s}", initialDelayString = "5s")
    void refresh() {
        store.refresh();
    }

    public List<RecordSettings.Entry> entries() {
        return store.entries();
    }

    /**
     * Changes one threshold; the same value again records nothing.
     *
     * @throws Rejected when the name is unknown or the value out of range
     */
    @Transactional
    public boolean change(String name, String text, String changedBy) {
        return store.change(name, text, changedBy);
    }

    @Transactional(readOnly = true)
    public List<SettingsStore.Change> changes(int limit) {
        return store.changes(limit);
    }
}
