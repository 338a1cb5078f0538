package dev.aftersales.ordering.internal;

import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.shared.Money;

/**
 * One line of an order: a SKU, how many units, the unit price and what was actually paid for the line (after
 * discounts). The unit weight is copied from the catalog when the order is recorded, for the parcel weight check.
 */
@Entity
@Table(name = "order_lines")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, insertable = false, updatable = false)
    private Long orderId;

    @Column(nullable = false)
    private int lineNo;

    private Long productId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private long unitPriceMinor;

    @Column(nullable = false)
    private long paidMinor;

    @Column(nullable = false)
    private int unitWeightGrams;

    protected OrderLine() {
    }

    public OrderLine(int lineNo, Long productId, String sku, String title, int quantity, long unitPriceMinor,
            long paidMinor, int unitWeightGrams) {
        this.lineNo = lineNo;
        this.productId = productId;
        this.sku = sku;
        this.title = title;
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
        this.paidMinor = paidMinor;
        this.unitWeightGrams = unitWeightGrams;
    }

    public Long id() {
        return id;
    }

    public Long orderId() {
        return orderId;
    }

    public int lineNo() {
        return lineNo;
    }

    public Long productId() {
        return productId;
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

    public Money unitPrice(Currency currency) {
        return new Money(unitPriceMinor, currency);
    }

    public Money paid(Currency currency) {
        return new Money(paidMinor, currency);
    }

    public long paidMinor() {
        return paidMinor;
    }

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    public int unitWeightGrams() {
        return unitWeightGrams;
    }

    public boolean sameAs(OrderLine other) {
        return lineNo == other.lineNo && sku.equals(other.sku) && quantity == other.quantity
                && unitPriceMinor == other.unitPriceMinor && paidMinor == other.paidMinor;
    }
}
