package dev.aftersales.shared;

/**
 * A count that stops at {@link #CAP}: a list's "how many" is read from at most {@code CAP + 1} index entries, so a
 * shop with 40,000 claims costs no more to show than one with 40. Pages show {@code more} as "1,000+".
 *
 * @param shown the count, at most {@link #CAP}
 * @param more whether there are more than {@code shown}
 */
public record CappedCount(long shown, boolean more) {

    /** Where counts stop. */
    public static final int CAP = 1000;

    /** From a count made with {@code limit CAP + 1}. */
    public static CappedCount of(long countedUpToCapPlusOne) {
        return new CappedCount(Math.min(countedUpToCapPlusOne, CAP), countedUpToCapPlusOne > CAP);
    }
}
