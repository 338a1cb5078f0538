package dev.aftersales.platform.demo;

/**
 * An amount of a generated claim, written in terms of its requested amount so that one scenario serves every order:
 * {@code requested × R + half × H + fixed}, where half is half the requested amount (at least 1 fen), the partial
 * refund the scenarios offer. Stored as the text {@code "R:H:F"} and evaluated in SQL by {@code pg_temp.gen_amount}.
 */
record GenAmount(int requested, int half, long fixed) {

    static final GenAmount REQUESTED = new GenAmount(1, 0, 0);
    static final GenAmount HALF = new GenAmount(0, 1, 0);
    /** What is left of the requested amount after the half. */
    static final GenAmount REST = new GenAmount(1, -1, 0);
    static final GenAmount ZERO = new GenAmount(0, 0, 0);

    static GenAmount fixed(long fen) {
        return new GenAmount(0, 0, fen);
    }

    GenAmount plus(GenAmount other) {
        return new GenAmount(requested + other.requested, half + other.half, fixed + other.fixed);
    }

    GenAmount negate() {
        return new GenAmount(-requested, -half, -fixed);
    }

    boolean isZero() {
        return requested == 0 && half == 0 && fixed == 0;
    }

    String code() {
        return requested + ":" + half + ":" + fixed;
    }

    /** The SQL function that evaluates a code for a requested amount. */
    static final String FUNCTION = """
            create or replace function pg_temp.gen_amount(code text, requested bigint) returns bigint
            language sql immutable as $$
              select case when code is null then null else
                split_part(code, ':', 1)::bigint * requested
                + split_part(code, ':', 2)::bigint * greatest(1, requested / 2)
                + split_part(code, ':', 3)::bigint end
            $$""";
}
