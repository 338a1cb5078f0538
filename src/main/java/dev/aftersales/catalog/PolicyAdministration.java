package dev.aftersales.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.shared.Money;
import dev.aftersales.shared.RecordSettings;
import dev.aftersales.shared.SettingsStore;
import dev.aftersales.shared.SettingsStore.Rejected;

/**
 * The platform policy as an admin changes it at run time: the values of {@code aftersales.policy.*} with the
 * overrides stored in {@code policy_overrides} (a {@link SettingsStore}). Every clock starts from {@link #current()}
 * (through {@link CatalogManagement#platformPolicy()} and {@link CatalogManagement#policyFor(long)}), so a change
 * applies to the clocks that start after it and never moves a running one. Each change is recorded with who, when,
 * old and new. Each node re-reads the overrides at most five seconds after another node's change, at once after its
 * own.
 */
@Service
public class PolicyAdministration {

    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofDays(365);
    static final long MAX_THRESHOLD_FEN = 100_000;

    private final SettingsStore<PolicyDefaults> store;

    PolicyAdministration(PolicyDefaults configured, JdbcTemplate jdbc, Clock clock) {
        this.store = new SettingsStore<>(configured, "policy_overrides", "policy_changes",
                PolicyAdministration::check, jdbc, clock);
    }

    /** Every duration from a minute to a year; amounts and counts from 0 to ¥1,000.00 or 100,000. */
    private static void check(String name, Object value, PolicyDefaults next) {
        if (value instanceof Duration d && (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0)) {
            throw new Rejected(name, "risk.policy.error.durationRange", "1m", "365d");
        }
        if (value instanceof Long n && (n < 0 || n > MAX_THRESHOLD_FEN)) {
            throw RecordSettings.kindOf(name, Long.class) == RecordSettings.Kind.MONEY
                    ? new Rejected(name, "risk.policy.error.moneyRange", Money.fen(0), Money.fen(MAX_THRESHOLD_FEN))
                    : new Rejected(name, "risk.policy.error.numberRange", 0, MAX_THRESHOLD_FEN);
        }
    }

    /** The platform policy now: configuration with the admin's overrides. */
    public PolicyDefaults current() {
        return store.current();
    }

    /**
     * Picks up the changes other nodes made (every five seconds, with the sweeps); this node's own changes apply at
     * once. Pages never wait for it, so no request issues the query.
     */
    @Scheduled(fixedDelayString = "${aftersales.policy-refresh-interval:5s}", initialDelayString = "5s")
    void refresh() {
        store.refresh();
    }

    /** What the configuration says, before any admin change. */
    public PolicyDefaults configured() {
        return store.configured();
    }

    /** Every component of the policy with its current value, in declaration order (new components included). */
    public List<RecordSettings.Entry> entries() {
        return store.entries();
    }

    /**
     * Changes one value of the platform policy. Same value again: nothing is recorded.
     *
     * @return whether something changed
     * @throws Rejected when the name is unknown or the value out of range
     */
    @Transactional
    public boolean change(String name, String text, String changedBy) {
        return store.change(name, text, changedBy);
    }

    /** The changes, newest first. */
    @Transactional(readOnly = true)
    public List<SettingsStore.Change> changes(int limit) {
        return store.changes(limit);
    }
}
