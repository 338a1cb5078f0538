package dev.aftersales.arbitration;

import java.time.Instant;

import dev.aftersales.payments.CostBearer;

/**
 * An agent decided a claim, or a second agent decided its appeal ({@code appeal} true; that decision is final).
 *
 * @param sellerAtFault the cost of the decision is borne by the seller (risk counts these on the scorecard)
 * @param refundMinor   the money the decision sends to the buyer, in fen; {@code null} when none
 */
public record AgentDecided(long claimId, String claimNumber, long orderId, long shopId, long buyerId, long agentId,
        DecisionOutcome outcome, CostBearer costBearer, boolean sellerAtFault, boolean appeal, Long refundMinor,
        String clause, Instant at) {
}
