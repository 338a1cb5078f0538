package dev.aftersales.claims.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ShopRuleRepository extends JpaRepository<ShopRule, Long> {

    List<ShopRule> findByShopIdOrderById(long shopId);

    List<ShopRule> findByShopIdAndActiveTrueOrderById(long shopId);

    /** Records that the rule acted on the claim; 0 when it already had (a resubmitted event), then nothing is done. */
    @Modifying
    @Query(value = """
            insert into shop_rule_firings (rule_id, claim_id, fired_at, facts) values (:ruleId, :claimId, :at, :facts)
            on conflict do nothing""", nativeQuery = true)
    int recordFiring(long ruleId, long claimId, Instant at, String facts);

    @Modifying
    @Query(value = "update shop_rules set fired_count = fired_count + 1, last_fired_at = :at where id = :ruleId",
            nativeQuery = true)
    void countFiring(long ruleId, Instant at);
}
