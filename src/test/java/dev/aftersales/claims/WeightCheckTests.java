package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The parcel weight check (docs/rules.md#weight-check): packaging allowance, tolerance, and verdicts whose words
 * always follow from the numbers shown, tested at the edges.
 */
class WeightCheckTests {

    static final WeightCheckSettings SETTINGS = new WeightCheckSettings(150, 5, 50, 5);

    /** Goods 1,000 g with 600 g claimed: complete 1,200 g, without the claimed units 570 g, tolerance 60 g. */
    static WeightCheck missing(Integer measured) {
        return WeightCheck.of(SETTINGS, 1000, 600, measured, false);
    }

    @Test
    void expectationsAddPackagingToTheGoodsAndTheToleranceGrowsWithTheParcel() {
        WeightCheck check = missing(570);
        assertThat(check.expectedAllGrams()).isEqualTo(1000 + 150 + 50);
        assertThat(check.expectedWithoutGrams()).isEqualTo(400 + 150 + 20);
        assertThat(check.toleranceGrams()).isEqualTo(60);
        WeightCheck heavy = WeightCheck.of(SETTINGS, 10_000, 5_000, 5_500, false);
        assertThat(heavy.toleranceGrams()).isEqualTo((10_000 + 150 + 500) * 5 / 100);
        assertThat(heavy.verdict()).isEqualTo(WeightVerdict.CORROBORATES);
    }

    @Test
    void aParcelWithinTheToleranceOfTheItemsWithoutTheClaimedUnitsCorroboratesTheClaim() {
        assertThat(missing(570).verdict()).isEqualTo(WeightVerdict.CORROBORATES);
        assertThat(missing(570 + 60).verdict()).isEqualTo(WeightVerdict.CORROBORATES);
        assertThat(missing(570 - 60).verdict()).isEqualTo(WeightVerdict.CORROBORATES);
        assertThat(missing(570).explanation()).isEqualTo("matchesWithout");
    }

    @Test
    void aParcelFarLighterThanEvenTheUnclaimedItemsDoesNotSupportTheClaim() {
        // the demo's SO100184: measured 3,021 g, without the claimed units 3,762 g, tolerance 229 g
        WeightCheck farLighter = WeightCheck.of(SETTINGS, 4_220, 780, 3_021, false);
        assertThat(farLighter.expectedWithoutGrams()).isEqualTo(3_762);
        assertThat(farLighter.toleranceGrams()).isEqualTo(229);
        assertThat(farLighter.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(farLighter.explanation()).isEqualTo("lighterThanWithout");

        WeightCheck oneGramOutside = missing(570 - 61);
        assertThat(oneGramOutside.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(oneGramOutside.explanation()).isEqualTo("lighterThanWithout");
    }

    @Test
    void aParcelWithinTheToleranceOfTheCompleteParcelContradictsAMissingItemClaim() {
        assertThat(missing(1200).verdict()).isEqualTo(WeightVerdict.CONTRADICTS);
        assertThat(missing(1200 - 60).verdict()).isEqualTo(WeightVerdict.CONTRADICTS);
        assertThat(missing(1200 + 60).verdict()).isEqualTo(WeightVerdict.CONTRADICTS);
        assertThat(missing(1200).explanation()).isEqualTo("matchesAll");
    }

    @Test
    void oneGramOutsideEitherExpectationCannotTell() {
        WeightCheck aboveWithout = missing(570 + 61);
        assertThat(aboveWithout.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(aboveWithout.explanation()).isEqualTo("between");
        WeightCheck belowAll = missing(1200 - 61);
        assertThat(belowAll.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(belowAll.explanation()).isEqualTo("between");
        WeightCheck aboveAll = missing(1200 + 61);
        assertThat(aboveAll.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(aboveAll.explanation()).isEqualTo("heavierThanAll");
    }

    @Test
    void aNotReceivedClaimIsNeverContradictedByAFullParcel() {
        WeightCheck complete = WeightCheck.of(SETTINGS, 1000, 1000, 1190, true);
        assertThat(complete.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(complete.explanation()).isEqualTo("completeButNotDelivered");
    }

    @Test
    void anEmptyBoxWeighsItsPackagingAndCorroboratesANotReceivedClaim() {
        WeightCheck empty = WeightCheck.of(SETTINGS, 1000, 1000, 160, true);
        assertThat(empty.expectedWithoutGrams()).isEqualTo(150);
        assertThat(empty.verdict()).isEqualTo(WeightVerdict.CORROBORATES);
        // lighter than even an empty box by more than the tolerance: the scale, not the claim
        assertThat(WeightCheck.of(SETTINGS, 1000, 1000, 150 - 61, true).explanation())
                .isEqualTo("lighterThanWithout");
    }

    @Test
    void withoutAScanWeightTheWeightCannotTell() {
        WeightCheck none = missing(null);
        assertThat(none.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(none.explanation()).isEqualTo("noMeasurement");
        assertThat(none.measuredGrams()).isNull();
    }

    @Test
    void claimedUnitsTooLightForTheScaleCannotTellWhateverTheMeasurement() {
        // 40 g claimed of a 2,250 g parcel whose tolerance is 112 g
        for (int measured : new int[] { 2_110, 2_150, 2_000, 3_000 }) {
            WeightCheck light = WeightCheck.of(SETTINGS, 2000, 40, measured, false);
            assertThat(light.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
            assertThat(light.explanation()).isEqualTo("tooLight");
        }
    }

    @Test
    void severalClaimedLinesAddUpAgainstEveryLineOfTheOrder() {
        // order: 2 × 500 g, 1 × 1,000 g, 3 × 50 g = 2,150 g; claimed: 1 × 500 g and 2 × 50 g = 600 g
        List<WeightCheck.Units> order = List.of(new WeightCheck.Units(500, 2), new WeightCheck.Units(1000, 1),
                new WeightCheck.Units(50, 3));
        List<WeightCheck.Units> claimed = List.of(new WeightCheck.Units(500, 1), new WeightCheck.Units(50, 2));
        WeightCheck check = WeightCheck.of(SETTINGS, order, claimed, 1_700, false);
        assertThat(check.expectedAllGrams()).isEqualTo(2_150 + 150 + 107);
        assertThat(check.expectedWithoutGrams()).isEqualTo(1_550 + 150 + 77);
        assertThat(check.verdict()).isEqualTo(WeightVerdict.CORROBORATES);
        assertThat(WeightCheck.of(SETTINGS, order, claimed, 2_400, false).verdict())
                .isEqualTo(WeightVerdict.CONTRADICTS);
    }
}
