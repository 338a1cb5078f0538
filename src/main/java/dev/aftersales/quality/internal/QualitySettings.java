package dev.aftersales.quality.internal;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.aftersales.claims.ClaimReason;

/**
 * What counts as a quality problem and when a product is flagged ({@code aftersales.quality.*}, docs/quality.md): a
 * product is flagged when its quality-refund rate over the last 30 days is more than {@code flagRatio} times the
 * shop's rate over 90 days and it had at least {@code flagMinRefunds} quality refunds in those 30 days.
 *
 * @param reasons        the claim reasons whose refunds count as quality refunds
 * @param flagRatio      how many times the shop's 90-day rate a product's 30-day rate must exceed
 * @param flagMinRefunds how many quality refunds in 30 days a product needs at least to be flagged
 */
@ConfigurationProperties("aftersales.quality")
public record QualitySettings(
        @DefaultValue({ "QUALITY", "NOT_AS_DESCRIBED", "DAMAGED", "WRONG_ITEM" }) Set<ClaimReason> reasons,
        @DefaultValue("2.0") double flagRatio, @DefaultValue("3") int flagMinRefunds) {

    public QualitySettings {
        reasons = Set.copyOf(reasons);
        if (!(flagRatio > 0)) {
            throw new IllegalArgumentException("aftersales.quality.flag-ratio must be positive");
        }
        if (flagMinRefunds < 1) {
            throw new IllegalArgumentException("aftersales.quality.flag-min-refunds must be at least 1");
        }
    }

    boolean isQuality(ClaimReason reason) {
        return reasons.contains(reason);
    }
}
