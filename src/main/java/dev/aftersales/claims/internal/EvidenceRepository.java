package dev.aftersales.claims.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<EvidenceFile, Long> {

    List<EvidenceFile> findByClaimIdOrderByUploadedAtAscIdAsc(long claimId);
}
