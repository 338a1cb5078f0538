package dev.aftersales.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.aftersales.identity.SellerApiKey;

public interface SellerApiKeyRepository extends JpaRepository<SellerApiKey, Long> {

    Optional<SellerApiKey> findByKeyHash(String keyHash);

    List<SellerApiKey> findByShopIdOrderByCreatedAtDesc(long shopId);

    boolean existsByShopIdAndNameAndRevokedAtIsNull(long shopId, String name);
}
