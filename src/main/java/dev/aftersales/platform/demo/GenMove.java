package dev.aftersales.platform.demo;

import static dev.aftersales.claims.ClaimStatus.AWAITING_AGENT;
import static dev.aftersales.claims.ClaimStatus.AWAITING_BUYER_CHOICE;
import static dev.aftersales.claims.ClaimStatus.AWAITING_EVIDENCE;
import static dev.aftersales.claims.ClaimStatus.AWAITING_RESHIPMENT;
import static dev.aftersales.claims.ClaimStatus.AWAITING_RETURN_CONFIRMATION;
import static dev.aftersales.claims.ClaimStatus.AWAITING_RETURN_SHIPMENT;
import static dev.aftersales.claims.ClaimStatus.AWAITING_SELLER;
import static dev.aftersales.claims.ClaimStatus.AWAITING_TRACKING;
import static dev.aftersales.claims.ClaimStatus.CLOSED;
import static dev.aftersales.claims.ClaimStatus.DECIDED;
import static dev.aftersales.claims.ClaimStatus.PROPOSAL_PENDING;
import static dev.aftersales.claims.ClaimStatus.REFUND_PENDING;
import static dev.aftersales.claims.ClaimStatus.REJECTED_BY_SELLER;
import static dev.aftersales.claims.ClaimStatus.RESHIPMENT_IN_TRANSIT;
import static dev.aftersales.claims.ClaimStatus.RESOLVED;
import static dev.aftersales.claims.ClaimStatus.RETURN_IN_TRANSIT;
import static dev.aftersales.claims.ClaimStatus.WITHDRAWN;

import dev.aftersales.claims.ClaimStatus;

/**
 * The claim moves the generated scenarios are made of, each as {@code dev.aftersales.claims.Claim} records it: the
 * timeline action, who makes it, the status it leads to ({@code null}: a note that keeps the status), the rule the
 * desk names, the amount shown on the timeline (in {@link GenAmount} terms), who is told and with which inbox text,
 * and the evidence purpose of a file attached with it.
 */
enum GenMove {

    FILED("FILED", "BUYER", AWAITING_SELLER, null, GenAmount.REQUESTED, "SELLER", "notifications.claim.filed",
            "CLAIM"),
    OPENED_NO_TRACKING("OPENED", "SYSTEM", AWAITING_TRACKING, "ship-by", GenAmount.REQUESTED, "BOTH",
            "notifications.claim.opened", null),
    OPENED_DELISTED("OPENED", "SELLER", AWAITING_BUYER_CHOICE, "out-of-stock", GenAmount.REQUESTED, "BUYER",
            "notifications.claim.opened.buyer", null),
    OPENED_CANCELLED("OPENED", "SYSTEM", REFUND_PENDING, "oversold", GenAmount.REQUESTED, null, null, null),
    FAST_TRACKED("FAST_TRACKED", "SYSTEM", REFUND_PENDING, "fast-track", GenAmount.REQUESTED, "BOTH",
            "notifications.claim.fast-tracked", null),
    ACCEPTED_REFUND("ACCEPTED", "SELLER", REFUND_PENDING, null, GenAmount.REQUESTED, "BUYER",
            "notifications.claim.accepted", null),
    ACCEPTED_RESHIP("ACCEPTED", "SELLER", AWAITING_RESHIPMENT, null, null, "BUYER", "notifications.claim.accepted",
            null),
    ACCEPTED_RETURN("ACCEPTED", "SELLER", AWAITING_RETURN_SHIPMENT, null, null, "BUYER",
            "notifications.claim.accepted", null),
    AUTO_ACCEPTED_REFUND("AUTO_ACCEPTED", "SYSTEM", REFUND_PENDING, "seller-first-response", GenAmount.REQUESTED,
            "BOTH", "notifications.claim.automatic", null),
    PROPOSED_REFUND("PROPOSED_REFUND", "SELLER", PROPOSAL_PENDING, null, GenAmount.HALF, "BUYER",
            "notifications.claim.proposed", null),
    PROPOSED_RESHIP("PROPOSED_RESHIP", "SELLER", PROPOSAL_PENDING, null, null, "BUYER",
            "notifications.claim.proposed", null),
    PROPOSAL_ACCEPTED_REFUND("PROPOSAL_ACCEPTED", "BUYER", REFUND_PENDING, null, GenAmount.HALF, "SELLER",
            "notifications.claim.proposal-accepted", null),
    PROPOSAL_ACCEPTED_RESHIP("PROPOSAL_ACCEPTED", "BUYER", AWAITING_RESHIPMENT, null, null, "SELLER",
            "notifications.claim.proposal-accepted", null),
    PROPOSAL_REJECTED("PROPOSAL_REJECTED", "BUYER", AWAITING_SELLER, null, null, "SELLER",
            "notifications.claim.proposal-rejected", null),
    REJECTED("REJECTED", "SELLER", REJECTED_BY_SELLER, null, null, "BUYER", "notifications.claim.rejected",
            "REJECTION"),
    ESCALATED("ESCALATED", "BUYER", AWAITING_AGENT, null, null, "BOTH", "notifications.claim.escalated", null),
    RETURN_SHIPPED("RETURN_SHIPPED", "BUYER", RETURN_IN_TRANSIT, null, null, "SELLER",
            "notifications.claim.return-shipped", null),
    RETURN_DELIVERED("RETURN_DELIVERED", "CARRIER", AWAITING_RETURN_CONFIRMATION, null, null, "SELLER",
            "notifications.claim.return-delivered", null),
    RETURN_CONFIRMED_REFUND("RETURN_CONFIRMED", "SELLER", REFUND_PENDING, null, GenAmount.REQUESTED, "BUYER",
            "notifications.claim.return-confirmed", "INSPECTION"),
    RETURN_CONFIRMED_EXCHANGE("RETURN_CONFIRMED", "SELLER", AWAITING_RESHIPMENT, null, null, "BUYER",
            "notifications.claim.return-confirmed", "INSPECTION"),
    RETURN_INSPECTED_USED("RETURN_INSPECTED_USED", "SELLER", PROPOSAL_PENDING, null, GenAmount.HALF, "BUYER",
            "notifications.claim.return-confirmed", "INSPECTION"),
    AUTO_REFUNDED_RETURN("AUTO_REFUNDED", "SYSTEM", REFUND_PENDING, "seller-return-confirmation",
            GenAmount.REQUESTED, "BOTH", "notifications.claim.automatic", null),
    RESHIPPED("RESHIPPED", "SELLER", RESHIPMENT_IN_TRANSIT, null, null, "BUYER", "notifications.claim.reshipped",
            null),
    RECEIVED("RECEIVED", "BUYER", RESOLVED, null, null, "BOTH", "notifications.claim.resolved", null),
    RESHIPMENT_DELIVERED("RESHIPMENT_DELIVERED", "CARRIER", RESOLVED, null, null, "BOTH",
            "notifications.claim.resolved", null),
    /** The amount is the refund it pays (see {@link GenScenario}). */
    REFUND_PAID("REFUND_PAID", "SYSTEM", RESOLVED, null, null, "SELLER", "notifications.claim.resolved", null),
    WITHDRAWN_BY_BUYER("WITHDRAWN", "BUYER", WITHDRAWN, null, null, "SELLER", "notifications.claim.withdrawn", null),
    EXPIRED_AFTER_REJECTION("EXPIRED", "SYSTEM", WITHDRAWN, "buyer-answer", null, "BOTH",
            "notifications.claim.automatic", null),
    EXPIRED_RETURN("EXPIRED", "SYSTEM", WITHDRAWN, "buyer-return-shipment", null, "BOTH",
            "notifications.claim.automatic", null),
    MARKED_FOR_REVIEW("MARKED_FOR_REVIEW", "SYSTEM", null, "needs-review", null, null, null, null),
    EVIDENCE_REQUESTED_BUYER("EVIDENCE_REQUESTED_BUYER", "AGENT", AWAITING_EVIDENCE, null, null, "BUYER",
            "notifications.claim.evidence-requested", null),
    EVIDENCE_REQUESTED_BOTH("EVIDENCE_REQUESTED_BOTH", "AGENT", AWAITING_EVIDENCE, null, null, "BOTH",
            "notifications.claim.evidence-requested", null),
    /** The buyer answers a request made of the buyer alone: the case returns to the agent. */
    EVIDENCE_ANSWERED("EVIDENCE_ANSWERED", "BUYER", AWAITING_AGENT, null, null, null, null, "EVIDENCE_ANSWER"),
    AGENT_SLA_BREACHED("AGENT_SLA_BREACHED", "SYSTEM", null, "agent-decision", null, null, null, null),
    /** Decisions: amounts, rule (the clause) and notices come from the decision itself (see {@link GenScenario}). */
    DECIDED_FULL_REFUND("DECIDED_FULL_REFUND", "AGENT", DECIDED, null, null, null, null, null),
    DECIDED_PARTIAL_REFUND("DECIDED_PARTIAL_REFUND", "AGENT", DECIDED, null, null, null, null, null),
    DECIDED_REJECT("DECIDED_REJECT", "AGENT", DECIDED, null, null, null, null, null),
    DECIDED_RESHIP("DECIDED_RESHIP", "AGENT", AWAITING_RESHIPMENT, null, null, null, null, null),
    APPEALED_BY_BUYER("APPEALED", "BUYER", AWAITING_AGENT, null, null, null, null, "APPEAL"),
    APPEALED_BY_SELLER("APPEALED", "SELLER", AWAITING_AGENT, null, null, null, null, "APPEAL"),
    APPEAL_DECIDED_FULL_REFUND("APPEAL_DECIDED_FULL_REFUND", "AGENT2", CLOSED, null, null, null, null, null),
    APPEAL_DECIDED_PARTIAL_REFUND("APPEAL_DECIDED_PARTIAL_REFUND", "AGENT2", CLOSED, null, null, null, null, null),
    CLOSED_AFTER_APPEAL_WINDOW("CLOSED_AFTER_APPEAL_WINDOW", "SYSTEM", CLOSED, "appeal-window", null, "BOTH",
            "notifications.claim.generic", null),
    CHOSE_SUBSTITUTE("CHOSE_SUBSTITUTE", "BUYER", RESOLVED, null, null, "BOTH", "notifications.claim.resolved",
            null),
    CHOSE_REFUND("CHOSE_REFUND", "BUYER", REFUND_PENDING, null, GenAmount.REQUESTED, null, null, null);

    final String action;
    /** BUYER, SELLER (the shop's staff), AGENT (first decisions), AGENT2 (appeals), SYSTEM or CARRIER. */
    final String actor;
    final ClaimStatus to;
    final String rule;
    final GenAmount amount;
    /** BUYER, SELLER or BOTH are told; {@code null}: nobody (or, for decisions, everybody by the decision text). */
    final String tells;
    final String notice;
    final String evidence;

    GenMove(String action, String actor, ClaimStatus to, String rule, GenAmount amount, String tells, String notice,
            String evidence) {
        this.action = action;
        this.actor = actor;
        this.to = to;
        this.rule = rule;
        this.amount = amount;
        this.tells = tells;
        this.notice = notice;
        this.evidence = evidence;
    }

    boolean decision() {
        return action.startsWith("DECIDED_") || action.startsWith("APPEAL_DECIDED_");
    }
}
