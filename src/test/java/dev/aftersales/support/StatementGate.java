package dev.aftersales.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Holds a thread just before it prepares a chosen SQL statement on the application's data source, so that a test can
 * commit something else between two reads of one page: the thread counts down {@code reached} and waits for
 * {@code release}. Only the thread that runs {@link #pausing} is held, once, at the first statement matching. The
 * data source is watched by {@link SqlStatementCounter}'s proxy.
 */
public final class StatementGate {

    private static final ThreadLocal<Gate> GATE = new ThreadLocal<>();

    private record Gate(Predicate<String> statement, CountDownLatch reached, CountDownLatch release) {
    }

    private StatementGate() {
    }

    /** Runs {@code work} on this thread, held once before the first statement {@code statement} accepts. */
    public static <T> T pausing(Predicate<String> statement, CountDownLatch reached, CountDownLatch release,
            Callable<T> work) throws Exception {
        GATE.set(new Gate(statement, reached, release));
        try {
            return work.call();
        } finally {
            GATE.remove();
        }
    }

    /** Called before this thread prepares {@code sql}. */
    static void beforeStatement(String sql) throws InterruptedException {
        Gate gate = GATE.get();
        if (gate == null || sql == null || !gate.statement().test(sql)) {
            return;
        }
        GATE.remove();
        gate.reached().countDown();
        if (!gate.release().await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The test never released the statement " + sql);
        }
    }
}
