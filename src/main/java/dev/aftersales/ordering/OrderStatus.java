package dev.aftersales.ordering;

/** Where an order stands. The history of every change is kept in {@code order_status_history}. */
public enum OrderStatus {
    /** Paid; the seller has not shipped it yet. */
    AWAITING_SHIPMENT,
    /** At least one parcel is with the carrier. */
    SHIPPED,
    /** Every outbound parcel has been delivered. */
    DELIVERED,
    /** Cancelled after payment (by the storefront, e.g. oversold, or by the seller); it stays visible. */
    CANCELLED
}
