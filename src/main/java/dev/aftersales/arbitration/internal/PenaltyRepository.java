package dev.aftersales.arbitration.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PenaltyRepository extends JpaRepository<Penalty, Long> {

    List<Penalty> findByClaimIdOrderByAtAsc(long claimId);

    /** The shop's latest penalties, newest first (the workspace shows these, however many the shop has). */
    List<Penalty> findTop20ByShopIdOrderByAtDescIdDesc(long shopId);

    long countByShopId(long shopId);
}
