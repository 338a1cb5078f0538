package dev.aftersales.arbitration;

import java.time.Instant;

/**
 * With a decision an agent recorded a penalty on the shop.
 *
 * @param points         penalty points, 0 for a warning or a deduction only
 * @param deductionMinor deposit deduction in fen, 0 when none
 */
public record SellerPenalized(long penaltyId, long claimId, long shopId, long agentId, PenaltyKind kind, int points,
        long deductionMinor, String reason, Instant at) {
}
