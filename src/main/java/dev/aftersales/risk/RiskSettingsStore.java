package dev.aftersales.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.aftersales.catalog.PolicyAdministration;
import dev.aftersales.shared.RecordSettings;

/**
 * The risk thresholds now: {@code aftersales.risk.*} with an admin's run-time changes ({@code risk_settings}), each
 * change recorded with who, when, old and new. A node re-reads them at most five seconds after another node's
 * change (a scheduled refresh), at once after its own.
 */
@Service
public class RiskSettingsStore {

    private final RiskSettings configured;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    RiskSettingsStore(RiskSettings configured, JdbcTemplate jdbc, Clock clock) {
        this.configured = configured;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Snapshot(RiskSettings settings, long generation) {
    }

    public RiskSettings current() {
        Snapshot s = snapshot;
        if (s == null) {
            long seen = generation.get();
            Map<String, String> overrides = new HashMap<>();
            jdbc.query("select name, value from risk_settings", rs -> {
                overrides.put(rs.getString(1), rs.getString(2));
            });
            RiskSettings settings;
            try {
                settings = RecordSettings.with(configured, overrides);
            } catch (RuntimeException e) {
                settings = configured;
            }
            s = new Snapshot(settings, seen);
            // a change committed while this read ran must not be overwritten by what it read
            if (generation.get() == seen) {
                snapshot = s;
            }
        }
        return s.settings();
    }

    /** Picks up the changes other nodes made (every five seconds, with the sweeps). */
    @Scheduled(fixedDelayString = "${aftersales.policy-refresh-interval:5s}", initialDelayString = "5s")
    void refresh() {
        invalidate();
        current();
    }

    private void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    public List<RecordSettings.Entry> entries() {
        return RecordSettings.entries(current());
    }

    /**
     * Changes one threshold; the same value again records nothing.
     *
     * @throws PolicyAdministration.Rejected when the name is unknown or the value out of range
     */
    @Transactional
    public boolean change(String name, String text, String changedBy) {
        Class<?> type = RecordSettings.typeOf(RiskSettings.class, name);
        if (type == null || RecordSettings.kindOf(type) == null) {
            throw new PolicyAdministration.Rejected(name, "risk.policy.error.unknown");
        }
        Object value;
        try {
            value = RecordSettings.parse(type, text);
        } catch (RuntimeException e) {
            throw new PolicyAdministration.Rejected(name,
                    type == Duration.class ? "risk.policy.error.duration" : "risk.policy.error.number");
        }
        if (value instanceof Duration d && (d.compareTo(Duration.ofMinutes(1)) < 0
                || d.compareTo(Duration.ofDays(30)) > 0)) {
            throw new PolicyAdministration.Rejected(name, "risk.policy.error.durationRange", "1m", "30d");
        }
        if (value instanceof Integer n) {
            int max = name.endsWith("Score") || name.endsWith("Percent") ? 100 : name.endsWith("Tenths") ? 50 : 10_000;
            if (n < 0 || n > max) {
                throw new PolicyAdministration.Rejected(name, "risk.policy.error.numberRange", 0, max);
            }
        }
        jdbc.query("select pg_advisory_xact_lock(hashtext('risk-settings'))", rs -> {
        });
        invalidate();
        RiskSettings now = current();
        RiskSettings next = RecordSettings.with(now, Map.of(name, RecordSettings.format(value)));
        if (next.watchScore() >= next.reviewScore()) {
            throw new PolicyAdministration.Rejected(name, "risk.policy.error.watchBelowReview");
        }
        String old = RecordSettings.entries(now).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow().value();
        String formatted = RecordSettings.format(value);
        if (Objects.equals(old, formatted)) {
            return false;
        }
        Instant at = clock.instant();
        jdbc.update("insert into risk_settings (name, value, updated_by, updated_at) values (?, ?, ?, ?) "
                + "on conflict (name) do update set value = excluded.value, updated_by = excluded.updated_by, "
                + "updated_at = excluded.updated_at", name, formatted, changedBy, Timestamp.from(at));
        jdbc.update("insert into risk_setting_changes (name, old_value, new_value, changed_by, changed_at) "
                + "values (?, ?, ?, ?, ?)", name, old, formatted, changedBy, Timestamp.from(at));
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
        return true;
    }

    @Transactional(readOnly = true)
    public List<PolicyAdministration.Change> changes(int limit) {
        return jdbc.query("select name, old_value, new_value, changed_by, changed_at from risk_setting_changes "
                + "order by changed_at desc, id desc limit ?",
                (rs, i) -> new PolicyAdministration.Change(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()),
                limit);
    }
}
