package dev.aftersales.claims.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.WeightVerdict;

public interface ClaimRepository extends JpaRepository<Claim, Long> {

    Optional<Claim> findBySubmissionKey(String submissionKey);

    List<Claim> findByOrderIdOrderByCreatedAtAsc(long orderId);

    @Query(value = "select nextval('claim_number_seq')", nativeQuery = true)
    long nextClaimNumber();

    @Query(value = """
            select c from Claim c where c.shopId = :shopId and c.status in :statuses
            order by c.dueAt asc nulls last, c.createdAt desc, c.id desc""",
            countQuery = "select count(c) from Claim c where c.shopId = :shopId and c.status in :statuses")
    Page<Claim> pageForShop(long shopId, Collection<ClaimStatus> statuses, Pageable pageable);


    /** Claims of these orders (for order lists and pages), one query. */
    @Query("select c from Claim c where c.orderId in :orderIds order by c.createdAt asc")
    List<Claim> findByOrderIds(Collection<Long> orderIds);

    /** Units of each line of an order taken by claims that did not end without a remedy. */
    @Query(value = """
            select l.order_line_id as line_id, sum(l.quantity) as units from claim_lines l
            join claims c on c.id = l.claim_id
            where c.order_id = :orderId and c.status <> 'WITHDRAWN' and c.type <> 'NO_TRACKING'
              and coalesce(c.outcome, '') <> 'SUBSTITUTED' group by l.order_line_id""",
            nativeQuery = true)
    List<LineUnits> claimedUnits(long orderId);

    /** Units of one order line (a row of {@link #claimedUnits}). */
    interface LineUnits {

        long getLineId();

        int getUnits();
    }

    /** Units of each line of an order taken by claims that did not end without a remedy, by line id. */
    default Map<Long, Integer> claimedUnitsByLine(long orderId) {
        Map<Long, Integer> claimed = new HashMap<>();
        for (LineUnits row : claimedUnits(orderId)) {
            claimed.put(row.getLineId(), row.getUnits());
        }
        return claimed;
    }

    /** The open claim of one type on a line. */
    record OpenClaim(long claimId, String claimNumber) {
    }

    /** Open claims on lines of an order, per line and type. */
    @Query(value = """
            select l.order_line_id as line_id, l.claim_type as claim_type, c.id as claim_id,
                   c.claim_number as claim_number
            from claim_lines l join claims c on c.id = l.claim_id where c.order_id = :orderId and l.open""",
            nativeQuery = true)
    List<OpenClaimOnLine> openClaimsOnLines(long orderId);

    /** An open claim on one order line (a row of {@link #openClaimsOnLines}). */
    interface OpenClaimOnLine {

        long getLineId();

        String getClaimType();

        long getClaimId();

        String getClaimNumber();
    }

    /** The open claims of this type on lines of an order, by line id. */
    default Map<Long, OpenClaim> openClaimsByLine(long orderId, ClaimType type) {
        Map<Long, OpenClaim> open = new HashMap<>();
        for (OpenClaimOnLine row : openClaimsOnLines(orderId)) {
            if (type.name().equals(row.getClaimType())) {
                open.put(row.getLineId(), new OpenClaim(row.getClaimId(), row.getClaimNumber()));
            }
        }
        return open;
    }

    /** The order a claim is about (it never changes), read without loading the claim. */
    @Query("select c.orderId from Claim c where c.id = :id")
    Optional<Long> orderIdOf(@org.springframework.data.repository.query.Param("id") long id);

    /** Whether the order has a NO_TRACKING case opened at or after {@code since} (index claims_order_type_idx). */
    String NO_TRACKING_SINCE = """
            select exists (select 1 from claims where order_id = :orderId and type = 'NO_TRACKING'
                             and created_at >= :since)""";

    @Query(value = NO_TRACKING_SINCE, nativeQuery = true)
    boolean existsNoTrackingSince(long orderId, Instant since);

    /** Of the given orders, those with a NO_TRACKING case (ever). */
    @Query(value = "select distinct order_id from claims where order_id in :orderIds and type = 'NO_TRACKING'",
            nativeQuery = true)
    List<Long> ordersWithNoTracking(Collection<Long> orderIds);

    /**
     * Claims a claim whose deadline passed for the deadline sweep's transaction; empty when another node holds it or
     * its deadline moved meanwhile.
     */
    @Query(value = """
            select id from claims where id = :id and deadline_at <= :now for update skip locked""",
            nativeQuery = true)
    Optional<Long> lockIfDue(long id, Instant now);

    @Query("""
            select count(c) from Claim c where c.buyerId = :buyerId and c.createdAt >= :since
              and (:excludeId is null or c.id <> :excludeId)""")
    long countForBuyerSince(long buyerId, Instant since, Long excludeId);

    @Query("""
            select count(c) from Claim c where c.buyerId = :buyerId and c.createdAt >= :since
              and c.weightVerdict = dev.aftersales.claims.WeightVerdict.CONTRADICTS""")
    long countContradictedForBuyerSince(long buyerId, Instant since);

    /**
     * The claim with its row locked until the transaction ends: a reaction to another module's event (a parcel
     * delivered, a refund paid) waits for a move being made at the same moment instead of failing on its version.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Claim c where c.id = :id")
    Optional<Claim> findLocked(@org.springframework.data.repository.query.Param("id") long id);

    @Query("select c.id from Claim c where c.claimNumber = :number and c.shopId = :shopId")
    Optional<Long> findIdByNumberAndShop(@Param("number") String number, @Param("shopId") long shopId);

    /**
     * A shop's claims in the order they last changed, after a position (time, id) and up to a time, through
     * {@code claims_shop_updated_idx}.
     */
    String FEED = """
            select * from claims c where c.shop_id = :shopId and (c.updated_at, c.id) > (:afterAt, :afterId)
              and c.updated_at <= :until and (:anyStatus or c.status in (:statuses))
            order by c.updated_at, c.id limit :limit""";

    @Query(value = FEED, nativeQuery = true)
    List<Claim> feed(@Param("shopId") long shopId, @Param("afterAt") Instant afterAt, @Param("afterId") long afterId,
            @Param("until") Instant until, @Param("anyStatus") boolean anyStatus,
            @Param("statuses") Collection<String> statuses, @Param("limit") int limit);

    /** A message was written: the claim counts as changed for the seller's feed (its version does not move). */
    @Modifying
    @Query("update Claim c set c.updatedAt = :at where c.id = :id and c.updatedAt < :at")
    int touch(@Param("id") long id, @Param("at") Instant at);
}
