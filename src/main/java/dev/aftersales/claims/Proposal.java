package dev.aftersales.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What is on the table instead of the buyer's request: the seller's proposal, the refund offered after an inspection,
 * or the substitute a DELISTED case offers (its title is the note).
 *
 * @param remedy      the proposed remedy, {@code null} when nothing was proposed
 * @param amountMinor the refund of a refund proposal, in fen
 * @param note        the proposer's words
 */
@Embeddable
public record Proposal(
        @Enumerated(EnumType.STRING) @Column(name = "proposal_remedy", length = 32) Remedy remedy,
        @Column(name = "proposal_amount_minor") Long amountMinor,
        @Column(name = "proposal_note", length = 2000) String note) {

    static final Proposal NONE = new Proposal(null, null, null);

    /** An offer that refunds {@code amountMinor} (possibly nothing). */
    boolean refundsNothing() {
        return amountMinor == null || amountMinor == 0;
    }
}
