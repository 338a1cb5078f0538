package dev.aftersales.arbitration.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AbuseFlagRepository extends JpaRepository<AbuseFlag, Long> {

    List<AbuseFlag> findByClaimIdOrderByAtAsc(long claimId);

    List<AbuseFlag> findByBuyerIdOrderByAtDesc(long buyerId);
}
