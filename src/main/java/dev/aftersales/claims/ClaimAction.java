package dev.aftersales.claims;

import java.util.EnumSet;
import java.util.Set;

/**
 * The moves on a claim, and for those that depend only on the status, which party makes them in which statuses: the
 * one table both the claim's guards and the pages read ({@link Claim#allowedMoves}). Moves that depend on more than the
 * status (escalate, answer evidence, appeal) ask their own rule in {@link Claim}, also from both sides.
 */
enum ClaimAction {
    ACCEPT(Party.SELLER, ClaimStatus.AWAITING_SELLER),
    PROPOSE(Party.SELLER, ClaimStatus.AWAITING_SELLER),
    REJECT(Party.SELLER, ClaimStatus.AWAITING_SELLER),
    RESHIP(Party.SELLER, ClaimStatus.AWAITING_RESHIPMENT),
    CONFIRM_RETURN(Party.SELLER, ClaimStatus.AWAITING_RETURN_CONFIRMATION, ClaimStatus.RETURN_IN_TRANSIT),
    /** NO_TRACKING: the seller enters a valid tracking number. */
    SUPPLY_TRACKING(Party.SELLER, ClaimStatus.AWAITING_TRACKING),
    ACCEPT_PROPOSAL(Party.BUYER, ClaimStatus.PROPOSAL_PENDING),
    REJECT_PROPOSAL(Party.BUYER, ClaimStatus.PROPOSAL_PENDING),
    SHIP_RETURN(Party.BUYER, ClaimStatus.AWAITING_RETURN_SHIPMENT),
    CONFIRM_RECEIVED(Party.BUYER, ClaimStatus.RESHIPMENT_IN_TRANSIT),
    /** DELISTED: the buyer chooses the refund or the substitute. */
    CHOOSE(Party.BUYER, ClaimStatus.AWAITING_BUYER_CHOICE),
    WITHDRAW(Party.BUYER, ClaimStatus.AWAITING_SELLER, ClaimStatus.PROPOSAL_PENDING, ClaimStatus.REJECTED_BY_SELLER,
            ClaimStatus.AWAITING_RETURN_SHIPMENT, ClaimStatus.AWAITING_RESHIPMENT, ClaimStatus.AWAITING_TRACKING,
            ClaimStatus.AWAITING_AGENT, ClaimStatus.AWAITING_EVIDENCE),
    ESCALATE(null),
    MESSAGE(null),
    /** Answer a platform agent's evidence request (files and text). */
    ANSWER_EVIDENCE(null),
    /** Appeal the platform's decision, once per party, while the window is open. */
    APPEAL(null);

    private final Party side;
    private final Set<ClaimStatus> statuses;

    ClaimAction(Party side, ClaimStatus... statuses) {
        this.side = side;
        this.statuses = statuses.length == 0 ? Set.of() : EnumSet.of(statuses[0], statuses);
    }

    /** The party whose move this is by the table, {@code null} for the moves with a rule of their own. */
    Party side() {
        return side;
    }

    /** Whether the table allows this move in {@code status}. */
    boolean allowedIn(ClaimStatus status) {
        return statuses.contains(status);
    }
}
