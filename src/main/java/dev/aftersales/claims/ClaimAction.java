package dev.aftersales.claims;

/** The moves a page may offer ({@link Claim#allowedMoves}); the POST asks the claim again through the same rules. */
enum ClaimAction {
    ACCEPT, PROPOSE, REJECT, RESHIP, CONFIRM_RETURN, ACCEPT_PROPOSAL, REJECT_PROPOSAL, SHIP_RETURN, CONFIRM_RECEIVED,
    WITHDRAW, ESCALATE, MESSAGE,
    /** NO_TRACKING: the seller enters a valid tracking number. */
    SUPPLY_TRACKING,
    /** DELISTED: the buyer chooses the refund or the substitute. */
    CHOOSE,
    /** Answer a platform agent's evidence request (files and text). */
    ANSWER_EVIDENCE,
    /** Appeal the platform's decision, once per party, while the window is open. */
    APPEAL
}
