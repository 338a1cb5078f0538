package dev.aftersales.ordering;

import java.util.List;
import java.util.Optional;

import dev.aftersales.shared.Money;

/**
 * What payments needs of an order to record money against it: its number, its buyer, what was paid in all and per
 * line (a slim read of the order, without the shop, the buyer's name, the address or the status history of
 * {@link OrderDetails}).
 */
public record PaidOrder(long id, String orderNumber, long buyerId, Money paid, List<Line> lines) {

    /** One line: its units and what was paid for them. */
    public record Line(long id, int quantity, Money paid) {
    }

    public Optional<Line> line(long lineId) {
        return lines.stream().filter(l -> l.id() == lineId).findFirst();
    }
}
