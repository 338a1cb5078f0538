package dev.aftersales.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.sweeps.*}: how every sweep and watcher drains what is due. A run takes the due items in batches of
 * {@code batch-size}, one batch after the other, until nothing is due or the run has used its budget
 * ({@code max-run-time} or {@code max-items}); the next run continues where the due set then starts.
 */
@ConfigurationProperties("aftersales.sweeps")
public class SweepSettings {

    /** How many due items one selection query reads. */
    private int batchSize = 500;
    /**
     * How many due items a sweep that acts on several at once (the ship-by watcher) handles in one transaction. A
     * chunk's orders stay locked until its transaction commits.
     */
    private int chunkSize = 100;
    /** How long one run may work before it leaves the rest to the next run. */
    private Duration maxRunTime = Duration.ofSeconds(50);
    /** How many items one run may look at before it leaves the rest to the next run. */
    private int maxItems = 200_000;

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("aftersales.sweeps.batch-size must be at least 1");
        }
        this.batchSize = batchSize;
    }

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("aftersales.sweeps.chunk-size must be at least 1");
        }
        this.chunkSize = chunkSize;
    }

    public Duration getMaxRunTime() {
        return maxRunTime;
    }

    public void setMaxRunTime(Duration maxRunTime) {
        if (maxRunTime.isNegative() || maxRunTime.isZero()) {
            throw new IllegalArgumentException("aftersales.sweeps.max-run-time must be positive");
        }
        this.maxRunTime = maxRunTime;
    }

    public int getMaxItems() {
        return maxItems;
    }

    public void setMaxItems(int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("aftersales.sweeps.max-items must be at least 1");
        }
        this.maxItems = maxItems;
    }
}
