package dev.aftersales.claims;

/**
 * What happened at one step of a claim's history (docs/lifecycle.md). Each name is also the message key suffix
 * {@code claim.action.<name>} and the {@code action} of {@link ClaimTransitioned}, webhook payloads and notices, so a
 * name, once used, never changes: it is stored in {@code claim_timeline.action}.
 */
enum TimelineAction {
    // a claim begins
    FILED, OPENED, FAST_TRACKED,
    // the seller answers
    ACCEPTED, ACCEPTED_BY_SHOP_RULE, PROPOSED_REFUND, PROPOSED_RESHIP, PROPOSED_EXCHANGE, PROPOSED_RETURN_AND_REFUND,
    REJECTED, RESHIPPED, RETURN_CONFIRMED, RETURN_INSPECTED_AS_SOLD, RETURN_INSPECTED_USED, RETURN_INSPECTED_DAMAGED,
    RETURN_INSPECTED_PARTS_MISSING, RETURN_INSPECTED_WRONG_ITEM,
    // the buyer answers
    PROPOSAL_ACCEPTED, PROPOSAL_REJECTED, RETURN_SHIPPED, RECEIVED, WITHDRAWN, ESCALATED, CHOSE_REFUND,
    CHOSE_SUBSTITUTE,
    // carriers, the provider and the clock
    RETURN_DELIVERED, RESHIPMENT_DELIVERED, REFUND_PAID, AUTO_ACCEPTED, AUTO_REFUNDED, EXPIRED, AUTO_ESCALATED,
    CHOICE_DEFAULTED, TRACKING_SUPPLIED, DUE_EXTENDED,
    // the platform's intervention
    MARKED_FOR_REVIEW, EVIDENCE_REQUESTED_BUYER, EVIDENCE_REQUESTED_SELLER, EVIDENCE_REQUESTED_BOTH,
    EVIDENCE_ANSWERED, EVIDENCE_TIMED_OUT, AGENT_SLA_BREACHED, DECIDED_FULL_REFUND, DECIDED_PARTIAL_REFUND,
    DECIDED_REFUND_AFTER_RETURN, DECIDED_RESHIP, DECIDED_REJECT, APPEALED, APPEAL_DECIDED_FULL_REFUND,
    APPEAL_DECIDED_PARTIAL_REFUND, APPEAL_DECIDED_REFUND_AFTER_RETURN, APPEAL_DECIDED_RESHIP, APPEAL_DECIDED_REJECT,
    CLOSED_AFTER_APPEAL_WINDOW;

    /** The seller proposes {@code alternative} instead of what the buyer asked for. */
    static TimelineAction proposed(Remedy alternative) {
        return valueOf("PROPOSED_" + alternative.name());
    }

    /** The seller found the returned goods not as sold. */
    static TimelineAction inspected(InspectionResult result) {
        return valueOf("RETURN_INSPECTED_" + result.name());
    }

    /** An agent asks {@code of} for evidence. */
    static TimelineAction evidenceRequested(Party of) {
        return valueOf("EVIDENCE_REQUESTED_" + of.name());
    }

    /** An agent rules, first or on appeal. */
    static TimelineAction decided(Ruling ruling, boolean onAppeal) {
        return valueOf((onAppeal ? "APPEAL_DECIDED_" : "DECIDED_") + ruling.name());
    }

    /** Whether this step is a ruling on appeal (its amount is the difference to the first ruling). */
    boolean appealRuling() {
        return name().startsWith("APPEAL_DECIDED_");
    }
}
