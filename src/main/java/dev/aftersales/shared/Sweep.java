package dev.aftersales.shared;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a sweep over its due set: reads the due items in bounded batches by a keyset (each batch starts after the
 * last item of the one before, so an item is looked at once per run), hands each item to its handler (which acts in
 * its own transaction and claims the item with {@code FOR UPDATE SKIP LOCKED} or a unique constraint, so several
 * nodes share the work and never act twice), and stops when a batch comes back short (nothing more is due) or the
 * run's budget is used (checked after every item: the rest of the batch is left for the next run). An item whose handler fails is logged and skipped: the next run tries it again.
 */
public final class Sweep {

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);

    private Sweep() {
    }

    /** What one item's handler does with it. */
    @FunctionalInterface
    public interface Handler<T> {

        /** @return whether the item was acted on (false: no longer due, or another node has it) */
        boolean handle(T item);
    }

    /**
     * Runs the sweep.
     *
     * @param name      what the log calls it
     * @param settings  batch size and budget
     * @param nextBatch the next due items after the given one ({@code null}: from the start), at most the given
     *                  number, in keyset order
     * @param handler   acts on one item
     */
    public static <T> Result run(String name, SweepSettings settings, BiFunction<T, Integer, List<T>> nextBatch,
            Handler<T> handler) {
        return drain(name, settings, nextBatch, 1, chunk -> one(name, chunk.get(0), handler));
    }

    /** Acts on several due items at once, in one transaction. */
    @FunctionalInterface
    public interface ChunkHandler<T> {

        /** @return how many of the items were acted on */
        int handle(List<T> chunk);
    }

    /**
     * Runs the sweep a chunk at a time: each batch is cut into chunks of {@code chunk-size} items, and each chunk is
     * handed to {@code chunkHandler}, which acts on all of them in one transaction (one commit and one set of
     * published events per chunk instead of per item). When a chunk fails as a whole (its transaction rolled back),
     * its items are handed one by one to {@code handler}, each in its own transaction, so one bad item cannot hold
     * the others back. The run's budget is checked after every chunk.
     */
    public static <T> Result runChunked(String name, SweepSettings settings, BiFunction<T, Integer, List<T>> nextBatch,
            ChunkHandler<T> chunkHandler, Handler<T> handler) {
        return drain(name, settings, nextBatch, settings.getChunkSize(), chunk -> {
            try {
                return new Tally(chunkHandler.handle(chunk), 0);
            } catch (RuntimeException chunkFailed) {
                log.info("{}: a chunk of {} items failed ({}); acting on them one by one", name, chunk.size(),
                        chunkFailed.toString());
                Tally tally = new Tally(0, 0);
                for (T item : chunk) {
                    tally = tally.plus(one(name, item, handler));
                }
                return tally;
            }
        });
    }

    /** What acting on some items came to. */
    private record Tally(int acted, int failed) {

        Tally plus(Tally other) {
            return new Tally(acted + other.acted, failed + other.failed);
        }
    }

    private static <T> Tally one(String name, T item, Handler<T> handler) {
        try {
            return new Tally(handler.handle(item) ? 1 : 0, 0);
        } catch (RuntimeException e) {
            log.warn("{}: {} not handled, the next run tries again: {}", name, item, e.toString());
            return new Tally(0, 1);
        }
    }

    /** The run itself: batch after batch, chunk after chunk, the budget checked after each chunk. */
    private static <T> Result drain(String name, SweepSettings settings, BiFunction<T, Integer, List<T>> nextBatch,
            int chunkSize, Function<List<T>, Tally> step) {
        long deadline = System.nanoTime() + settings.getMaxRunTime().toNanos();
        int batchSize = settings.getBatchSize();
        int seen = 0;
        int acted = 0;
        int failed = 0;
        T last = null;
        while (true) {
            int limit = Math.min(batchSize, settings.getMaxItems() - seen);
            List<T> batch = nextBatch.apply(last, limit);
            for (int from = 0; from < batch.size(); from += chunkSize) {
                List<T> chunk = batch.subList(from, Math.min(from + chunkSize, batch.size()));
                seen += chunk.size();
                Tally tally = step.apply(chunk);
                acted += tally.acted();
                failed += tally.failed();
                boolean more = from + chunkSize < batch.size() || batch.size() == limit;
                if (more && (seen >= settings.getMaxItems() || System.nanoTime() - deadline >= 0)) {
                    log.info("{}: run budget used after {} items ({} acted on); the next run continues", name,
                            seen, acted);
                    return new Result(seen, acted, failed, true);
                }
            }
            if (batch.size() < limit) {
                return new Result(seen, acted, failed, false);
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /**
     * What a run did.
     *
     * @param seen         due items looked at
     * @param acted        items acted on
     * @param failed       items whose handling failed (left for the next run)
     * @param budgetUsed   whether the run stopped on its budget with more possibly due
     */
    public record Result(int seen, int acted, int failed, boolean budgetUsed) {
    }
}
