package dev.aftersales.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A figure that is too dear to count on every page view (it runs over every open claim, every decision, every
 * escalation), kept per node and counted again at most every {@code maxAge}. One caller at a time recounts a stale
 * figure; the others meanwhile get the last one. A figure is kept for one key (e.g. the time zone it was counted in);
 * asking for another key counts again. A {@code maxAge} of zero counts on every call. Pages that show such a figure
 * say when it was counted ({@link Counted#at()}).
 *
 * @param <T> the figure
 */
public final class Recounted<T> {

    private final Clock clock;
    private final Duration maxAge;
    private volatile Counted<T> last;

    public Recounted(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** A figure, the key it was counted for, and when. */
    public record Counted<T>(T value, Object key, Instant at) {
    }

    /** The figure for {@code key}, counted by {@code count} if the last one is older than the maximum age. */
    public Counted<T> current(Object key, Supplier<T> count) {
        Counted<T> seen = last;
        if (fresh(seen, key)) {
            return seen;
        }
        synchronized (this) {
            seen = last;
            if (!fresh(seen, key)) {
                Instant at = clock.instant();
                seen = new Counted<>(count.get(), key, at);
                last = seen;
            }
            return seen;
        }
    }

    /** Drops the figure kept, so that the next call counts it again. */
    public void forget() {
        last = null;
    }

    /**
     * A component that keeps figures in {@link Recounted}s. Stories in the tests start with none kept ({@link #forget()}),
     * since each story sets the clock back to the real time and an earlier story's figure may lie ahead of it.
     */
    public interface Keeper {

        /** Drops every figure kept. */
        void forget();
    }

    public Duration maxAge() {
        return maxAge;
    }

    private boolean fresh(Counted<T> counted, Object key) {
        if (counted == null || !Objects.equals(counted.key(), key) || maxAge.isZero() || maxAge.isNegative()) {
            return false;
        }
        Instant now = clock.instant();
        return !now.isBefore(counted.at()) && now.isBefore(counted.at().plus(maxAge));
    }
}
