package dev.aftersales.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs N callables on N real threads, all released by one latch once every thread is waiting at it, and collects
 * each one's outcome (its value or what it threw). Nothing sleeps: the threads start together and contend for real.
 */
public final class Race {

    private Race() {
    }

    /**
     * @param contenders how many threads
     * @param contender  the work of thread {@code i} (0-based)
     * @return the outcomes, in thread order
     */
    public static <T> List<Outcome<T>> run(int contenders, IntFunction<Callable<T>> contender) {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch ready = new CountDownLatch(contenders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                Callable<T> work = contender.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Not every contender reached the start");
            }
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(120, TimeUnit.SECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A contender did not finish within 120 s (a lock never released?)", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the same callable on every thread. */
    public static <T> List<Outcome<T>> runSame(int contenders, Callable<T> contender) {
        return run(contenders, i -> contender);
    }

    /** What one contender got: a value, or what it threw. */
    public record Outcome<T>(T value, Throwable error) {

        public boolean succeeded() {
            return error == null;
        }

        public boolean failedWith(Class<? extends Throwable> type) {
            return error != null && type.isInstance(error);
        }
    }

    public static <T> long count(List<Outcome<T>> outcomes, Predicate<Outcome<T>> which) {
        return outcomes.stream().filter(which).count();
    }

    /** The errors that are none of the expected refusals (for a clear assertion message). */
    @SafeVarargs
    public static <T> List<Throwable> unexpected(List<Outcome<T>> outcomes, Class<? extends Throwable>... expected) {
        List<Throwable> errors = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            if (outcome.error() == null) {
                continue;
            }
            boolean known = false;
            for (Class<? extends Throwable> type : expected) {
                known |= type.isInstance(outcome.error());
            }
            if (!known) {
                errors.add(outcome.error());
            }
        }
        return errors;
    }
}
