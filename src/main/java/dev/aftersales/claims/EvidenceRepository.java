package dev.aftersales.claims;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceRepository extends JpaRepository<EvidenceFile, Long> {

    List<EvidenceFile> findByClaimIdOrderByUploadedAtAscIdAsc(long claimId);
}
