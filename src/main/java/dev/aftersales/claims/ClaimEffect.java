package dev.aftersales.claims;

import java.util.List;

import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;

/**
 * Something a transition needs done outside the claim, in the same transaction: the service applies it (a refund
 * is recorded in the ledger together with the claim's new state, or not at all).
 */
sealed interface ClaimEffect {

    /**
     * Refund the buyer.
     *
     * @param sequence numbers the claim's refunds, for the ledger's idempotency key
     */
    record Refund(int sequence, Money amount, List<RefundLine> lines, String reason, CostBearer costBearer)
            implements ClaimEffect {
    }

    /** Pay the buyer a compensation on top of the order (late shipment, out of stock). */
    record Compensate(String key, Money amount, String reason, CostBearer costBearer) implements ClaimEffect {
    }

    /**
     * Take back part of what the claim refunded (a final decision on appeal lowered the refund): a new ledger entry;
     * the refund entries stay as they were.
     */
    record Reversal(int sequence, Money amount, String reason, CostBearer costBearer) implements ClaimEffect {
    }

    /** Units of an order line covered by a refund, with the part of the amount they account for. */
    record RefundLine(long orderLineId, int quantity, Money amount) {
    }

    /**
     * What the claim's earlier refunds (as the ledger recorded them) already put on its lines: a further refund of
     * the claim (an appeal raising the refund) tops the lines up to what they cost and names no unit twice.
     *
     * @param amounts            fen refunded per order line by this claim
     * @param linesWithUnits     order lines whose units this claim's refunds already covered
     * @param unattributedMinor  fen this claim's refunds put on no line (the shipping fee)
     */
    record PriorRefunds(java.util.Map<Long, Long> amounts, java.util.Set<Long> linesWithUnits,
            long unattributedMinor) {

        public static final PriorRefunds NONE = new PriorRefunds(java.util.Map.of(), java.util.Set.of(), 0);
    }
}
