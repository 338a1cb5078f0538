package dev.aftersales.webhooks.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An HTTPS address that receives signed event deliveries: a shop's (its own events) or, with no shop, the
 * platform's (every shop's events). The secret signs every delivery; unlike an API key it must be kept in clear to
 * sign with, is shown once when created or rotated, and afterwards only by its first characters. Disabled endpoints
 * are kept with their deliveries.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long shopId;

    @Column(nullable = false, length = 500)
    private String url;

    @Column(nullable = false, length = 500)
    private String eventTypes;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(nullable = false, length = 16)
    private String secretPrefix;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private long createdBy;

    private Instant secretRotatedAt;

    @Column(nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(Long shopId, String url, Set<WebhookEventType> types, String secret, long createdBy,
            Instant now) {
        this.shopId = shopId;
        this.url = url;
        this.eventTypes = encode(types);
        this.secret = secret;
        this.secretPrefix = prefixOf(secret);
        this.active = true;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.changedAt = now;
    }

    /** Changes the address and the events it receives. */
    void change(String newUrl, Set<WebhookEventType> types, Instant now) {
        this.url = newUrl;
        this.eventTypes = encode(types);
        this.changedAt = now;
    }

    /** A new secret signs every delivery from now on (including retries of earlier events). */
    void rotate(String newSecret, Instant now) {
        this.secret = newSecret;
        this.secretPrefix = prefixOf(newSecret);
        this.secretRotatedAt = now;
        this.changedAt = now;
    }

    /** Stops (or resumes) deliveries; pending ones wait while the endpoint is disabled. */
    void activate(boolean on, Instant now) {
        if (active != on) {
            active = on;
            changedAt = now;
        }
    }

    private static String prefixOf(String secret) {
        return secret.substring(0, Math.min(10, secret.length()));
    }

    static String encode(Set<WebhookEventType> types) {
        return types.stream().sorted().map(WebhookEventType::name).collect(Collectors.joining(","));
    }

    static Set<WebhookEventType> decode(String types) {
        Set<WebhookEventType> set = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(types.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(WebhookEventType.valueOf(s)));
        return set;
    }

    public Long id() {
        return id;
    }

    /** The shop whose events it receives; {@code null} for the platform's endpoints (every shop). */
    public Long shopId() {
        return shopId;
    }

    public String url() {
        return url;
    }

    public Set<WebhookEventType> eventTypes() {
        return decode(eventTypes);
    }

    String secret() {
        return secret;
    }

    /** The first characters of the secret, to recognise it. */
    public String secretPrefix() {
        return secretPrefix;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public long version() {
        return version;
    }
}
