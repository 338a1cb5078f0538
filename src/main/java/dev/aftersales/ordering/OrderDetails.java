package dev.aftersales.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.aftersales.shared.Money;

/**
 * An order with its lines and history, as pages and other modules read it.
 */
public record OrderDetails(long id, String orderNumber, long shopId, String shopName, long buyerId,
        String buyerName, OrderStatus status, Money paid, Money shippingFee, Instant paidAt, Instant shipBy,
        Instant shippedAt, Instant deliveredAt, Instant cancelledAt, CancellationReason cancellationReason,
        String cancellationNote, String recipientName, String recipientPhone, String deliveryAddress,
        boolean late, List<Line> lines, List<StatusEntry> history) {

    /** One order line. */
    public record Line(long id, int lineNo, Long productId, String sku, String title, int quantity, Money unitPrice,
            Money paid, int unitWeightGrams) {

        /** What one unit of this line cost the buyer after discounts, rounded down; the last unit takes the rest. */
        public Money paidPerUnit() {
            return new Money(paid.minor() / quantity, paid.currency());
        }

        /** What {@code units} units of this line cost the buyer, never more than the line's paid amount. */
        public Money paidFor(int units) {
            if (units >= quantity) {
                return paid;
            }
            return new Money(paid.minor() * units / quantity, paid.currency());
        }
    }

    /** One entry of the status history. */
    public record StatusEntry(OrderStatus status, Instant at, String actor, String note) {
    }

    public Optional<Line> line(long lineId) {
        return lines.stream().filter(l -> l.id() == lineId).findFirst();
    }

    public int itemCount() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    public int expectedWeightGrams() {
        return lines.stream().mapToInt(l -> l.unitWeightGrams() * l.quantity()).sum();
    }

    public boolean cancelled() {
        return status == OrderStatus.CANCELLED;
    }
}
