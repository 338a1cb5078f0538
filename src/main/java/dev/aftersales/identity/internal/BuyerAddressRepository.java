package dev.aftersales.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.aftersales.identity.BuyerAddress;

public interface BuyerAddressRepository extends JpaRepository<BuyerAddress, Long> {

    boolean existsByBuyerIdAndNormalized(long buyerId, String normalized);

    List<BuyerAddress> findByBuyerIdOrderByFirstUsedAtAsc(long buyerId);
}
