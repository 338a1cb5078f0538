package dev.aftersales.identity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface BuyerAddressRepository extends JpaRepository<BuyerAddress, Long> {

    boolean existsByBuyerIdAndNormalized(long buyerId, String normalized);

    List<BuyerAddress> findByBuyerIdOrderByFirstUsedAtAsc(long buyerId);
}
