package dev.aftersales.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A reaction that fails as often as a test tells it to, then succeeds: the event publication registry keeps it
 * incomplete until then. Only its own event ({@link Probe}) reaches it, so no other test notices it.
 */
@Component
public class FailingReaction {

    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();

    /** The event; {@code id} names one test's probe. */
    public record Probe(String id) {
    }

    /** The reaction to the probe {@code id} fails the next {@code times} times it runs. */
    public void failNext(String id, int times) {
        failuresLeft.computeIfAbsent(id, k -> new AtomicInteger()).set(times);
    }

    /** How often the reaction to the probe ran (failing or not). */
    public int runs(String id) {
        return runs.getOrDefault(id, new AtomicInteger()).get();
    }

    /** How often it ran to its end. */
    public int completions(String id) {
        return completions.getOrDefault(id, new AtomicInteger()).get();
    }

    @ApplicationModuleListener
    void on(Probe probe) {
        runs.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet();
        if (failuresLeft.computeIfAbsent(probe.id(), k -> new AtomicInteger()).getAndUpdate(n -> Math.max(n - 1, 0))
                > 0) {
            throw new IllegalStateException("the reaction to probe " + probe.id() + " fails on purpose");
        }
        completions.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet();
    }
}
