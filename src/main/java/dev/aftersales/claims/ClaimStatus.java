package dev.aftersales.claims;

/**
 * Where a claim stands. Every open status names the party whose move it is; the claim's due time says by when and
 * {@link Claim#onDeadline} applies the written consequence when it passes (docs/rules.md#deadlines). The state
 * diagram of docs/lifecycle.md#the-state-diagram is drawn from this enum and {@link Claim}'s transitions.
 */
public enum ClaimStatus {
    /** Filed (or a proposal was turned down): the seller accepts, proposes something else, or rejects. */
    AWAITING_SELLER(Party.SELLER),
    /** The seller proposed an alternative (partial refund, reship, exchange): the buyer accepts or rejects it. */
    PROPOSAL_PENDING(Party.BUYER),
    /** The seller rejected the claim: the buyer escalates to the platform or withdraws. */
    REJECTED_BY_SELLER(Party.BUYER),
    /** A return was agreed: the buyer ships it and enters the tracking number. */
    AWAITING_RETURN_SHIPMENT(Party.BUYER),
    /** The return is on its way: the carrier must deliver it to the seller. */
    RETURN_IN_TRANSIT(Party.CARRIER),
    /** The return was delivered: the seller confirms receipt with an inspection result. */
    AWAITING_RETURN_CONFIRMATION(Party.SELLER),
    /** A reshipment was agreed: the seller ships it and enters the tracking number. */
    AWAITING_RESHIPMENT(Party.SELLER),
    /** The reshipment is on its way: the buyer confirms it arrived (or the carrier's delivery does). */
    RESHIPMENT_IN_TRANSIT(Party.BUYER),
    /** NO_TRACKING: the seller must supply a valid tracking number. */
    AWAITING_TRACKING(Party.SELLER),
    /** DELISTED: the buyer chooses a refund or the offered substitute. */
    AWAITING_BUYER_CHOICE(Party.BUYER),
    /** Escalated to the platform: an agent takes and decides the case. */
    AWAITING_AGENT(Party.AGENT),
    /** The agent asked a party for evidence: that party answers. */
    AWAITING_EVIDENCE(Party.BUYER),
    /** The platform decided; the appeal window is open. */
    DECIDED(Party.NONE),
    /** A refund was agreed and is being paid out. */
    REFUND_PENDING(Party.SYSTEM),
    /** Ended with the remedy delivered (refund paid, reshipment received ...). */
    RESOLVED(Party.NONE),
    /** Ended by the buyer, or because the buyer's clock ran out. */
    WITHDRAWN(Party.NONE),
    /** Ended after a decision (and any appeal). */
    CLOSED(Party.NONE);

    private final Party defaultParty;

    ClaimStatus(Party defaultParty) {
        this.defaultParty = defaultParty;
    }

    /** Whose move it is in this status (for AWAITING_EVIDENCE the claim records which party was asked). */
    public Party defaultParty() {
        return defaultParty;
    }

    public boolean isOpen() {
        return this != RESOLVED && this != WITHDRAWN && this != CLOSED;
    }

    /** Ended without the buyer getting a remedy: its units may be claimed again. */
    public boolean endedWithoutRemedy() {
        return this == WITHDRAWN;
    }
}
