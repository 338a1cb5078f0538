package dev.aftersales.arbitration;

import java.time.Instant;

/** With a decision an agent flagged the buyer for abuse review (a ledger entry of its own; risk counts it). */
public record BuyerFlaggedForAbuse(long flagId, long claimId, long buyerId, long agentId, String reason, Instant at) {
}
