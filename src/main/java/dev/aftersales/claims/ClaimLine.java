package dev.aftersales.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Units of one order line a claim is about, and what they cost the buyer. {@code open} mirrors the claim's state
 * so that the database refuses a second open claim of the same type on the same line (double submit, two tabs).
 */
@Entity
@Table(name = "claim_lines")
class ClaimLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long orderLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ClaimType claimType;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private int unitWeightGrams;

    @Column(nullable = false)
    private long amountMinor;

    @Column(nullable = false)
    private boolean open;

    protected ClaimLine() {
    }

    ClaimLine(long orderLineId, ClaimType claimType, String sku, String title, int quantity, int unitWeightGrams,
            long amountMinor) {
        this.orderLineId = orderLineId;
        this.claimType = claimType;
        this.sku = sku;
        this.title = title;
        this.quantity = quantity;
        this.unitWeightGrams = unitWeightGrams;
        this.amountMinor = amountMinor;
        this.open = true;
    }

    public long orderLineId() {
        return orderLineId;
    }

    public String sku() {
        return sku;
    }

    public String title() {
        return title;
    }

    public int quantity() {
        return quantity;
    }

    public int unitWeightGrams() {
        return unitWeightGrams;
    }

    public long amountMinor() {
        return amountMinor;
    }

    void close() {
        open = false;
    }
}
