package dev.aftersales.claims;

import java.time.Duration;
import java.util.List;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;

/**
 * The seller's cancel-lines page.
 *
 * @param open         whether the order may still have lines cancelled (paid, not shipped)
 * @param compensation what the buyer is paid on top by policy
 * @param buyerChoice  how long the buyer has to choose before the refund is paid
 */
public record CancelLinesForm(OrderDetails order, boolean open, List<Line> lines, List<Sku> substitutes,
        Money compensation, Duration buyerChoice) {

    /** A line with the units that may still be cancelled. */
    public record Line(long id, String sku, String title, int quantity, int cancellable, Money paidPerUnit) {
    }

    /** A SKU of the shop's catalog that may be offered instead. */
    public record Sku(String sku, String title) {
    }
}
