package dev.aftersales.arbitration.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.aftersales.arbitration.DecisionOutcome;

public interface DecisionRepository extends JpaRepository<Decision, Long> {

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
            select new dev.aftersales.arbitration.internal.DecisionRepository$OutcomeCount(d.outcome, count(d))
            from Decision d where d.appeal = false group by d.outcome""")
    List<OutcomeCount> countByOutcome();

    @Query("""
            select new dev.aftersales.arbitration.internal.DecisionRepository$AppealCount(d.upheld, count(d))
            from Decision d where d.appeal = true group by d.upheld""")
    List<AppealCount> appealResults();

    @Query("""
            select new dev.aftersales.arbitration.internal.DecisionRepository$SlaMark(d.decidedAt, d.withinSla)
            from Decision d where d.decidedAt >= :since order by d.decidedAt""")
    List<SlaMark> slaSince(Instant since);
}
