package dev.aftersales.claims;

import java.util.Map;

import dev.aftersales.ordering.CancellationReason;

/**
 * A seller cancels units of a paid order's lines.
 *
 * @param units         units to cancel per order line id
 * @param reason        {@link CancellationReason#DELISTED} or {@link CancellationReason#OUT_OF_STOCK}
 * @param substituteSku a SKU of the shop's catalog offered instead, or {@code null}
 * @param note          what the seller tells the buyer, optional
 */
public record CancelLines(long orderId, Map<Long, Integer> units, CancellationReason reason, String substituteSku,
        String note) {
}
