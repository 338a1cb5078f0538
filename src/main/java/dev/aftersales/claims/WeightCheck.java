package dev.aftersales.claims;

import java.util.List;

/**
 * The parcel weight check (docs/rules.md#weight-check): the carrier-measured weight against two expectations, the
 * complete parcel and the parcel without the claimed units, each its goods plus a packaging allowance. A pure
 * function of the numbers it shows, so that its words always follow from them:
 * <ul>
 * <li>no measurement: inconclusive;</li>
 * <li>the claimed units weigh no more than twice the tolerance: the scale cannot tell them apart, inconclusive;</li>
 * <li>within the tolerance of the parcel without the claimed units: corroborates the claim;</li>
 * <li>lighter than that by more than the tolerance: lighter than even the units not claimed, so more may be missing
 * or the scale is wrong: inconclusive;</li>
 * <li>within the tolerance of the complete parcel: contradicts a missing-item claim (a complete parcel says nothing
 * about whether a not-received parcel arrived: inconclusive);</li>
 * <li>heavier than the complete parcel by more than the tolerance: inconclusive;</li>
 * <li>in between the two expectations: inconclusive.</li>
 * </ul>
 *
 * @param expectedAllGrams     all lines plus packaging
 * @param expectedWithoutGrams the lines without the claimed units, plus packaging
 * @param measuredGrams        the carrier's measurement, {@code null} when there is none
 * @param toleranceGrams       how far a measurement may be from an expectation and still match it
 * @param verdict              what it says
 * @param explanation          why: a message key suffix ({@code claim.weight.why.<explanation>})
 */
public record WeightCheck(int expectedAllGrams, int expectedWithoutGrams, Integer measuredGrams, int toleranceGrams,
        WeightVerdict verdict, String explanation) {

    /** Units of one order line: how many, and what one weighs. */
    public record Units(int unitWeightGrams, int quantity) {

        int grams() {
            return Math.multiplyExact(unitWeightGrams, quantity);
        }
    }

    /**
     * @param orderLines    every line of the order
     * @param claimedLines  the claimed units of each claimed line
     * @param measuredGrams the carrier's weight of the parcel(s)
     * @param notReceived   for NOT_RECEIVED a complete parcel says nothing about whether it arrived
     */
    public static WeightCheck of(WeightCheckSettings settings, List<Units> orderLines, List<Units> claimedLines,
            Integer measuredGrams, boolean notReceived) {
        return of(settings, orderLines.stream().mapToInt(Units::grams).sum(),
                claimedLines.stream().mapToInt(Units::grams).sum(), measuredGrams, notReceived);
    }

    /**
     * @param goodsAllGrams Σ units × unit weight of every line
     * @param claimedGrams  Σ claimed units × unit weight
     * @param measuredGrams the carrier's weight of the parcel(s)
     * @param notReceived   for NOT_RECEIVED a complete parcel says nothing about whether it arrived
     */
    public static WeightCheck of(WeightCheckSettings settings, int goodsAllGrams, int claimedGrams,
            Integer measuredGrams, boolean notReceived) {
        int goodsWithout = Math.max(goodsAllGrams - claimedGrams, 0);
        int expectedAll = goodsAllGrams + settings.packaging(goodsAllGrams);
        int expectedWithout = goodsWithout + settings.packaging(goodsWithout);
        int tolerance = settings.tolerance(expectedAll);
        if (measuredGrams == null) {
            return new WeightCheck(expectedAll, expectedWithout, null, tolerance, WeightVerdict.INCONCLUSIVE,
                    "noMeasurement");
        }
        int measured = measuredGrams;
        WeightVerdict verdict;
        String explanation;
        if (expectedAll - expectedWithout <= 2 * tolerance) {
            verdict = WeightVerdict.INCONCLUSIVE;
            explanation = "tooLight";
        } else if (Math.abs(measured - expectedWithout) <= tolerance) {
            verdict = WeightVerdict.CORROBORATES;
            explanation = "matchesWithout";
        } else if (measured < expectedWithout) {
            verdict = WeightVerdict.INCONCLUSIVE;
            explanation = "lighterThanWithout";
        } else if (Math.abs(measured - expectedAll) <= tolerance) {
            verdict = notReceived ? WeightVerdict.INCONCLUSIVE : WeightVerdict.CONTRADICTS;
            explanation = notReceived ? "completeButNotDelivered" : "matchesAll";
        } else if (measured > expectedAll) {
            verdict = WeightVerdict.INCONCLUSIVE;
            explanation = "heavierThanAll";
        } else {
            verdict = WeightVerdict.INCONCLUSIVE;
            explanation = "between";
        }
        return new WeightCheck(expectedAll, expectedWithout, measured, tolerance, verdict, explanation);
    }
}
