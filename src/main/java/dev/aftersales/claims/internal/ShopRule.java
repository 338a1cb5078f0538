package dev.aftersales.claims.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.aftersales.claims.ShopRuleKind;

/** One of a shop's automation rules ({@link ShopRuleKind}). Rules are switched off, never deleted. */
@Entity
@Table(name = "shop_rules")
public class ShopRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ShopRuleKind kind;

    private Long maxAmountFen;

    @Column(length = 2000)
    private String replyText;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private long firedCount;

    private Instant lastFiredAt;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ShopRule() {
    }

    public ShopRule(long shopId, String name, ShopRuleKind kind, Long maxAmountFen, String replyText, long createdBy,
            Instant createdAt) {
        this.shopId = shopId;
        this.name = name;
        this.kind = kind;
        this.maxAmountFen = maxAmountFen;
        this.replyText = replyText;
        this.active = true;
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

    public ShopRuleKind kind() {
        return kind;
    }

    public Long maxAmountFen() {
        return maxAmountFen;
    }

    public String replyText() {
        return replyText;
    }

    public boolean active() {
        return active;
    }

    /** How many claims the rule acted on. */
    public long firedCount() {
        return firedCount;
    }

    public Instant lastFiredAt() {
        return lastFiredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void switchTo(boolean on) {
        active = on;
    }
}
