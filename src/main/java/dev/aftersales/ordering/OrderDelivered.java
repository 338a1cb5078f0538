package dev.aftersales.ordering;

import java.time.Instant;

/** Every outbound parcel of the order was delivered. */
public record OrderDelivered(long orderId, String orderNumber, Instant deliveredAt) {
}
