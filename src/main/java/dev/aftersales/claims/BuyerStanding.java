package dev.aftersales.claims;

import java.time.Instant;
import java.util.List;

/**
 * Whether a buyer is in good standing for fast-track refunds, with the written rule and the facts behind the answer
 * (shown on the claim when fast-track is applied or withheld). The claims module's own rule looks at the buyer's
 * claim history; the risk module may provide a stricter one.
 */
public interface BuyerStanding {

    Standing of(long buyerId, Long excludingClaimId, Instant now);

    /**
     * @param good        whether fast-track may apply
     * @param messageKey  the explanation's message key
     * @param args        its arguments
     * @param review      the buyer's new claims are marked for agent review (never rejected because of it)
     * @param reviewNote  what the claim's timeline says when marked, e.g. "return-abuse score 82 (review)"
     * @param watched     the buyer is on the platform's watchlist (fast-track still possible; a shop's rule never acts)
     */
    record Standing(boolean good, String messageKey, List<Object> args, boolean review, String reviewNote,
            boolean watched) {

        public Standing(boolean good, String messageKey, List<Object> args, boolean review, String reviewNote) {
            this(good, messageKey, args, review, reviewNote, false);
        }

        public Standing(boolean good, String messageKey, List<Object> args) {
            this(good, messageKey, args, false, null);
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }
}
