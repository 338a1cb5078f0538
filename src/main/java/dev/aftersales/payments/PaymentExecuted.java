package dev.aftersales.payments;

import java.time.Instant;

import dev.aftersales.shared.Money;

/** The provider confirmed a refund or compensation to the buyer. */
public record PaymentExecuted(long movementId, long orderId, Long claimId, MovementKind kind, Money amount,
        CostBearer costBearer, String reason, Instant executedAt) {
}
