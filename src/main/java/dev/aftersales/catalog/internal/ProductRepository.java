package dev.aftersales.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.aftersales.catalog.Product;

public interface ProductRepository extends JpaRepository<Product, Long> {

    Optional<Product> findByShopIdAndSku(long shopId, String sku);

    List<Product> findByShopIdAndSkuIn(long shopId, Collection<String> skus);

    List<Product> findByShopIdOrderBySkuAsc(long shopId);
}
