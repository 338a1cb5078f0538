package dev.aftersales.arbitration.internal;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PenaltyRepository extends JpaRepository<Penalty, Long> {

    List<Penalty> findByClaimIdOrderByAtAsc(long claimId);

    /** The shop's latest penalties, newest first, at most {@code limit} of them. */
    List<Penalty> findByShopIdOrderByAtDescIdDesc(long shopId, Limit limit);

    long countByShopId(long shopId);
}
