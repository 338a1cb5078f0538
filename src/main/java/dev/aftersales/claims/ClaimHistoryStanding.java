package dev.aftersales.claims;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.aftersales.claims.internal.ClaimRepository;

/**
 * The written rule for good standing: in the last 90 days the buyer filed fewer than 3 other claims and none of
 * their claims was contradicted by the parcel weight check.
 */
@Component
class ClaimHistoryStanding implements BuyerStanding {

    static final Duration PERIOD = Duration.ofDays(90);
    static final int MAX_OTHER_CLAIMS = 2;

    private final ClaimRepository claims;

    ClaimHistoryStanding(ClaimRepository claims) {
        this.claims = claims;
    }

    @Override
    public Standing of(long buyerId, Long excludingClaimId, Instant now) {
        Instant since = now.minus(PERIOD);
        long others = claims.countForBuyerSince(buyerId, since, excludingClaimId);
        long contradicted = claims.countContradictedForBuyerSince(buyerId, since);
        boolean good = others <= MAX_OTHER_CLAIMS && contradicted == 0;
        return new Standing(good, good ? "claim.standing.good" : "claim.standing.notGood",
                List.of(others, contradicted, MAX_OTHER_CLAIMS + 1));
    }
}
