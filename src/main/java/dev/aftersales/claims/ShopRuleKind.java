package dev.aftersales.claims;

/**
 * What a shop's automation rule does, and when. Every rule only ever answers for the seller, more generously than
 * the platform's minimum: none acts on a claim marked for agent review or from a buyer whose return-abuse score asks
 * for review, and none refuses, proposes less or closes anything.
 */
public enum ShopRuleKind {
    /** Accept a refund-only claim up to an amount, from a buyer in good standing. */
    ACCEPT_SMALL_REFUND,
    /** Accept a missing-item claim the parcel's weight corroborates. */
    ACCEPT_CORROBORATED_SHORTAGE,
    /**
     * Propose to reship the missing units instead of refunding them, when every claimed product is still listed for
     * sale (the desk knows a shop's stock only as that). The buyer may refuse the proposal.
     */
    PROPOSE_RESHIP,
    /** Answer a new claim with a saved message ({buyer}, {order}, {claim}, {amount} are filled in). */
    REPLY
}
