package dev.aftersales.claims;

/**
 * The parcel weight check of SPEC S3: the carrier-measured weight against the weight of all lines and of the lines
 * without the claimed units, each plus a packaging allowance, within a tolerance for scales and packing.
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

    /**
     * @param goodsAllGrams     Σ units × unit weight of every line
     * @param claimedGrams      Σ claimed units × unit weight
     * @param measuredGrams     the carrier's weight of the parcel(s)
     * @param notReceived       for NOT_RECEIVED a complete parcel says nothing about whether it arrived
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
        if (expectedAll - expectedWithout <= 2 * tolerance) {
            return new WeightCheck(expectedAll, expectedWithout, measuredGrams, tolerance,
                    WeightVerdict.INCONCLUSIVE, "tooLight");
        }
        if (measuredGrams <= expectedWithout + tolerance) {
            return new WeightCheck(expectedAll, expectedWithout, measuredGrams, tolerance,
                    WeightVerdict.CORROBORATES, "matchesWithout");
        }
        if (measuredGrams >= expectedAll - tolerance) {
            return new WeightCheck(expectedAll, expectedWithout, measuredGrams, tolerance,
                    notReceived ? WeightVerdict.INCONCLUSIVE : WeightVerdict.CONTRADICTS,
                    notReceived ? "completeButNotDelivered" : "matchesAll");
        }
        return new WeightCheck(expectedAll, expectedWithout, measuredGrams, tolerance, WeightVerdict.INCONCLUSIVE,
                "between");
    }
}
