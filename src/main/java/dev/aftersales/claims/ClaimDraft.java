package dev.aftersales.claims;

import java.util.List;

import dev.aftersales.shared.Money;

/**
 * A claim about to be filed, already checked against the order, the windows and the claimable quantities.
 *
 * @param submissionKey the form's one-time key: the same key twice files one claim
 */
record ClaimDraft(String claimNumber, long orderId, String orderNumber, long shopId, long buyerId,
        ClaimType type, ClaimReason reason, Remedy remedy, String description, Money requestedAmount,
        List<Line> lines, WeightVerdict weightVerdict, String submissionKey) {

    /** Units of one order line and what they cost the buyer. */
    public record Line(long orderLineId, String sku, String title, int quantity, int unitWeightGrams, Money amount) {
    }
}
