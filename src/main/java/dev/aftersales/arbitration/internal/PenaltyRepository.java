package dev.aftersales.arbitration.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PenaltyRepository extends JpaRepository<Penalty, Long> {

    List<Penalty> findByClaimIdOrderByAtAsc(long claimId);

    List<Penalty> findByShopIdOrderByAtDesc(long shopId);
}
