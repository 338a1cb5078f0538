package dev.aftersales.claims;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClaimMessageRepository extends JpaRepository<ClaimMessage, Long> {

    List<ClaimMessage> findByClaimIdOrderBySentAtAscIdAsc(long claimId);
}
