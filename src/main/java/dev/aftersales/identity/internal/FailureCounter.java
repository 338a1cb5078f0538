package dev.aftersales.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failures per key (a client address) in fixed windows, in this node's memory: after {@code maxFailures}
 * failures within {@code window} of the first, the key is blocked until that window ends. At most {@code maxKeys}
 * keys are kept; beyond that the least recently seen key is forgotten, so memory stays bounded whatever an attacker
 * sends (a forgotten key starts again from zero). Thread-safe.
 */
public final class FailureCounter {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Window> windows;

    public FailureCounter(Clock clock, int maxFailures, Duration window, int maxKeys) {
        if (maxFailures < 1 || maxKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A failure limit needs a positive count, window and size");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.windows = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long the key stays blocked, when it is. */
    public synchronized Optional<Duration> blockedFor(String key) {
        Window current = windows.get(key);
        if (current == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(current.end)) {
            windows.remove(key);
            return Optional.empty();
        }
        return current.failures >= maxFailures ? Optional.of(Duration.between(now, current.end)) : Optional.empty();
    }

    /**
     * Counts a failure of the key.
     *
     * @return how long the key is blocked now, when this failure reached the limit
     */
    public synchronized Optional<Duration> fail(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || !now.isBefore(current.end)) {
            current = new Window(now.plus(window));
            windows.put(key, current);
        }
        current.failures++;
        return current.failures >= maxFailures ? Optional.of(Duration.between(now, current.end)) : Optional.empty();
    }

    /** How many keys are kept now (at most the size given). */
    synchronized int size() {
        return windows.size();
    }

    private static final class Window {

        private final Instant end;
        private int failures;

        Window(Instant end) {
            this.end = end;
        }
    }
}
