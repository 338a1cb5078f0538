package dev.aftersales.ordering;

import java.time.Instant;

import dev.aftersales.shared.Money;

/** A paid order was recorded from the storefront. */
public record OrderPlaced(long orderId, String orderNumber, long shopId, long buyerId, Money paid, Instant paidAt) {
}
