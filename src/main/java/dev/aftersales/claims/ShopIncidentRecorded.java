package dev.aftersales.claims;

import java.time.Instant;

/**
 * Something counted against a shop on its record: a late shipment (a NO_TRACKING case opened after the ship-by
 * time), fake tracking (no carrier scan within the policy window), or paid lines the seller cancelled as delisted or
 * out of stock. Published once per incident, in the transaction that records it; the risk module counts them for
 * the seller scorecard.
 *
 * @param claimId the case the incident opened or belongs to, if any
 */
public record ShopIncidentRecorded(long shopId, IncidentKind kind, long orderId, Long claimId, Instant at) {
}
