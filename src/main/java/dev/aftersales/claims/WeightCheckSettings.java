package dev.aftersales.claims;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the weight check allows for packaging and scales ({@code aftersales.weight-check.*}): a parcel weighs its
 * goods plus {@code packagingGrams} plus {@code packagingPercent} of the goods; a measurement matches an expectation
 * within the larger of {@code toleranceGrams} and {@code tolerancePercent} of the complete parcel.
 */
@ConfigurationProperties("aftersales.weight-check")
public record WeightCheckSettings(@DefaultValue("150") int packagingGrams, @DefaultValue("5") int packagingPercent,
        @DefaultValue("50") int toleranceGrams, @DefaultValue("5") int tolerancePercent) {

    int packaging(int goodsGrams) {
        return goodsGrams == 0 ? packagingGrams : packagingGrams + goodsGrams * packagingPercent / 100;
    }

    int tolerance(int expectedGrams) {
        return Math.max(toleranceGrams, expectedGrams * tolerancePercent / 100);
    }
}
