package dev.aftersales.arbitration.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    @Query("select a from Assignment a where a.claimId = :claimId and a.releasedAt is null")
    Optional<Assignment> openFor(long claimId);

    @Query("select a from Assignment a where a.claimId in :claimIds and a.releasedAt is null")
    List<Assignment> openFor(Collection<Long> claimIds);
}
