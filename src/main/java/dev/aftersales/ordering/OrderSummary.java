package dev.aftersales.ordering;

import java.time.Instant;
import java.util.List;

import dev.aftersales.ordering.OrderListNotes.OrderNote;
import dev.aftersales.shared.Money;

/** One row of an order list. {@code notes} come from other modules (tracking, claims). */
public record OrderSummary(long id, String orderNumber, String shopName, String buyerName, OrderStatus status,
        Money paid, Instant paidAt, Instant shipBy, boolean late, String firstTitle, int lineCount, int itemCount,
        CancellationReason cancellationReason, Instant cancelledAt, List<OrderNote> notes) {

    OrderSummary withNotes(List<OrderNote> newNotes) {
        return new OrderSummary(id, orderNumber, shopName, buyerName, status, paid, paidAt, shipBy, late, firstTitle,
                lineCount, itemCount, cancellationReason, cancelledAt, newNotes);
    }
}
