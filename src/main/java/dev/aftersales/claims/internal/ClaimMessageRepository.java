package dev.aftersales.claims.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClaimMessageRepository extends JpaRepository<ClaimMessage, Long> {

    List<ClaimMessage> findByClaimIdOrderBySentAtAscIdAsc(long claimId);
}
