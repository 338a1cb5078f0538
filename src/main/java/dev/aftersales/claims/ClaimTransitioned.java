package dev.aftersales.claims;

import java.time.Instant;

/**
 * A claim moved: filed, answered, escalated, resolved ... One event per timeline entry, carrying what notification,
 * risk and arbitration need without loading the claim. The NO_TRACKING cases the ship-by watcher opens a chunk at a
 * time come inside one {@link ClaimsTransitioned} instead.
 *
 * @param action     the timeline action (FILED, ACCEPTED, PROPOSED_RESHIP, REJECTED, ESCALATED, AUTO_ACCEPTED ...)
 * @param from       the status before ({@code null} when filed)
 * @param to         the status after
 * @param party      whose move it is now
 * @param dueAt      by when
 * @param rule       the rule the system applied, if any
 */
public record ClaimTransitioned(long claimId, String claimNumber, long orderId, long shopId, long buyerId,
        ClaimType type, String action, ClaimStatus from, ClaimStatus to, ActorRole actorRole, Long actorId,
        Party party, Instant dueAt, Instant at, Long amountMinor, String rule) {
}
