package dev.aftersales.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waits for something another process does (a node's scheduler, a server starting) by asking again until it is true
 * or a deadline passes; the deadline is a bound that fails the test, never a pace the test relies on.
 */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /** Asks {@code probe} until {@code done} accepts its answer; returns that answer or fails after {@code bound}. */
    public static <T> T until(String what, Duration bound, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = null;
        Throwable lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception | AssertionError e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failed = new AssertionError(
                        "Not done within " + bound + ": " + what + " (last answer: " + last + ")");
                if (lastFailure != null) {
                    failed.initCause(lastFailure);
                }
                throw failed;
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** Waits until {@code condition} is true. */
    public static void until(String what, Duration bound, Callable<Boolean> condition) {
        until(what, bound, condition, Boolean.TRUE::equals);
    }
}
