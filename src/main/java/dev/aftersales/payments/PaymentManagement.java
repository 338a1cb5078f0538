package dev.aftersales.payments;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.PaidOrder;
import dev.aftersales.payments.internal.Movement;
import dev.aftersales.payments.internal.MovementLine;
import dev.aftersales.payments.internal.MovementRepository;
import dev.aftersales.payments.internal.PaymentAccount;
import dev.aftersales.payments.internal.PaymentAccountRepository;
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
    private final EntityManager entityManager;
    private final Clock clock;

    PaymentManagement(PaymentAccountRepository accounts, MovementRepository movements, OrderManagement orders,
            EntityManager entityManager, Clock clock) {
        this.accounts = accounts;
        this.movements = movements;
        this.orders = orders;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records a refund, compensation or reversal. The same idempotency key again returns the first entry and moves
     * nothing.
     * <p>
     * Under the order's lock (taken first, see {@link OrderManagement#lock(long)}) and then the payment account's, a
     * refund is checked against the order and against each order line it names: the order's refunds never exceed
     * what was paid for the order, a line's refunds never exceed what was paid for the line, and never cover more
     * units than the line has. What a refund does not put on a line (the shipping fee, a goodwill amount) counts
     * against the order only.
     *
     * @throws RefundExceedsPaid when a refund would break one of these caps; nothing is recorded then
     */
    public MovementView request(PaymentOrder order) {
        Optional<Movement> existing = movements.findByIdempotencyKey(order.idempotencyKey());
        if (existing.isPresent()) {
            return MovementView.of(existing.get());
        }
        orders.lock(order.orderId());
        existing = movements.findByIdempotencyKey(order.idempotencyKey());
        if (existing.isPresent()) {
            // recorded by a request that held the lock before this one
            return MovementView.of(existing.get());
        }
        PaidOrder details = orders.paidOrder(order.orderId());
        if (!details.paid().currency().equals(order.amount().currency())) {
            throw new IllegalArgumentException("The movement's currency differs from the order's");
        }
        List<PaymentOrder.Line> requestedLines = order.lines() == null ? List.of() : order.lines();
        PaymentAccount account = lockAccount(details);
        if (order.kind() == MovementKind.REFUND) {
            checkLines(details, order.amount(), requestedLines);
            account.bookRefund(order.amount());
        } else if (order.kind() == MovementKind.REVERSAL) {
            account.bookReversal(order.amount());
        } else {
            account.bookCompensation(order.amount());
        }
        List<MovementLine> lines = requestedLines.stream()
                .map(l -> new MovementLine(l.orderLineId(), l.quantity(), l.amount().minor())).toList();
        Movement movement = movements.saveAndFlush(new Movement(details.id(), details.orderNumber(),
                details.buyerId(), order.claimId(), order.kind(), order.costBearer(), order.amount(),
                order.idempotencyKey(), order.reason(), order.note(), order.requestedBy(), lines, clock.instant()));
        return MovementView.of(movements.save(movement.announceRequested()));
    }

    /**
     * The per-line caps, checked under the account's lock against every refund recorded before: what a line's
     * refunds add up to stays within what was paid for it, in money and in units.
     */
    private void checkLines(PaidOrder order, Money amount, List<PaymentOrder.Line> requested) {
        if (requested.isEmpty()) {
            return;
        }
        long onLines = 0;
        Map<Long, long[]> asked = new HashMap<>();
        for (PaymentOrder.Line line : requested) {
            if (line.quantity() < 0 || line.amount().isNegative()) {
                throw new IllegalArgumentException("A refund line cannot be negative");
            }
            if (order.line(line.orderLineId()).isEmpty()) {
                throw new IllegalArgumentException("Order line " + line.orderLineId() + " is not a line of order "
                        + order.orderNumber());
            }
            onLines = Math.addExact(onLines, line.amount().minor());
            long[] sum = asked.computeIfAbsent(line.orderLineId(), k -> new long[2]);
            sum[0] = Math.addExact(sum[0], line.quantity());
            sum[1] = Math.addExact(sum[1], line.amount().minor());
        }
        if (onLines > amount.minor()) {
            throw new IllegalArgumentException("A refund's lines cannot add up to more than the refund");
        }
        Map<Long, LineRefunds> before = refundedPerLine(order.id());
        for (Map.Entry<Long, long[]> entry : asked.entrySet()) {
            PaidOrder.Line line = order.line(entry.getKey()).orElseThrow();
            LineRefunds done = before.getOrDefault(line.id(), LineRefunds.none(line.paid().currency()));
            long units = done.units() + entry.getValue()[0];
            long refunded = Math.addExact(done.amount().minor(), entry.getValue()[1]);
            Money left = new Money(Math.max(line.paid().minor() - done.amount().minor(), 0), line.paid().currency());
            if (units > line.quantity()) {
                throw new RefundExceedsPaid(line.id(), units + " of " + line.quantity() + " units", left);
            }
            if (refunded > line.paid().minor()) {
                throw new RefundExceedsPaid(line.id(), new Money(refunded, left.currency()) + " of "
                        + line.paid(), left);
            }
        }
    }

    /**
     * The order's payment account, locked until the transaction ends and read as it is now: a copy loaded earlier in
     * this transaction (before the lock was held) is read again.
     */
    private PaymentAccount lockAccount(PaidOrder order) {
        accounts.openIfMissing(order.id(), order.paid().currency().getCurrencyCode(), order.paid().minor());
        PaymentAccount account = accounts.lockById(order.id())
                .orElseThrow(() -> new NotFound("Payment account", order.id()));
        entityManager.refresh(account);
        return account;
    }

    /** What can still be refunded on the order: paid minus every refund recorded (pending or done). */
    @Transactional(readOnly = true)
    public Money refundable(long orderId) {
        List<PaymentAccountRepository.Amounts> row = accounts.amounts(orderId);
        if (row.isEmpty()) {
            return orders.paidOrder(orderId).paid();
        }
        PaymentAccountRepository.Amounts r = row.get(0);
        return new Money(r.getPaidMinor() - r.getRefundedMinor(), java.util.Currency.getInstance(r.getCurrency()));
    }

    @Transactional(readOnly = true)
    public Money refunded(long orderId) {
        List<PaymentAccountRepository.Amounts> row = accounts.amounts(orderId);
        if (row.isEmpty()) {
            return Money.zero(orders.paidOrder(orderId).paid().currency());
        }
        PaymentAccountRepository.Amounts r = row.get(0);
        return new Money(r.getRefundedMinor(), java.util.Currency.getInstance(r.getCurrency()));
    }

    /** Per order line: the units and the amount the order's refunds (pending or done) put on it. */
    @Transactional(readOnly = true)
    public Map<Long, LineRefunds> refundedPerLine(long orderId) {
        Map<Long, LineRefunds> lines = new HashMap<>();
        java.util.Currency currency = null;
        for (MovementRepository.LineRefundTotals row : movements.refundedPerLine(orderId)) {
            if (currency == null) {
                currency = orders.paidOrder(orderId).paid().currency();
            }
            lines.put(row.orderLineId(), new LineRefunds(Math.toIntExact(row.units()),
                    new Money(row.amountMinor(), currency)));
        }
        return lines;
    }

    /** Units of an order line and the money refunds have put on it. */
    public record LineRefunds(int units, Money amount) {

        static LineRefunds none(java.util.Currency currency) {
            return new LineRefunds(0, Money.zero(currency));
        }
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
        for (MovementRepository.LineUnits row : movements.refundedUnits(orderId)) {
            units.put(row.orderLineId(), Math.toIntExact(row.units()));
        }
        return units;
    }
}
