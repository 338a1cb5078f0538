package dev.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.aftersales.shared.Recounted.Counted;
import dev.aftersales.support.MutableClock;

/**
 * A summary is counted by the first view, then counted again in the background once it is older than its age, while
 * the views go on showing the last one with the time it was counted.
 */
class RecountedTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T02:00:00Z"));
    /** Tasks handed to the background, run when the test says so. */
    final Queue<Runnable> queued = new ArrayDeque<>();
    final Executor background = queued::add;
    final AtomicInteger counts = new AtomicInteger();
    /** The figure is the number of times it was counted. */
    final Supplier<Integer> count = counts::incrementAndGet;

    final Recounted<Integer> summary = new Recounted<>(clock, Duration.ofSeconds(60), background);

    void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void theFirstViewCountsAndTheViewsWithinTheAgeGetTheSameFigure() {
        Counted<Integer> first = summary.current("UTC", count);
        assertThat(first.value()).isEqualTo(1);
        assertThat(first.at()).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(59));

        assertThat(summary.current("UTC", count)).isSameAs(first);
        assertThat(queued).as("nothing to count again").isEmpty();
        assertThat(counts).hasValue(1);
    }

    @Test
    void aViewAfterTheAgeGetsTheLastFigureAndTheNextOneTheFigureCountedInTheBackground() {
        Counted<Integer> first = summary.current("UTC", count);
        clock.advance(Duration.ofSeconds(61));

        Counted<Integer> stale = summary.current("UTC", count);
        assertThat(stale).as("the view does not wait for the count").isSameAs(first);
        assertThat(counts).as("not counted in the view's thread").hasValue(1);
        assertThat(summary.current("UTC", count)).isSameAs(first);
        assertThat(queued).as("one count in the background, however many views").hasSize(1);

        runQueued();
        Counted<Integer> recounted = summary.current("UTC", count);
        assertThat(recounted.value()).isEqualTo(2);
        assertThat(recounted.at()).isEqualTo(clock.instant());
        assertThat(queued).isEmpty();
    }

    @Test
    void aFailedRecountKeepsTheLastFigureAndTheNextViewTriesAgain() {
        Counted<Integer> first = summary.current("UTC", count);
        clock.advance(Duration.ofSeconds(61));
        summary.current("UTC", () -> {
            throw new IllegalStateException("database unavailable");
        });
        runQueued();

        assertThat(summary.current("UTC", count)).as("the last figure stays").isSameAs(first);
        runQueued();
        assertThat(summary.current("UTC", count).value()).isEqualTo(2);
    }

    @Test
    void anExecutorThatRefusesLeavesTheLastFigureAndALaterViewTriesAgain() {
        AtomicInteger refusals = new AtomicInteger();
        Recounted<Integer> refusing = new Recounted<>(clock, Duration.ofSeconds(60), task -> {
            if (refusals.getAndIncrement() == 0) {
                throw new RejectedExecutionException("queue full");
            }
            task.run();
        });
        Counted<Integer> first = refusing.current("UTC", count);
        clock.advance(Duration.ofSeconds(61));

        assertThat(refusing.current("UTC", count)).isSameAs(first);
        assertThat(refusing.current("UTC", count)).as("the second view's count ran").isSameAs(first);
        assertThat(refusing.current("UTC", count).value()).isEqualTo(2);
    }

    @Test
    void anotherKeyIsCountedInTheViewsThread() {
        summary.current("UTC", count);
        Counted<Integer> shanghai = summary.current("Asia/Shanghai", count);

        assertThat(shanghai.value()).isEqualTo(2);
        assertThat(shanghai.key()).isEqualTo("Asia/Shanghai");
        assertThat(queued).isEmpty();
    }

    @Test
    void withoutABackgroundExecutorTheViewAfterTheAgeCounts() {
        Recounted<Integer> inline = new Recounted<>(clock, Duration.ofSeconds(60));
        inline.current("UTC", count);
        clock.advance(Duration.ofSeconds(61));

        assertThat(inline.current("UTC", count).value()).isEqualTo(2);
    }
}
