package dev.aftersales.risk.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.claims.BuyerStanding;
import dev.aftersales.risk.BuyerRisk;
import dev.aftersales.risk.RiskManagement;

/**
 * The risk module's answer to "may this buyer be fast-tracked?": not when the return-abuse score says "review";
 * then the new claim is marked for agent review (never rejected because of the score).
 */
@Component
class RiskStanding implements BuyerStanding {

    private final BuyerScores scores;
    private final RiskManagement risk;

    RiskStanding(BuyerScores scores, RiskManagement risk) {
        this.scores = scores;
        this.risk = risk;
    }

    @Override
    public Standing of(long buyerId, Long excludingClaimId, Instant now) {
        BuyerRisk r = scores.compute(buyerId, excludingClaimId, now);
        boolean review = r.review();
        return new Standing(!review, review ? "risk.standing.review" : "risk.standing.good",
                List.of(r.score(), r.verdict().name()), review,
                "marked for agent review: return-abuse score " + r.score() + " (review from "
                        + riskThreshold() + ")", r.verdict() == BuyerRisk.Verdict.WATCH);
    }

    private int riskThreshold() {
        return risk.reviewThreshold();
    }
}
