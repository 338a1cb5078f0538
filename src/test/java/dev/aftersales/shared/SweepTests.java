package dev.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SweepTests {

    /** A due set of ids 1..n; handling an item takes it out of the set, as a sweep's action does. */
    static final class DueSet {

        final TreeSet<Integer> due = new TreeSet<>();
        final List<Integer> handled = new ArrayList<>();
        int queries;

        DueSet(int n) {
            IntStream.rangeClosed(1, n).forEach(due::add);
        }

        List<Integer> after(Integer last, int limit) {
            queries++;
            return (last == null ? due : due.tailSet(last, false)).stream().limit(limit).toList();
        }

        boolean handle(Integer item) {
            handled.add(item);
            return due.remove(item);
        }
    }

    static SweepSettings settings(int batch, int maxItems, Duration maxTime) {
        SweepSettings settings = new SweepSettings();
        settings.setBatchSize(batch);
        settings.setMaxItems(maxItems);
        settings.setMaxRunTime(maxTime);
        return settings;
    }

    @Test
    void oneRunDrainsEveryBatchUntilNothingIsDue() {
        DueSet set = new DueSet(23);

        Sweep.Result result = Sweep.run("test", settings(5, 1000, Duration.ofMinutes(1)), set::after, set::handle);

        assertThat(result.acted()).isEqualTo(23);
        assertThat(result.budgetUsed()).isFalse();
        assertThat(set.due).isEmpty();
        assertThat(set.handled).as("each item once, in keyset order").containsExactlyElementsOf(
                IntStream.rangeClosed(1, 23).boxed().toList());
        assertThat(set.queries).as("five batches of five, the last one short").isEqualTo(5);
    }

    @Test
    void aFailingItemIsSkippedAndLeftForTheNextRunNotRetriedInALoop() {
        DueSet set = new DueSet(12);
        Sweep.Handler<Integer> failingOnSeven = item -> {
            if (item == 7) {
                set.handled.add(item);
                throw new IllegalStateException("the provider is down");
            }
            return set.handle(item);
        };

        Sweep.Result first = Sweep.run("test", settings(4, 1000, Duration.ofMinutes(1)), set::after, failingOnSeven);

        assertThat(first.acted()).isEqualTo(11);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(set.handled).filteredOn(i -> i == 7).hasSize(1);
        assertThat(set.due).containsExactly(7);

        Sweep.Result next = Sweep.run("test", settings(4, 1000, Duration.ofMinutes(1)), set::after, set::handle);
        assertThat(next.acted()).isEqualTo(1);
        assertThat(set.due).isEmpty();
    }

    @Test
    void aRunStopsAtItsItemBudgetAndTheNextRunContinues() {
        DueSet set = new DueSet(23);
        SweepSettings budget = settings(4, 10, Duration.ofMinutes(1));

        Sweep.Result first = Sweep.run("test", budget, set::after, set::handle);
        assertThat(first.seen()).isEqualTo(10);
        assertThat(first.budgetUsed()).isTrue();
        assertThat(set.due).hasSize(13).first().isEqualTo(11);

        assertThat(Sweep.run("test", budget, set::after, set::handle).acted()).isEqualTo(10);
        Sweep.Result last = Sweep.run("test", budget, set::after, set::handle);
        assertThat(last.acted()).isEqualTo(3);
        assertThat(last.budgetUsed()).isFalse();
        assertThat(set.handled).doesNotHaveDuplicates().hasSize(23);
    }

    @Test
    void aRunStopsAtItsTimeBudgetAndLeavesTheRestOfTheBatchForTheNextRun() {
        DueSet set = new DueSet(23);

        Sweep.Result first = Sweep.run("test", settings(5, 1000, Duration.ofNanos(1)), set::after, set::handle);

        assertThat(first.acted()).isEqualTo(1);
        assertThat(first.budgetUsed()).isTrue();
        assertThat(set.due).hasSize(22).first().isEqualTo(2);
    }

    @Test
    void theLastItemOfTheDueSetEndsTheRunWithoutUsingTheBudget() {
        DueSet set = new DueSet(1);

        Sweep.Result only = Sweep.run("test", settings(5, 1000, Duration.ofNanos(1)), set::after, set::handle);

        assertThat(only.acted()).isEqualTo(1);
        assertThat(only.budgetUsed()).isFalse();
    }

    @Test
    void itemsNoLongerDueAreLookedAtOncePerRun() {
        DueSet set = new DueSet(9);
        // another node took every item a moment earlier: nothing to do, and no item is asked twice
        Sweep.Result result = Sweep.run("test", settings(2, 1000, Duration.ofMinutes(1)), set::after, item -> {
            set.handled.add(item);
            return false;
        });

        assertThat(result.acted()).isZero();
        assertThat(result.seen()).isEqualTo(9);
        assertThat(set.handled).doesNotHaveDuplicates().hasSize(9);
    }

    static SweepSettings chunked(int batch, int chunk, int maxItems, Duration maxTime) {
        SweepSettings settings = settings(batch, maxItems, maxTime);
        settings.setChunkSize(chunk);
        return settings;
    }

    @Test
    void aChunkedRunHandsEveryDueItemOnceInChunksOfTheBatch() {
        DueSet set = new DueSet(23);
        List<List<Integer>> chunks = new ArrayList<>();

        Sweep.Result result = Sweep.runChunked("test", chunked(10, 4, 1000, Duration.ofMinutes(1)), set::after,
                chunk -> {
                    chunks.add(List.copyOf(chunk));
                    return (int) chunk.stream().filter(set::handle).count();
                }, set::handle);

        assertThat(result.acted()).isEqualTo(23);
        assertThat(result.budgetUsed()).isFalse();
        assertThat(set.due).isEmpty();
        assertThat(set.handled).doesNotHaveDuplicates().hasSize(23);
        // batches of 10 (10, 10, 3), each cut into chunks of at most 4
        assertThat(chunks).extracting(List::size).containsExactly(4, 4, 2, 4, 4, 2, 3);
    }

    @Test
    void aFailedChunkIsHandledItemByItemAndOnlyItsBadItemIsLeftForTheNextRun() {
        DueSet set = new DueSet(12);
        Sweep.ChunkHandler<Integer> failsWithSeven = chunk -> {
            if (chunk.contains(7)) {
                throw new IllegalStateException("the chunk's transaction rolled back");
            }
            return (int) chunk.stream().filter(set::handle).count();
        };
        Sweep.Handler<Integer> failingOnSeven = item -> {
            if (item == 7) {
                throw new IllegalStateException("the provider is down");
            }
            return set.handle(item);
        };

        Sweep.Result first = Sweep.runChunked("test", chunked(12, 4, 1000, Duration.ofMinutes(1)), set::after,
                failsWithSeven, failingOnSeven);

        assertThat(first.acted()).isEqualTo(11);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(set.due).containsExactly(7);
    }

    @Test
    void aChunkedRunStopsAtItsItemBudgetAfterAChunkAndTheNextRunContinues() {
        DueSet set = new DueSet(23);
        SweepSettings budget = chunked(5, 2, 10, Duration.ofMinutes(1));
        Sweep.ChunkHandler<Integer> chunks = chunk -> (int) chunk.stream().filter(set::handle).count();

        Sweep.Result first = Sweep.runChunked("test", budget, set::after, chunks, set::handle);
        assertThat(first.seen()).isEqualTo(10);
        assertThat(first.budgetUsed()).isTrue();
        assertThat(set.due).hasSize(13).first().isEqualTo(11);

        Sweep.Result timeUp = Sweep.runChunked("test", chunked(5, 2, 1000, Duration.ofNanos(1)), set::after, chunks,
                set::handle);
        assertThat(timeUp.acted()).as("one chunk, then the time budget is used").isEqualTo(2);
        assertThat(timeUp.budgetUsed()).isTrue();
    }
}
