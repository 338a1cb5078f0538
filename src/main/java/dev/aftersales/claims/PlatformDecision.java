package dev.aftersales.claims;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A platform agent's latest ruling on the claim (docs/arbitration.md), {@link #NONE} before any.
 *
 * @param ruling      what was ruled
 * @param amountMinor the refund ruled, in fen, for a refunding ruling
 * @param finalRuling made on appeal: nobody may appeal again
 */
@Embeddable
public record PlatformDecision(
        @Enumerated(EnumType.STRING) @Column(name = "decision_ruling", length = 32) Ruling ruling,
        @Column(name = "decision_amount_minor") Long amountMinor,
        @Column(name = "decision_rationale", length = 2000) String rationale,
        @Column(name = "decision_clause", length = 64) String clause,
        @Column(name = "decided_at") Instant at,
        @Column(name = "decided_by_id") Long byId,
        @Column(name = "decided_by_name", length = 100) String byName,
        @Column(name = "decision_final", nullable = false) boolean finalRuling) {

    static final PlatformDecision NONE = new PlatformDecision(null, null, null, null, null, null, null, false);

    /** What this ruling refunded, in fen: what a ruling on appeal is measured against. */
    long refundedMinor() {
        return ruling != null && ruling.refunds() && amountMinor != null ? amountMinor : 0;
    }
}
