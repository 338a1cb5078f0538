package dev.aftersales.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.catalog.internal.ProductRepository;
import dev.aftersales.catalog.internal.ShopRepository;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;

/** Shops, their policy and their products. */
@Service
@Transactional
public class CatalogManagement {

    private final ShopRepository shops;
    private final ProductRepository products;
    private final PolicyAdministration policy;
    private final Clock clock;

    CatalogManagement(ShopRepository shops, ProductRepository products, PolicyAdministration policy, Clock clock) {
        this.shops = shops;
        this.products = products;
        this.policy = policy;
        this.clock = clock;
    }

    public Shop createShop(String code, String name) {
        return shops.save(new Shop(code, name, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Shop shop(long id) {
        return shops.findById(id).orElseThrow(() -> new NotFound("Shop", id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Shop> shopByCode(String code) {
        return shops.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Shop> shops() {
        return shops.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Map<Long, Shop> shopsById(Collection<Long> ids) {
        return shops.withIds(ids.toArray(Long[]::new)).stream().collect(Collectors.toMap(Shop::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public PolicyDefaults platformPolicy() {
        return policy.current();
    }

    /** The policy that applies to the shop's orders now. */
    @Transactional(readOnly = true)
    public ShopPolicy policyFor(long shopId) {
        return ShopPolicy.of(policy.current(), shop(shopId));
    }

    @Transactional(readOnly = true)
    public ShopPromises promisesOf(long shopId) {
        return shop(shopId).promises();
    }

    /**
     * Records the shop's own promises, refusing any that would be looser toward buyers than the platform policy.
     *
     * @return the refused fields; empty when everything was recorded
     */
    public List<PolicyViolation> promise(long shopId, ShopPromises promises) {
        List<PolicyViolation> violations = check(promises);
        if (violations.isEmpty()) {
            shop(shopId).promise(promises);
        }
        return violations;
    }

    List<PolicyViolation> check(ShopPromises p) {
        PolicyDefaults defaults = policy.current();
        List<PolicyViolation> violations = new ArrayList<>();
        atMost(violations, "shipByHours", p.shipByHours(), defaults.shipBy().toHours());
        atMost(violations, "firstResponseHours", p.firstResponseHours(), defaults.sellerFirstResponse().toHours());
        atMost(violations, "reshipmentHours", p.reshipmentHours(), defaults.sellerReshipment().toHours());
        atLeast(violations, "missingItemWindowDays", p.missingItemWindowDays(), defaults.missingItemWindow().toDays(),
                365);
        atLeast(violations, "noReasonReturnDays", p.noReasonReturnDays(), defaults.noReasonReturnWindow().toDays(),
                365);
        atLeast(violations, "qualityWindowDays", p.qualityWindowDays(), defaults.qualityWindow().toDays(), 365);
        if (p.fastTrackThresholdFen() != null && p.fastTrackThresholdFen() < defaults.fastTrackThresholdFen()) {
            violations.add(new PolicyViolation("fastTrackThreshold", "policy.violation.atLeastMoney",
                    Money.fen(defaults.fastTrackThresholdFen()).format()));
        }
        if (p.fastTrackThresholdFen() != null && p.fastTrackThresholdFen() > 100_000) {
            violations.add(new PolicyViolation("fastTrackThreshold", "policy.violation.atMostMoney",
                    Money.fen(100_000).format()));
        }
        return violations;
    }

    private static void atMost(List<PolicyViolation> violations, String field, Integer value, long platform) {
        if (value != null && (value < 1 || value > platform)) {
            violations.add(new PolicyViolation(field, "policy.violation.hoursRange", 1, platform));
        }
    }

    private static void atLeast(List<PolicyViolation> violations, String field, Integer value, long platform,
            long cap) {
        if (value != null && (value < platform || value > cap)) {
            violations.add(new PolicyViolation(field, "policy.violation.daysRange", platform, cap));
        }
    }

    public Product createProduct(long shopId, String sku, String title, Money price, int unitWeightGrams,
            boolean returnable) {
        shop(shopId);
        return products.save(new Product(shopId, sku, title, price, unitWeightGrams, returnable, clock.instant()));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Product> product(long shopId, String sku) {
        return products.findByShopIdAndSku(shopId, sku);
    }

    @Transactional(readOnly = true)
    public Map<String, Product> productsBySku(long shopId, Collection<String> skus) {
        return products.findByShopIdAndSkuIn(shopId, skus).stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    @Transactional(readOnly = true)
    public List<Product> productsOf(long shopId) {
        return products.findByShopIdOrderBySkuAsc(shopId);
    }

    @Transactional(readOnly = true)
    public List<Product> productsById(Collection<Long> ids) {
        return products.withIds(ids.toArray(Long[]::new));
    }
}
