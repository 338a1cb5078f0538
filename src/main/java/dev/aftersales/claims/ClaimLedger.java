package dev.aftersales.claims;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.payments.PaymentOrder;
import dev.aftersales.payments.RefundExceedsPaid;

/**
 * The one place a claim's effects become ledger entries (docs/money.md): every refund, compensation and reversal a
 * move asked for is requested from payments with its idempotency key, in the transaction that saves the claim, for
 * buyer and seller moves, the system-opened cases and the platform's intervention alike.
 */
@Component
class ClaimLedger {

    private final ClaimRepository claims;
    private final PaymentManagement payments;

    ClaimLedger(ClaimRepository claims, PaymentManagement payments) {
        this.claims = claims;
        this.payments = payments;
    }

    /**
     * Saves the claim and records the money its moves asked for, in the same transaction. A claim changed meanwhile
     * by something that does not take the order's lock (a holiday extension) is refused as {@link ClaimChanged},
     * also when the ledger's first query is what writes the claim.
     */
    void save(Claim claim, Actor actor) {
        try {
            recordEffects(claim, actor);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ClaimChanged();
        }
        try {
            claims.saveAndFlush(claim);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ClaimChanged();
        }
    }

    private void recordEffects(Claim claim, Actor actor) {
        for (ClaimEffect effect : claim.drainEffects()) {
            try {
                payments.request(entry(claim, actor, effect));
            } catch (RefundExceedsPaid e) {
                if (!(effect instanceof ClaimEffect.Refund)) {
                    throw e;
                }
                throw new TransitionRejected("claim.rejected.refundCap", e.refundable().format());
            }
        }
    }

    /** The ledger entry of one effect; its idempotency key makes a repeated move record it once. */
    private PaymentOrder entry(Claim claim, Actor actor, ClaimEffect effect) {
        if (effect instanceof ClaimEffect.Refund refund) {
            // spread over the lines after what the claim's earlier refunds (the ledger knows them) put there
            List<ClaimEffect.RefundLine> lines = refund.sequence() == 1 ? refund.lines()
                    : claim.refundLines(refund.amount(), priorRefunds(claim));
            return new PaymentOrder(claim.orderId(), claim.id(), MovementKind.REFUND, refund.amount(),
                    lines.stream().map(l -> new PaymentOrder.Line(l.orderLineId(), l.quantity(), l.amount())).toList(),
                    "claim-" + claim.id() + "-refund-" + refund.sequence(), refund.costBearer(), refund.reason(),
                    claim.claimNumber(), actor.ledgerName());
        } else if (effect instanceof ClaimEffect.Compensate compensation) {
            // a key starting "order-" is paid once per order, whichever claim asks (late shipment)
            String key = compensation.key().startsWith("order-") ? compensation.key()
                    : "claim-" + claim.id() + "-" + compensation.key();
            return new PaymentOrder(claim.orderId(), claim.id(), MovementKind.COMPENSATION, compensation.amount(),
                    List.of(), key, compensation.costBearer(), compensation.reason(), claim.claimNumber(),
                    actor.ledgerName());
        } else if (effect instanceof ClaimEffect.Reversal reversal) {
            // a final decision on appeal takes money back: a new ledger entry, never an edit of the first
            return new PaymentOrder(claim.orderId(), claim.id(), MovementKind.REVERSAL, reversal.amount(), List.of(),
                    "claim-" + claim.id() + "-reversal-" + reversal.sequence(), reversal.costBearer(),
                    reversal.reason(), claim.claimNumber(), actor.ledgerName());
        }
        throw new IllegalStateException("No ledger entry for " + effect);
    }

    /** What the claim's refunds recorded so far put on its lines and off them. */
    private ClaimEffect.PriorRefunds priorRefunds(Claim claim) {
        Map<Long, Long> amounts = new HashMap<>();
        Set<Long> withUnits = new HashSet<>();
        long unattributed = 0;
        for (MovementView m : payments.movementsOfClaim(claim.id())) {
            if (m.kind() != MovementKind.REFUND) {
                continue;
            }
            long onLines = 0;
            for (MovementView.LineView line : m.lines()) {
                amounts.merge(line.orderLineId(), line.amount().minor(), Long::sum);
                onLines += line.amount().minor();
                if (line.quantity() > 0) {
                    withUnits.add(line.orderLineId());
                }
            }
            unattributed += m.amount().minor() - onLines;
        }
        return new ClaimEffect.PriorRefunds(amounts, withUnits, unattributed);
    }
}
