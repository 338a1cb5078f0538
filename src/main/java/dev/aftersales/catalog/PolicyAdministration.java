package dev.aftersales.catalog;

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

import dev.aftersales.shared.Money;
import dev.aftersales.shared.RecordSettings;

/**
 * The platform policy as an admin changes it at run time: the values of {@code aftersales.policy.*} with the
 * overrides stored in {@code policy_overrides}. Every clock starts from {@link #current()} (through
 * {@link CatalogManagement#platformPolicy()} and {@link CatalogManagement#policyFor(long)}), so a change applies to
 * the clocks that start after it and never moves a running one. Each change is recorded with who, when, old and new.
 * Each node re-reads the overrides at most five seconds after another node's change, at once after its own.
 */
@Service
public class PolicyAdministration {

    static final Duration MIN = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofDays(365);
    static final long MAX_THRESHOLD_FEN = 100_000;

    private final PolicyDefaults configured;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    PolicyAdministration(PolicyDefaults configured, JdbcTemplate jdbc, Clock clock) {
        this.configured = configured;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Snapshot(PolicyDefaults policy, long generation) {
    }

    /** One recorded change. */
    public record Change(String name, String oldValue, String newValue, String changedBy, Instant changedAt) {
    }

    /** A value refused, with the reason's message key and arguments. */
    public static class Rejected extends RuntimeException {

        private final String field;
        private final String messageKey;
        private final transient Object[] args;

        public Rejected(String field, String messageKey, Object... args) {
            super(field + ": " + messageKey);
            this.field = field;
            this.messageKey = messageKey;
            this.args = args;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args;
        }
    }

    /** The platform policy now: configuration with the admin's overrides. */
    public PolicyDefaults current() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load();
        }
        return s.policy();
    }

    /**
     * Picks up the changes other nodes made (every five seconds, with the sweeps); this node's own changes apply at
     * once. Pages never wait for it, so no request issues the query.
     */
    @Scheduled(fixedDelayString = "${aftersales.policy-refresh-interval:5s}", initialDelayString = "5s")
    void refresh() {
        invalidate();
        load();
    }

    private void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    /** What the configuration says, before any admin change. */
    public PolicyDefaults configured() {
        return configured;
    }

    /** Every component of the policy with its current value, in declaration order (new components included). */
    public List<RecordSettings.Entry> entries() {
        return RecordSettings.entries(current());
    }

    /**
     * Changes one value of the platform policy. Same value again: nothing is recorded.
     *
     * @return whether something changed
     * @throws Rejected when the name is unknown or the value out of range
     */
    @Transactional
    public boolean change(String name, String text, String changedBy) {
        Class<?> type = RecordSettings.typeOf(PolicyDefaults.class, name);
        if (type == null || RecordSettings.kindOf(type) == null) {
            throw new Rejected(name, "risk.policy.error.unknown");
        }
        Object value;
        try {
            value = RecordSettings.parse(type, text);
        } catch (RuntimeException e) {
            throw new Rejected(name, type == Duration.class ? "risk.policy.error.duration" : "risk.policy.error.number");
        }
        if (value instanceof Duration d && (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0)) {
            throw new Rejected(name, "risk.policy.error.durationRange", "1m", "365d");
        }
        if (value instanceof Long n && (n < 0 || n > MAX_THRESHOLD_FEN)) {
            throw RecordSettings.kindOf(name, type) == RecordSettings.Kind.MONEY
                    ? new Rejected(name, "risk.policy.error.moneyRange", Money.fen(0), Money.fen(MAX_THRESHOLD_FEN))
                    : new Rejected(name, "risk.policy.error.numberRange", 0, MAX_THRESHOLD_FEN);
        }
        String formatted = RecordSettings.format(value);
        // two admins changing the same value are serialised; the second sees the first one's value as old
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "policy:" + name);
        List<String> stored = jdbc.queryForList("select value from policy_overrides where name = ?", String.class,
                name);
        String old = !stored.isEmpty() ? stored.get(0)
                : RecordSettings.entries(configured).stream().filter(e -> e.name().equals(name)).findFirst()
                        .orElseThrow().value();
        if (Objects.equals(normalise(type, old), value)) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.update("insert into policy_overrides (name, value, updated_by, updated_at) values (?, ?, ?, ?) "
                + "on conflict (name) do update set value = excluded.value, updated_by = excluded.updated_by, "
                + "updated_at = excluded.updated_at", name, formatted, changedBy, Timestamp.from(now));
        jdbc.update("insert into policy_changes (name, old_value, new_value, changed_by, changed_at) "
                + "values (?, ?, ?, ?, ?)", name, old, formatted, changedBy, Timestamp.from(now));
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

    private static Object normalise(Class<?> type, String text) {
        try {
            return RecordSettings.parse(type, text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The changes, newest first. */
    @Transactional(readOnly = true)
    public List<Change> changes(int limit) {
        return jdbc.query("select name, old_value, new_value, changed_by, changed_at from policy_changes "
                + "order by changed_at desc, id desc limit ?",
                (rs, i) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                limit);
    }

    private Snapshot load() {
        long seen = generation.get();
        Map<String, String> overrides = new HashMap<>();
        jdbc.query("select name, value from policy_overrides",
                rs -> {
                    overrides.put(rs.getString(1), rs.getString(2));
                });
        PolicyDefaults policy;
        try {
            policy = RecordSettings.with(configured, overrides);
        } catch (RuntimeException e) {
            policy = configured;
        }
        Snapshot s = new Snapshot(policy, seen);
        // a change committed while this read ran must not be overwritten by what it read
        if (generation.get() == seen) {
            snapshot = s;
        }
        return s;
    }
}
