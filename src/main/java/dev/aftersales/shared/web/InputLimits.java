package dev.aftersales.shared.web;

/**
 * The desk's limits on what forms and the integration API accept (see docs/input-limits.md). Each text limit is the
 * length of the column the text is kept in; a longer value is refused next to its field, never cut.
 */
public final class InputLimits {

    private InputLimits() {
    }

    /** Free texts kept in full: descriptions, reasons, notes, messages, statements, rationales. */
    public static final int TEXT = 2000;

    /** Shorter notes: cancellation notes, holiday reasons, penalty and abuse-flag reasons. */
    public static final int SHORT_TEXT = 500;

    /** A tracking number as typed (the carrier's format decides the rest). */
    public static final int TRACKING_NUMBER = 40;

    /** A typed amount ("12.50"): longer text is refused before it is read as a number. */
    public static final int AMOUNT_CHARS = 20;

    /** Any other number typed into a form (counts, hours, points, ids): longer text is not read as a number. */
    public static final int NUMBER_CHARS = 19;

    /**
     * The largest amount the desk records, in minor units: ¥1,000,000,000.00. Order totals, line amounts, unit
     * prices and every typed amount stay at or below it, so sums and products of them never overflow a long.
     */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;

    /** The highest page number a list accepts (zero-based); higher ones show this page. */
    public static final int MAX_PAGE = 10_000;
}
