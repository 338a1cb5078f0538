package dev.aftersales.payments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which order line, how many units and how much of a refund they account for. */
@Entity
@Table(name = "payment_movement_lines")
public class MovementLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long orderLineId;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private long amountMinor;

    protected MovementLine() {
    }

    public MovementLine(long orderLineId, int quantity, long amountMinor) {
        this.orderLineId = orderLineId;
        this.quantity = quantity;
        this.amountMinor = amountMinor;
    }

    public long orderLineId() {
        return orderLineId;
    }

    public int quantity() {
        return quantity;
    }

    public long amountMinor() {
        return amountMinor;
    }
}
