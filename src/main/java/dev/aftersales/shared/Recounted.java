package dev.aftersales.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure that is too dear to count on every page view (it runs over every open claim, every decision, every
 * escalation), kept per node and counted again at most every {@code maxAge}. A figure is kept for one key (e.g. the
 * time zone it was counted in); asking for another key counts again. A {@code maxAge} of zero counts on every call.
 * Pages that show such a figure say when it was counted ({@link Counted#at()}).
 * <p>
 * Who counts: when there is no figure for the key yet, the caller counts it (one caller at a time; the others wait for
 * that figure). When the figure has grown older than {@code maxAge}, the caller gets it as it is and, given a
 * background executor, the figure is counted again there (one count at a time); without one, the caller counts. So at
 * marketplace scale no page view waits for a recount (seconds over hundreds of thousands of claims): the view after the
 * age shows the last figure with its time, the next ones the new figure. A recount that fails leaves the last figure,
 * and the next view tries again.
 *
 * @param <T> the figure
 */
public final class Recounted<T> {

    private static final Logger log = LoggerFactory.getLogger(Recounted.class);

    private final Clock clock;
    private final Duration maxAge;
    private final Executor background;
    private final AtomicBoolean recounting = new AtomicBoolean();
    private volatile Counted<T> last;

    /** Counts in the caller's thread, whether the figure is missing or old. */
    public Recounted(Clock clock, Duration maxAge) {
        this(clock, maxAge, null);
    }

    /** Counts an old figure again on {@code background}; a missing one in the caller's thread. */
    public Recounted(Clock clock, Duration maxAge, Executor background) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.background = background;
    }

    /** A figure, the key it was counted for, and when. */
    public record Counted<T>(T value, Object key, Instant at) {
    }

    /**
     * The figure for {@code key}, counted by {@code count} if none is kept for the key; if the one kept is older than
     * the maximum age, it is returned and counted again (in the background when there is an executor).
     */
    public Counted<T> current(Object key, Supplier<T> count) {
        Counted<T> seen = last;
        if (fresh(seen, key)) {
            return seen;
        }
        if (background != null && sameKey(seen, key) && !maxAge.isZero() && !maxAge.isNegative()) {
            recountInBackground(key, count);
            return seen;
        }
        synchronized (this) {
            seen = last;
            if (!fresh(seen, key)) {
                seen = countNow(key, count);
            }
            return seen;
        }
    }

    private void recountInBackground(Object key, Supplier<T> count) {
        if (!recounting.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    synchronized (this) {
                        if (!fresh(last, key)) {
                            countNow(key, count);
                        }
                    }
                } catch (RuntimeException e) {
                    log.warn("Counting a summary again failed; the last one stays until the next view: {}",
                            e.toString());
                } finally {
                    recounting.set(false);
                }
            });
        } catch (RuntimeException e) {
            // the executor refused (shutting down, queue full): the last figure stays, a later view tries again
            recounting.set(false);
            log.warn("Counting a summary again could not start: {}", e.toString());
        }
    }

    private Counted<T> countNow(Object key, Supplier<T> count) {
        Instant at = clock.instant();
        Counted<T> counted = new Counted<>(count.get(), key, at);
        last = counted;
        return counted;
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

    private static boolean sameKey(Counted<?> counted, Object key) {
        return counted != null && Objects.equals(counted.key(), key);
    }

    private boolean fresh(Counted<T> counted, Object key) {
        if (!sameKey(counted, key) || maxAge.isZero() || maxAge.isNegative()) {
            return false;
        }
        Instant now = clock.instant();
        return !now.isBefore(counted.at()) && now.isBefore(counted.at().plus(maxAge));
    }
}
