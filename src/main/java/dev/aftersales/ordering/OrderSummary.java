package dev.aftersales.ordering;

import java.time.Instant;
import java.util.List;

import dev.aftersales.ordering.OrderListNotes.OrderNote;
import dev.aftersales.shared.Money;

/**
 * One row of an order list. {@code items} are its lines in order (title and quantity), so that a row sums up the
 * whole order; {@code notes} come from other modules (tracking, claims).
 */
public record OrderSummary(long id, String orderNumber, String shopName, String buyerName, OrderStatus status,
        Money paid, Instant paidAt, Instant shipBy, boolean late, String firstTitle, int lineCount, int itemCount,
        List<Item> items, CancellationReason cancellationReason, Instant cancelledAt, List<OrderNote> notes) {

    /** How many rows' lines a list names before it says "and N more lines". */
    public static final int NAMED_LINES = 2;

    /** One line of the order as a list names it: "Dried mango ×2". */
    public record Item(String title, int quantity) {
    }

    /** The lines a list names. */
    public List<Item> namedItems() {
        return items.size() <= NAMED_LINES ? items : items.subList(0, NAMED_LINES);
    }

    /** The lines a list does not name. */
    public int moreLines() {
        return items.size() - namedItems().size();
    }

    OrderSummary withNotes(List<OrderNote> newNotes) {
        return new OrderSummary(id, orderNumber, shopName, buyerName, status, paid, paidAt, shipBy, late, firstTitle,
                lineCount, itemCount, items, cancellationReason, cancelledAt, newNotes);
    }
}
