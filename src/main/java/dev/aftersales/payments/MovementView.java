package dev.aftersales.payments;

import java.time.Instant;
import java.util.List;

import dev.aftersales.payments.internal.Movement;
import dev.aftersales.shared.Money;

/** A ledger entry as pages and other modules read it. */
public record MovementView(long id, long orderId, Long claimId, MovementKind kind, Money amount,
        CostBearer costBearer, MovementStatus status, String reason, String note, String requestedBy,
        Instant requestedAt, Instant executedAt, int attempts, String lastError, String idempotencyKey,
        List<LineView> lines) {

    /** Units of a line covered by the movement. */
    public record LineView(long orderLineId, int quantity, Money amount) {
    }

    public boolean succeeded() {
        return status == MovementStatus.SUCCEEDED;
    }

    static MovementView of(Movement m) {
        var currency = m.amount().currency();
        return new MovementView(m.id(), m.orderId(), m.claimId(), m.kind(), m.amount(), m.costBearer(), m.status(),
                m.reason(), m.note(), m.requestedBy(), m.requestedAt(), m.executedAt(), m.attempts(),
                m.lastError(), m.idempotencyKey(), m.lines().stream()
                        .map(l -> new LineView(l.orderLineId(), l.quantity(), new Money(l.amountMinor(), currency)))
                        .toList());
    }
}
