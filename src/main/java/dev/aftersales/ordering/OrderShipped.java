package dev.aftersales.ordering;

import java.time.Instant;

/** The order's first parcel left; {@code late} when after the ship-by time. */
public record OrderShipped(long orderId, String orderNumber, Instant shippedAt, boolean late) {
}
