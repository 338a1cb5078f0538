package dev.aftersales.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.notifications.*}: whether email is sent and from which address, the address of the desk that
 * links in emails point to, how long before a claim's due time the party is reminded, and how failed deliveries are
 * retried.
 */
@ConfigurationProperties("aftersales.notifications")
public class NotificationSettings {

    private final Email email = new Email();
    private final Retry retry = new Retry();
    /** The desk's address as users reach it; emails link to pages under it. */
    private String baseUrl = "http://localhost:8080";
    /** How long before a claim's due time the party whose move it is gets a reminder. */
    private Duration reminderLead = Duration.ofHours(12);

    public Email getEmail() {
        return email;
    }

    public Retry getRetry() {
        return retry;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Duration getReminderLead() {
        return reminderLead;
    }

    public void setReminderLead(Duration reminderLead) {
        this.reminderLead = reminderLead;
    }

    public static class Email {

        /** Off by default: the inbox then says that this installation sends no email. */
        private boolean enabled;
        private String from = "aftersales@localhost";
        /** The right-hand part of the stable Message-ID of every email ({@code <notification-123@aftersales>}). */
        private String messageIdDomain = "aftersales";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getMessageIdDomain() {
            return messageIdDomain;
        }

        public void setMessageIdDomain(String messageIdDomain) {
            if (messageIdDomain == null || !messageIdDomain.matches("[A-Za-z0-9.-]+")) {
                throw new IllegalArgumentException("A Message-ID domain is letters, digits, dots and hyphens");
            }
            this.messageIdDomain = messageIdDomain;
        }
    }

    public static class Retry {

        /** The wait after the first failure; it doubles with each further failure. */
        private Duration initialBackoff = Duration.ofMinutes(1);
        private Duration maxBackoff = Duration.ofHours(1);
        /** After this many failed attempts a delivery is given up (marked FAILED; the inbox item stays). */
        private int maxAttempts = 20;

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** The wait after the n-th failed attempt (n ≥ 1). */
        Duration backoffAfter(int attempts) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
