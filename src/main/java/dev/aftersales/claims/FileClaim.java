package dev.aftersales.claims;

import java.util.List;
import java.util.Map;

import dev.aftersales.shared.Money;

/**
 * A buyer's claim as submitted.
 *
 * @param units           units per order line id (lines with 0 are ignored)
 * @param requestedAmount for a refund-only claim, a partial amount (null = the full value of the units)
 * @param submissionKey   the form's one-time key: submitting twice files one claim
 */
public record FileClaim(long orderId, ClaimType type, ClaimReason reason, Remedy remedy, String description,
        Map<Long, Integer> units, Money requestedAmount, String submissionKey, List<EvidenceUpload> evidence) {
}
