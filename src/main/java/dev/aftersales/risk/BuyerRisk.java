package dev.aftersales.risk;

import java.time.Instant;
import java.util.List;

/**
 * A buyer's return-abuse score (0–100), its verdict and the signals it adds up, each with its value and the points
 * it gave, and the accounts linked to the buyer with what links them (docs/rules.md#return-abuse-score: the facts, not
 * only the number).
 */
public record BuyerRisk(long buyerId, int score, Verdict verdict, List<Signal> signals, List<LinkedAccount> links,
        Instant computedAt) {

    /** What the score means for the buyer's claims. */
    public enum Verdict {
        /** Nothing special. */
        NORMAL,
        /** Shown to agents on the watchlist; fast-track still possible. */
        WATCH,
        /** No fast-track; every new claim is marked for agent review (never rejected because of the score). */
        REVIEW
    }

    /**
     * One signal.
     *
     * @param code       CLAIM_RATE, RETURNS, INSPECTED, WEIGHT, FLAGS, QUICK_CLAIMS, LINKED
     * @param messageKey how its value reads ({@code risk.signal.<code>})
     * @param args       the value's arguments
     * @param points     what it adds to the score
     * @param maxPoints  the most it may add
     */
    public record Signal(String code, String messageKey, List<Object> args, int points, int maxPoints) {

        public Object[] argArray() {
            return args.toArray();
        }
    }

    /** Another buyer account sharing a phone number or a delivery address. */
    public record LinkedAccount(long accountId, String username, String displayName, String via, String value,
            Integer score) {
    }

    public boolean review() {
        return verdict == Verdict.REVIEW;
    }
}
