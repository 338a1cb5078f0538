package dev.aftersales.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Settings an admin changes at run time (the platform policy, the risk thresholds): the configured record with the
 * overrides stored in a table of (name, value), every change recorded in a second table with who, when, old and new.
 * One store per settings record; its owner calls {@link #change} inside a transaction and {@link #refresh} on a
 * schedule.
 * <p>
 * The values are held in memory: this node's own change applies at once (and again after its commit), another
 * node's at the next {@link #refresh}. Changes of one store are serialised by an advisory lock, so the second of two
 * admins sees the first one's value as the old one.
 *
 * @param <T> the settings record
 */
public final class SettingsStore<T extends Record> {

    /** Range and consistency checks of one settings record, beyond a value that can be read at all. */
    @FunctionalInterface
    public interface Rules<T> {

        /**
         * @param name  the component changed
         * @param value its new value (a {@link Duration}, {@link Integer} or {@link Long})
         * @param next  the whole settings record with the new value
         * @throws Rejected when the value is out of range or does not fit the other values
         */
        void check(String name, Object value, T next);
    }

    /** A value refused, with the field, the reason's message key and its arguments. */
    public static class Rejected extends RuntimeException implements Refusal {

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

    /** One recorded change. */
    public record Change(String name, String oldValue, String newValue, String changedBy, Instant changedAt) {
    }

    private record Snapshot<T>(T settings, long generation) {
    }

    private final Class<T> type;
    private final T configured;
    private final String overrides;
    private final String changes;
    private final Rules<T> rules;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot<T> snapshot;

    /**
     * @param overrides the table of (name, value, updated_by, updated_at), one row per changed component
     * @param changes   the table of (name, old_value, new_value, changed_by, changed_at)
     */
    @SuppressWarnings("unchecked")
    public SettingsStore(T configured, String overrides, String changes, Rules<T> rules, JdbcTemplate jdbc,
            Clock clock) {
        this.type = (Class<T>) configured.getClass();
        this.configured = configured;
        this.overrides = overrides;
        this.changes = changes;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the configuration says, before any admin change. */
    public T configured() {
        return configured;
    }

    /** The settings now: configuration with the admin's changes. */
    public T current() {
        Snapshot<T> s = snapshot;
        return s != null ? s.settings() : load().settings();
    }

    /** Every component with its current value, in declaration order (new components included). */
    public List<RecordSettings.Entry> entries() {
        return RecordSettings.entries(current());
    }

    /** Picks up the changes other nodes made. */
    public void refresh() {
        invalidate();
        load();
    }

    /**
     * Changes one component; the same value again records nothing. Must run in a transaction.
     *
     * @return whether something changed
     * @throws Rejected when the name is unknown, the value cannot be read or {@link Rules} refuse it
     */
    public boolean change(String name, String text, String changedBy) {
        Class<?> component = RecordSettings.typeOf(type, name);
        if (component == null || RecordSettings.kindOf(component) == null) {
            throw new Rejected(name, "risk.policy.error.unknown");
        }
        Object value;
        try {
            value = RecordSettings.parse(component, text);
        } catch (RuntimeException e) {
            throw new Rejected(name,
                    component == Duration.class ? "risk.policy.error.duration" : "risk.policy.error.number");
        }
        String formatted = RecordSettings.format(value);
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "settings:" + overrides);
        invalidate();
        T next = RecordSettings.with(current(), Map.of(name, formatted));
        rules.check(name, value, next);
        List<String> stored = jdbc.queryForList("select value from " + overrides + " where name = ?",
                String.class, name);
        String old = !stored.isEmpty() ? stored.get(0)
                : RecordSettings.entries(configured).stream().filter(e -> e.name().equals(name)).findFirst()
                        .orElseThrow().value();
        if (value.equals(readable(component, old))) {
            return false;
        }
        Instant at = clock.instant();
        jdbc.update("insert into " + overrides + " (name, value, updated_by, updated_at) values (?, ?, ?, ?) "
                + "on conflict (name) do update set value = excluded.value, updated_by = excluded.updated_by, "
                + "updated_at = excluded.updated_at", name, formatted, changedBy, Timestamp.from(at));
        jdbc.update("insert into " + changes + " (name, old_value, new_value, changed_by, changed_at) "
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

    /** The changes, newest first. */
    public List<Change> changes(int limit) {
        return jdbc.query("select name, old_value, new_value, changed_by, changed_at from " + changes
                + " order by changed_at desc, id desc limit ?",
                (rs, i) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                limit);
    }

    private static Object readable(Class<?> type, String text) {
        try {
            return RecordSettings.parse(type, text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot<T> load() {
        long seen = generation.get();
        Map<String, String> stored = new HashMap<>();
        jdbc.query("select name, value from " + overrides, rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        T settings;
        try {
            settings = RecordSettings.with(configured, stored);
        } catch (RuntimeException e) {
            settings = configured;
        }
        Snapshot<T> s = new Snapshot<>(settings, seen);
        // a change committed while this read ran must not be overwritten by what it read
        if (generation.get() == seen) {
            snapshot = s;
        }
        return s;
    }
}
