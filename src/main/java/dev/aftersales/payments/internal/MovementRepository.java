package dev.aftersales.payments.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.aftersales.payments.MovementKind;

public interface MovementRepository extends JpaRepository<Movement, Long> {

    Optional<Movement> findByIdempotencyKey(String idempotencyKey);

    List<Movement> findByOrderIdOrderByRequestedAtAscIdAsc(long orderId);

    List<Movement> findByClaimIdOrderByRequestedAtAscIdAsc(long claimId);

    List<Movement> findByClaimIdInOrderByRequestedAtAscIdAsc(Collection<Long> claimIds);

    /** Claims one pending movement for execution; rows another node is executing are skipped. */
    @Query(value = "select * from payment_movements where id = :id and status = 'PENDING' for update skip locked",
            nativeQuery = true)
    Optional<Movement> claimPending(long id);

    /**
     * Pending movements whose next attempt is due, by (next attempt, id) after the given position, from the partial
     * index {@code payment_movements_pending_idx}.
     */
    String DUE_PENDING = """
            select id as movement_id, next_attempt_at as next_attempt_at from payment_movements
            where status = 'PENDING' and next_attempt_at <= :now
              and next_attempt_at >= :afterAt and (next_attempt_at, id) > (:afterAt, :afterId)
            order by next_attempt_at, id limit :limit""";

    @Query(value = DUE_PENDING, nativeQuery = true)
    List<DueRow> duePending(Instant now, Instant afterAt, long afterId, int limit);

    /** A pending movement whose next attempt is due (a row of {@link #duePending}). */
    public interface DueRow {

        long getMovementId();

        Instant getNextAttemptAt();
    }

    /** Units refunded on one order line. */
    public record LineUnits(long orderLineId, long units) {
    }

    /** Units and amount (minor units) refunded on one order line. */
    public record LineRefundTotals(long orderLineId, long units, long amountMinor) {
    }

    @Query("""
            select new dev.aftersales.payments.internal.MovementRepository$LineUnits(l.orderLineId, sum(l.quantity))
            from Movement m join m.lines l
            where m.orderId = :orderId and m.kind = dev.aftersales.payments.MovementKind.REFUND
            group by l.orderLineId""")
    List<LineUnits> refundedUnits(long orderId);

    /** Per order line of the order: the units and the amount its refunds (pending or done) cover. */
    @Query("""
            select new dev.aftersales.payments.internal.MovementRepository$LineRefundTotals(l.orderLineId,
                sum(l.quantity), sum(l.amountMinor))
            from Movement m join m.lines l
            where m.orderId = :orderId and m.kind = dev.aftersales.payments.MovementKind.REFUND
            group by l.orderLineId""")
    List<LineRefundTotals> refundedPerLine(long orderId);
}
