package dev.aftersales.ordering.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.ordering.OrderStatus;

/** One entry of an order's append-only status history: what it became, when, by whom and why. */
@Entity
@Table(name = "order_status_history")
public class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private OrderStatus status;

    @Column(nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 32)
    private String actor;

    @Column(length = 500)
    private String note;

    protected OrderStatusChange() {
    }

    OrderStatusChange(OrderStatus status, Instant changedAt, String actor, String note) {
        this.status = status;
        this.changedAt = changedAt;
        this.actor = actor;
        this.note = note;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant changedAt() {
        return changedAt;
    }

    /** STOREFRONT, SELLER, CARRIER, SYSTEM or PLATFORM. */
    public String actor() {
        return actor;
    }

    public String note() {
        return note;
    }
}
