package dev.aftersales.webhooks.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.webhooks.*}: how long one attempt may take, how failed deliveries are retried and for how long,
 * how often the sender looks for due deliveries, and how early a claim's due time is announced.
 */
@ConfigurationProperties("aftersales.webhooks")
public class WebhookSettings {

    /** The longest wait for the receiver's connection. */
    private Duration connectTimeout = Duration.ofSeconds(3);
    /** The longest wait for the receiver's answer once connected. */
    private Duration readTimeout = Duration.ofSeconds(5);
    /** The wait after the first failed attempt; it doubles with each further failure. */
    private Duration initialBackoff = Duration.ofMinutes(1);
    /** The longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofHours(1);
    /** How long after the event a failing delivery is still tried; the last attempt is made at its end. */
    private Duration retryFor = Duration.ofHours(24);
    /** How long before a claim's due time {@code claim.due_soon} is sent. */
    private Duration dueSoonLead = Duration.ofHours(12);
    /** How many characters of the receiver's answer (or of the error) are kept with the delivery. */
    private int keptResponseChars = 1000;

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connect-timeout");
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = positive(readTimeout, "read-timeout");
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = positive(initialBackoff, "initial-backoff");
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = positive(maxBackoff, "max-backoff");
    }

    public Duration getRetryFor() {
        return retryFor;
    }

    public void setRetryFor(Duration retryFor) {
        this.retryFor = positive(retryFor, "retry-for");
    }

    public Duration getDueSoonLead() {
        return dueSoonLead;
    }

    public void setDueSoonLead(Duration dueSoonLead) {
        this.dueSoonLead = positive(dueSoonLead, "due-soon-lead");
    }

    public int getKeptResponseChars() {
        return keptResponseChars;
    }

    public void setKeptResponseChars(int keptResponseChars) {
        if (keptResponseChars < 1 || keptResponseChars > 1000) {
            throw new IllegalArgumentException("aftersales.webhooks.kept-response-chars is between 1 and 1000");
        }
        this.keptResponseChars = keptResponseChars;
    }

    /** The wait after the n-th failed attempt (n ≥ 1): 1 min, 2, 4 ... up to {@link #maxBackoff}. */
    Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("aftersales.webhooks." + name + " must be positive");
        }
        return value;
    }
}
