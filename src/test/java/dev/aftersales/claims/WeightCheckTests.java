package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parcel weight check: packaging allowance, tolerance, and the plain verdicts. */
class WeightCheckTests {

    static final WeightCheckSettings SETTINGS = new WeightCheckSettings(150, 5, 50, 5);

    @Test
    void aParcelWeighingWhatTheLinesWithoutTheClaimedUnitsWeighCorroboratesTheClaim() {
        // goods 1,000 g; 600 g claimed missing; the carrier weighed 570 g
        WeightCheck check = WeightCheck.of(SETTINGS, 1000, 600, 570, false);
        assertThat(check.expectedAllGrams()).isEqualTo(1000 + 150 + 50);
        assertThat(check.expectedWithoutGrams()).isEqualTo(400 + 150 + 20);
        assertThat(check.toleranceGrams()).isEqualTo(60);
        assertThat(check.verdict()).isEqualTo(WeightVerdict.CORROBORATES);
    }

    @Test
    void aParcelWeighingWhatAllLinesWeighContradictsAMissingItemClaim() {
        WeightCheck check = WeightCheck.of(SETTINGS, 1000, 600, 1190, false);
        assertThat(check.verdict()).isEqualTo(WeightVerdict.CONTRADICTS);
        assertThat(check.explanation()).isEqualTo("matchesAll");
    }

    @Test
    void aCompleteParcelSaysNothingAboutWhetherItArrived() {
        WeightCheck check = WeightCheck.of(SETTINGS, 1000, 1000, 1190, true);
        assertThat(check.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(check.explanation()).isEqualTo("completeButNotDelivered");
    }

    @Test
    void anAlmostEmptyParcelCorroboratesANotReceivedClaim() {
        assertThat(WeightCheck.of(SETTINGS, 1000, 1000, 160, true).verdict()).isEqualTo(WeightVerdict.CORROBORATES);
    }

    @Test
    void withoutAMeasurementOrWithLightClaimedUnitsTheWeightCannotTell() {
        assertThat(WeightCheck.of(SETTINGS, 1000, 600, null, false).explanation()).isEqualTo("noMeasurement");
        WeightCheck light = WeightCheck.of(SETTINGS, 2000, 40, 2150, false);
        assertThat(light.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(light.explanation()).isEqualTo("tooLight");
    }

    @Test
    void aWeightInBetweenIsInconclusive() {
        WeightCheck check = WeightCheck.of(SETTINGS, 1000, 600, 880, false);
        assertThat(check.verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        assertThat(check.explanation()).isEqualTo("between");
    }

    @Test
    void theToleranceGrowsWithHeavyParcels() {
        WeightCheck heavy = WeightCheck.of(SETTINGS, 10_000, 5_000, 5_500, false);
        assertThat(heavy.toleranceGrams()).isEqualTo((10_000 + 150 + 500) * 5 / 100);
        assertThat(heavy.verdict()).isEqualTo(WeightVerdict.CORROBORATES);
    }
}
