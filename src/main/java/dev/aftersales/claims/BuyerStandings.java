package dev.aftersales.claims;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Every {@link BuyerStanding} consulted together (risk #6): the strictest wins for fast-track, any asking for review
 * marks a new claim, and a shop's rules act only for a buyer whose every standing is normal.
 */
@Component
class BuyerStandings {

    private final List<BuyerStanding> standings;

    BuyerStandings(List<BuyerStanding> standings) {
        this.standings = standings;
    }

    /**
     * Whether the buyer's standing is normal for this claim now, as a shop's rules need it: every standing good, none
     * asking for review, none watching the buyer (a return-abuse score on the watchlist).
     */
    boolean normal(Claim claim, Instant now) {
        for (BuyerStanding rule : standings) {
            BuyerStanding.Standing standing = rule.of(claim.buyerId(), claim.id(), now);
            if (!standing.good() || standing.review() || standing.watched()) {
                return false;
            }
        }
        return true;
    }

    /** The first standing that is not good (the strictest), else the first good one. */
    BuyerStanding.Standing strictest(long buyerId, Long excludingClaimId, Instant now) {
        BuyerStanding.Standing first = null;
        for (BuyerStanding rule : standings) {
            BuyerStanding.Standing answer = rule.of(buyerId, excludingClaimId, now);
            if (!answer.good()) {
                return answer;
            }
            if (first == null) {
                first = answer;
            }
        }
        return first != null ? first : new BuyerStanding.Standing(false, "claim.standing.notGood", List.of(0, 0, 0));
    }

    /**
     * A standing that asks for review marks the new claim on its timeline ("marked for agent review: return-abuse
     * score 82"). Kept in this one place, to become {@code Claim.markForReview(...)} once arbitration has it.
     */
    void markForAgentReview(Claim claim, long buyerId, Instant now) {
        for (BuyerStanding rule : standings) {
            BuyerStanding.Standing answer = rule.of(buyerId, claim.id(), now);
            if (answer.review()) {
                claim.markForReview(answer.reviewNote(), now);
                return;
            }
        }
    }
}
