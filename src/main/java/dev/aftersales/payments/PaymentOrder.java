package dev.aftersales.payments;

import java.util.List;

import dev.aftersales.shared.Money;

/**
 * A request to move money to the buyer of an order.
 *
 * @param orderId        the order
 * @param claimId        the claim it settles, if any
 * @param kind           refund (capped by what was paid) or compensation (on top)
 * @param amount         how much
 * @param lines          for refunds, the order lines and units it covers (may be empty for an amount-only refund)
 * @param idempotencyKey the same key twice records and pays once
 * @param costBearer     who bears the cost
 * @param reason         a short code saying why (e.g. {@code CLAIM_ACCEPTED}, {@code LATE_SHIPMENT})
 * @param note           free text for the ledger
 * @param requestedBy    who asked (e.g. {@code SELLER:12}, {@code SYSTEM})
 */
public record PaymentOrder(long orderId, Long claimId, MovementKind kind, Money amount, List<Line> lines,
        String idempotencyKey, CostBearer costBearer, String reason, String note, String requestedBy) {

    /** Units of an order line and the part of the amount they account for. */
    public record Line(long orderLineId, int quantity, Money amount) {
    }
}
