package dev.aftersales.payments;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;

/**
 * The ledger. Recording a movement joins the caller's transaction (a claim's state and its refund commit together);
 * the movement is executed through the {@link PaymentProvider} right after that transaction commits, and retried by
 * {@link PaymentRetrySweep} until the provider confirms it.
 */
@Service
@Transactional
public class PaymentManagement {

    private final PaymentAccountRepository accounts;
    private final MovementRepository movements;
    private final OrderManagement orders;
    private final Clock clock;

    PaymentManagement(PaymentAccountRepository accounts, MovementRepository movements, OrderManagement orders,
            Clock clock) {
        this.accounts = accounts;
        this.movements = movements;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Records a refund or compensation. The same idempotency key again returns the first entry and moves nothing.
     *
     * @throws RefundExceedsPaid when a refund would take the order's refunds above what was paid; nothing is
     *                           recorded then
     */
    public MovementView request(PaymentOrder order) {
        Optional<Movement> existing = movements.findByIdempotencyKey(order.idempotencyKey());
        if (existing.isPresent()) {
            return MovementView.of(existing.get());
        }
        OrderDetails details = orders.details(order.orderId());
        if (!details.paid().currency().equals(order.amount().currency())) {
            throw new IllegalArgumentException("The movement's currency differs from the order's");
        }
        PaymentAccount account = lockAccount(details);
        if (order.kind() == MovementKind.REFUND) {
            account.bookRefund(order.amount());
        } else if (order.kind() == MovementKind.REVERSAL) {
            account.bookReversal(order.amount());
        } else {
            account.bookCompensation(order.amount());
        }
        List<MovementLine> lines = order.lines() == null ? List.of()
                : order.lines().stream()
                        .map(l -> new MovementLine(l.orderLineId(), l.quantity(), l.amount().minor())).toList();
        Movement movement = movements.saveAndFlush(new Movement(details.id(), details.orderNumber(),
                details.buyerId(), order.claimId(), order.kind(), order.costBearer(), order.amount(),
                order.idempotencyKey(), order.reason(), order.note(), order.requestedBy(), lines, clock.instant()));
        return MovementView.of(movements.save(movement.announceRequested()));
    }

    private PaymentAccount lockAccount(OrderDetails order) {
        accounts.openIfMissing(order.id(), order.paid().currency().getCurrencyCode(), order.paid().minor());
        return accounts.lockById(order.id()).orElseThrow(() -> new NotFound("Payment account", order.id()));
    }

    /** What can still be refunded on the order: paid minus every refund recorded (pending or done). */
    @Transactional(readOnly = true)
    public Money refundable(long orderId) {
        return accounts.findById(orderId).map(PaymentAccount::refundable)
                .orElseGet(() -> orders.details(orderId).paid());
    }

    @Transactional(readOnly = true)
    public Money refunded(long orderId) {
        return accounts.findById(orderId).map(PaymentAccount::refunded)
                .orElseGet(() -> Money.zero(orders.details(orderId).paid().currency()));
    }

    @Transactional(readOnly = true)
    public List<MovementView> movementsOfOrder(long orderId) {
        return movements.findByOrderIdOrderByRequestedAtAscIdAsc(orderId).stream().map(MovementView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<MovementView> movementsOfClaim(long claimId) {
        return movements.findByClaimIdOrderByRequestedAtAscIdAsc(claimId).stream().map(MovementView::of).toList();
    }

    @Transactional(readOnly = true)
    public Map<Long, List<MovementView>> movementsOfClaims(Collection<Long> claimIds) {
        Map<Long, List<MovementView>> byClaim = new HashMap<>();
        if (claimIds.isEmpty()) {
            return byClaim;
        }
        movements.findByClaimIdInOrderByRequestedAtAscIdAsc(claimIds).forEach(m -> byClaim
                .computeIfAbsent(m.claimId(), k -> new java.util.ArrayList<>()).add(MovementView.of(m)));
        return byClaim;
    }

    @Transactional(readOnly = true)
    public Optional<MovementView> byIdempotencyKey(String key) {
        return movements.findByIdempotencyKey(key).map(MovementView::of);
    }

    /** Units refunded per order line (pending or done). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> refundedUnits(long orderId) {
        Map<Long, Integer> units = new HashMap<>();
        for (Object[] row : movements.refundedUnits(orderId)) {
            units.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return units;
    }
}
