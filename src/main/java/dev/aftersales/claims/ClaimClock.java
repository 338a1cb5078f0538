package dev.aftersales.claims;

import java.time.Duration;

import dev.aftersales.catalog.ShopPolicy;

/**
 * The durations a claim's clocks run for, from the shop's policy (docs/rules.md#deadlines): the platform defaults,
 * stricter where the shop promised more.
 */
record ClaimClock(Duration sellerFirstResponse, Duration buyerAnswer, Duration buyerReturnShipment,
        Duration sellerReturnConfirmation, Duration sellerReshipment, Duration evidenceAnswer,
        Duration agentDecision, Duration appealWindow, Duration parcelDelivery, Duration buyerChoice,
        Duration refundPayout) {

    /** How long a refund may stay unpaid before a person looks at it. */
    static final Duration REFUND_PAYOUT = Duration.ofHours(24);
    /** DELISTED: the buyer chooses refund or substitute within 72 h; silence means refund. */
    static final Duration BUYER_CHOICE = Duration.ofHours(72);

    public static ClaimClock of(ShopPolicy policy) {
        return new ClaimClock(policy.sellerFirstResponse(), policy.buyerAnswer(), policy.buyerReturnShipment(),
                policy.sellerReturnConfirmation(), policy.sellerReshipment(), policy.evidenceAnswer(),
                policy.agentDecision(), policy.appealWindow(), policy.notReceivedAfterShipping(), BUYER_CHOICE,
                REFUND_PAYOUT);
    }
}
