package dev.aftersales.catalog;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.shared.Money;

/** A SKU of a shop: its list price, the weight of one unit (for the parcel weight check) and returnability. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String title;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "minor", column = @Column(name = "price_minor", nullable = false)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false)) })
    private Money price;

    @Column(nullable = false)
    private int unitWeightGrams;

    @Column(nullable = false)
    private boolean returnable;

    @Column(nullable = false)
    private boolean listed;

    @Column(nullable = false)
    private Instant createdAt;

    protected Product() {
    }

    Product(long shopId, String sku, String title, Money price, int unitWeightGrams, boolean returnable,
            Instant createdAt) {
        this.shopId = shopId;
        this.sku = sku;
        this.title = title;
        this.price = price;
        this.unitWeightGrams = unitWeightGrams;
        this.returnable = returnable;
        this.listed = true;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long shopId() {
        return shopId;
    }

    public String sku() {
        return sku;
    }

    public String title() {
        return title;
    }

    public Money price() {
        return price;
    }

    public int unitWeightGrams() {
        return unitWeightGrams;
    }

    public boolean returnable() {
        return returnable;
    }

    public boolean listed() {
        return listed;
    }
}
