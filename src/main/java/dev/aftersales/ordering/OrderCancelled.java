package dev.aftersales.ordering;

import java.time.Instant;

import dev.aftersales.shared.Money;

/** A paid order was cancelled before shipment; the order keeps its history. */
public record OrderCancelled(long orderId, String orderNumber, long shopId, long buyerId, CancellationReason reason,
        String note, Money paid, Instant cancelledAt) {
}
