package dev.aftersales.claims;

/** What the parcel's measured weight says about a missing-item or not-received claim. */
public enum WeightVerdict {
    /** The parcel weighed about what the lines without the claimed units weigh. */
    CORROBORATES,
    /** The parcel weighed about what all the lines weigh: nothing seems missing. */
    CONTRADICTS,
    /** The weight cannot tell (no measurement, claimed units too light, or in between). */
    INCONCLUSIVE
}
