package dev.aftersales.identity;

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

/**
 * A key a shop issued to one of its own systems (an ERP, a helpdesk tool). Only a SHA-256 hash of the key is stored;
 * the key is shown once. Its calls are recorded as moves of the shop's account that created it. Revoked keys are
 * kept.
 */
@Entity
@Table(name = "seller_api_keys")
public class SellerApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 12)
    private String keyPrefix;

    @Column(nullable = false, unique = true, length = 64)
    private String keyHash;

    @Column(nullable = false, length = 200)
    private String scopes;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    private Long revokedBy;

    private Instant revokedAt;

    protected SellerApiKey() {
    }

    SellerApiKey(long shopId, String name, String keyPrefix, String keyHash, Set<ApiScope> scopes, long createdBy,
            Instant createdAt) {
        this.shopId = shopId;
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.scopes = scopes.stream().map(ApiScope::name).sorted().collect(Collectors.joining(","));
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long shopId() {
        return shopId;
    }

    public String name() {
        return name;
    }

    /** The first characters of the key, to recognise it in a list. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public Set<ApiScope> scopes() {
        Set<ApiScope> held = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).map(ApiScope::valueOf).forEach(held::add);
        return held;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public boolean active() {
        return revokedAt == null;
    }

    void revoke(long by, Instant at) {
        if (revokedAt == null) {
            revokedBy = by;
            revokedAt = at;
        }
    }
}
