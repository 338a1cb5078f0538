package dev.aftersales.claims;

import java.util.List;

import dev.aftersales.catalog.ShopPolicy;
import dev.aftersales.shared.Money;

/**
 * The fast-track rule (docs/rules.md#fast-track): a refund-only claim, or a missing-item claim asking for a refund, at
 * or under the shop's threshold, whose parcel weight does not contradict it, from a buyer in good standing, is refunded
 * at once. The explanation written on the claim names every fact the decision rests on.
 */
final class FastTrack {

    private FastTrack() {
    }

    record Decision(boolean applies, String explanation) {
    }

    static Decision decide(Claim claim, WeightCheck weight, ShopPolicy policy, BuyerStanding.Standing standing) {
        boolean eligibleType = claim.type() == ClaimType.REFUND_ONLY
                || claim.type() == ClaimType.MISSING_ITEM && claim.remedy() == Remedy.REFUND;
        if (!eligibleType) {
            return new Decision(false, null);
        }
        Money threshold = Money.fen(policy.fastTrackThresholdFen());
        boolean small = !claim.requestedAmount().greaterThan(threshold);
        boolean notContradicted = weight == null || weight.verdict() != WeightVerdict.CONTRADICTS;
        String explanation = String.join("|", List.of(claim.requestedAmount().format(), threshold.format(),
                weight == null ? "-" : weight.verdict().name(), standing.messageKey(),
                String.valueOf(standing.args().get(0)), String.valueOf(standing.args().get(1))));
        return new Decision(small && notContradicted && standing.good(), explanation);
    }
}
