package dev.aftersales.arbitration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    @Query("select a from Assignment a where a.claimId = :claimId and a.releasedAt is null")
    Optional<Assignment> openFor(long claimId);

    @Query("select a from Assignment a where a.claimId in :claimIds and a.releasedAt is null")
    List<Assignment> openFor(Collection<Long> claimIds);
}

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByClaimIdOrderByDecidedAtAscIdAsc(long claimId);

    /** How many first decisions had one outcome. */
    record OutcomeCount(DecisionOutcome outcome, long count) {
    }

    /** How many appeal decisions upheld (or overturned) the first one. */
    record AppealCount(boolean upheld, long count) {
    }

    /** When a decision was made and whether it was within its SLA. */
    record SlaMark(Instant decidedAt, boolean withinSla) {
    }

    @Query("""
            select new dev.aftersales.arbitration.DecisionRepository$OutcomeCount(d.outcome, count(d))
            from Decision d where d.appeal = false group by d.outcome""")
    List<OutcomeCount> countByOutcome();

    @Query("""
            select new dev.aftersales.arbitration.DecisionRepository$AppealCount(d.upheld, count(d))
            from Decision d where d.appeal = true group by d.upheld""")
    List<AppealCount> appealResults();

    @Query("""
            select new dev.aftersales.arbitration.DecisionRepository$SlaMark(d.decidedAt, d.withinSla)
            from Decision d where d.decidedAt >= :since order by d.decidedAt""")
    List<SlaMark> slaSince(Instant since);
}

interface PenaltyRepository extends JpaRepository<Penalty, Long> {

    List<Penalty> findByClaimIdOrderByAtAsc(long claimId);

    List<Penalty> findByShopIdOrderByAtDesc(long shopId);
}

interface AbuseFlagRepository extends JpaRepository<AbuseFlag, Long> {

    List<AbuseFlag> findByClaimIdOrderByAtAsc(long claimId);

    List<AbuseFlag> findByBuyerIdOrderByAtDesc(long buyerId);
}
