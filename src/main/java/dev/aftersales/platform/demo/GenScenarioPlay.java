package dev.aftersales.platform.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aftersales.catalog.PolicyDefaults;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Remedy;
import dev.aftersales.payments.CostBearer;

/**
 * Walks a {@link GenScenario}'s moves once, as {@code dev.aftersales.claims.Claim} makes them, and collects the rows
 * every claim of the scenario gets: its columns (status, party, due clock, proposal, inspection, decision, appeal,
 * outcome), its timeline, its ledger entries (refunds, reversals, compensations: which move asks for them and which
 * pays them), its decisions and assignments. One walk per scenario; the SQL applies them to every claim.
 */
final class GenScenarioPlay {

    /** Hours after the claim was filed, as the part each claim scales and the fixed part. */
    private record At(double variable, double fixed) {
    }

    private final GenScenario scenario;
    private final PolicyDefaults policy;

    private final List<Map<String, Object>> stepRows = new ArrayList<>();
    private final List<Map<String, Object>> decisionRows = new ArrayList<>();
    private final List<Map<String, Object>> assignmentRows = new ArrayList<>();
    private final Map<String, Object> claim = GenScenario.row();

    private ClaimStatus status;
    private Remedy remedy;
    private String party;
    private int anchorSeq;
    private At anchorAt = new At(0, 0);
    private boolean deadline = true;
    private final GenLedger ledger;
    private String firstRuling;
    private GenAmount firstAmount;
    private String ruling;
    private GenAmount rulingAmount;
    private String outcome;

    GenScenarioPlay(GenScenario scenario, PolicyDefaults policy, boolean providerFailing) {
        this.scenario = scenario;
        this.policy = policy;
        this.ledger = new GenLedger(scenario.code, providerFailing);
        this.remedy = scenario.remedy;
    }

    GenScenario.Rows rows(int groupWeight, int lo, boolean holder, boolean cheapFirstLine, boolean parcelComplete,
            Double anchorMin, Double anchorMax) {
        claim.put("code", scenario.code);
        claim.put("grp", scenario.group.name());
        claim.put("w", groupWeight);
        claim.put("lo", lo);
        claim.put("hi", lo + scenario.weight);
        claim.put("type", scenario.type.name());
        claim.put("reason", scenario.reason.name());
        claim.put("scope", scenario.scope.name());
        claim.put("description", scenario.description);
        claim.put("cheap_line1", cheapFirstLine);
        claim.put("two_lines", scenario.type == ClaimType.DELISTED);
        claim.put("parcel_complete", parcelComplete);
        claim.put("weight_check", scenario.type.weightChecked());
        claim.put("escalation_allowed", false);
        claim.put("fast_tracked", false);
        claim.put("substitute", scenario.type == ClaimType.DELISTED);
        claim.put("buyer_appealed", false);
        claim.put("seller_appealed", false);
        claim.put("decision_final", false);
        At at = new At(0, 0);
        int seq = 0;
        for (GenScenario.Step step : scenario.steps()) {
            seq++;
            at = step.fixedGap() ? new At(at.variable(), at.fixed() + step.gapHours())
                    : new At(at.variable() + step.gapHours(), at.fixed());
            apply(seq, at, step);
        }
        boolean open = status.isOpen();
        double due = open ? GenScenario.clockHours(status, policy) : 0;
        claim.put("remedy", remedy.name());
        claim.put("status", status.name());
        claim.put("party", open ? party : "NONE");
        claim.put("open", open);
        claim.put("due_h", open ? due : null);
        claim.put("deadline", open && deadline);
        claim.put("anchor_seq", anchorSeq);
        claim.put("anchor_var", anchorAt.variable());
        claim.put("anchor_fix", anchorAt.fixed());
        claim.put("last_var", at.variable());
        claim.put("last_fix", at.fixed());
        claim.put("ended_seq", open ? null : seq);
        claim.put("outcome", open ? null : outcome);
        claim.put("refunds_requested", ledger.refundsRequested());
        claim.put("refunded", ledger.refunded());
        double min = anchorMin != null ? anchorMin : open ? 0.05 * due : 1;
        double max = anchorMax != null ? anchorMax : open ? 0.9 * due : 40 * 24;
        claim.put("anchor_min_h", min);
        claim.put("anchor_max_h", max);
        claim.put("may_overdue", open && deadline && scenario.type != ClaimType.DELISTED);
        putFilingWindow();
        if (holder) {
            assignmentRows.add(assignment("AGENT", false, anchorSeq, 0.5, null));
        }
        return new GenScenario.Rows(claim, stepRows, ledger.rows(), decisionRows, assignmentRows);
    }

    /** How long before the claim the order was paid (the order's times follow from the claim's). */
    private void putFilingWindow() {
        double min;
        double max;
        switch (scenario.group) {
            case DELIVERED -> {
                double window = hours(scenario.type == ClaimType.MISSING_ITEM ? policy.missingItemWindow()
                        : policy.qualityWindow());
                min = GeneratedOrders.DELIVERED_AFTER_HOURS + 2;
                max = GeneratedOrders.DELIVERED_AFTER_HOURS + window - 6;
            }
            case STALLED -> {
                min = GeneratedOrders.LAST_TRANSIT_SCAN_HOURS + hours(policy.trackingStall()) + 0.5;
                max = min + 48;
            }
            case UNSHIPPED -> {
                min = 1;
                max = 4;
            }
            default -> {
                min = hours(policy.shipBy()) + 0.01;
                max = min;
            }
        }
        claim.put("pre_min_h", min);
        claim.put("pre_max_h", max);
    }

    private void apply(int seq, At at, GenScenario.Step step) {
        GenMove move = step.move();
        ClaimStatus from = status;
        ClaimStatus to = move.to != null ? move.to : status;
        GenAmount shown = move.amount;
        String note = step.note() != null ? step.note() : GenNotes.of(move);
        String rule = move.rule;
        String tells = move.tells;
        String notice = move.notice;
        switch (move) {
            case FILED -> note = "{description}";
            case OPENED_NO_TRACKING -> claim.put("compensation", policy.lateShipmentCompensationFen());
            case OPENED_DELISTED -> {
                note = "{description}";
                claim.put("compensation", policy.outOfStockCompensationFen());
                claim.put("proposal_remedy", Remedy.SUBSTITUTE.name());
                claim.put("proposal_note", "{substitute}");
                ledger.compensation(seq, "OUT_OF_STOCK", CostBearer.SELLER,
                        GenAmount.fixed(policy.outOfStockCompensationFen()), "claim-{claim}-cancelled-lines", move);
            }
            case OPENED_CANCELLED -> {
                note = "{description}";
                claim.put("compensation", policy.oversoldCompensationFen());
                ledger.refund(seq, GenAmount.REQUESTED, "ORDER_CANCELLED", CostBearer.PLATFORM, move);
                ledger.compensation(seq, "OVERSOLD", CostBearer.PLATFORM,
                        GenAmount.fixed(policy.oversoldCompensationFen()), "order-{order}-oversold", move);
            }
            case FAST_TRACKED -> {
                claim.put("fast_tracked", true);
                claim.put("fast_track_rule", note);
                ledger.refund(seq, GenAmount.REQUESTED, "FAST_TRACK", CostBearer.SELLER, move);
            }
            case ACCEPTED_REFUND -> ledger.refund(seq, GenAmount.REQUESTED, "ACCEPTED", CostBearer.SELLER, move);
            case AUTO_ACCEPTED_REFUND -> ledger.refund(seq, GenAmount.REQUESTED, "AUTO_ACCEPTED", CostBearer.SELLER, move);
            case PROPOSED_REFUND -> proposal(Remedy.REFUND, GenAmount.HALF, note);
            case PROPOSED_RESHIP -> proposal(Remedy.RESHIP, null, note);
            case PROPOSAL_ACCEPTED_REFUND -> ledger.refund(seq, GenAmount.HALF, "PROPOSAL_ACCEPTED", CostBearer.SELLER, move);
            case PROPOSAL_ACCEPTED_RESHIP -> remedy = Remedy.RESHIP;
            case PROPOSAL_REJECTED -> claim.put("escalation_allowed", true);
            case REJECTED -> {
                claim.put("rejection_reason", note);
                claim.put("escalation_allowed", true);
            }
            case RETURN_SHIPPED -> {
                note = "{return}";
                claim.put("return_seq", seq);
            }
            case RETURN_DELIVERED -> claim.put("return_delivered_seq", seq);
            case RETURN_CONFIRMED_REFUND, RETURN_CONFIRMED_EXCHANGE -> {
                inspection("AS_SOLD", note);
                if (move == GenMove.RETURN_CONFIRMED_REFUND) {
                    ledger.refund(seq, GenAmount.REQUESTED, "RETURN_CONFIRMED", CostBearer.SELLER, move);
                }
            }
            case RETURN_INSPECTED_USED -> {
                inspection("USED", note);
                proposal(Remedy.REFUND, GenAmount.HALF, note);
                claim.put("escalation_allowed", true);
            }
            case AUTO_REFUNDED_RETURN -> ledger.refund(seq, GenAmount.REQUESTED, "RETURN_NOT_CONFIRMED", CostBearer.SELLER,
                    move);
            case RESHIPPED -> {
                note = "{reship}";
                claim.put("reship_seq", seq);
            }
            case RECEIVED, RESHIPMENT_DELIVERED -> {
                claim.put("reship_delivered_seq", seq);
                outcome = remedy == Remedy.EXCHANGE ? "EXCHANGED" : "RESHIPPED";
            }
            case REFUND_PAID -> {
                GenAmount paid = ledger.payUnpaidRefund(seq);
                shown = paid;
                outcome = paid.equals(GenAmount.REQUESTED) ? "REFUNDED" : "PARTIALLY_REFUNDED";
            }
            case WITHDRAWN_BY_BUYER, EXPIRED_AFTER_REJECTION, EXPIRED_RETURN -> outcome = "WITHDRAWN";
            case MARKED_FOR_REVIEW -> claim.put("review_reason", note);
            case EVIDENCE_REQUESTED_BUYER, EVIDENCE_REQUESTED_BOTH -> {
                claim.put("evidence_request", note);
                claim.put("evidence_of", move == GenMove.EVIDENCE_REQUESTED_BUYER ? "BUYER" : "BOTH");
                assignmentRows.add(assignment("AGENT", false, seq, -0.2, null));
            }
            case AGENT_SLA_BREACHED -> deadline = false;
            case DECIDED_FULL_REFUND, DECIDED_PARTIAL_REFUND, DECIDED_REJECT, DECIDED_RESHIP ->
                shown = firstDecision(seq, at, step);
            case APPEALED_BY_BUYER, APPEALED_BY_SELLER -> {
                boolean buyer = move == GenMove.APPEALED_BY_BUYER;
                claim.put(buyer ? "buyer_appealed" : "seller_appealed", true);
                claim.put("appealed_by", buyer ? "BUYER" : "SELLER");
                claim.put("appeal_statement", note);
            }
            case APPEAL_DECIDED_FULL_REFUND, APPEAL_DECIDED_PARTIAL_REFUND -> shown = appealDecision(seq, step);
            case CLOSED_AFTER_APPEAL_WINDOW -> outcome = rulingOutcome();
            case CHOSE_SUBSTITUTE -> {
                note = "{substitute}";
                remedy = Remedy.SUBSTITUTE;
                outcome = "SUBSTITUTED";
            }
            case CHOSE_REFUND -> {
                remedy = Remedy.REFUND;
                ledger.refund(seq, GenAmount.REQUESTED, "UNAVAILABLE", CostBearer.SELLER, move);
            }
            default -> {
            }
        }
        if (move.decision()) {
            rule = step.decision().clause();
            tells = "BOTH";
            notice = "decision";
        }
        status = to;
        if (move.to != null && move != GenMove.AGENT_SLA_BREACHED) {
            party = partyAfter(move, to);
            anchorSeq = seq;
            anchorAt = at;
        }
        Map<String, Object> row = GenScenario.row();
        row.put("code", scenario.code);
        row.put("seq", seq);
        row.put("at_var", at.variable());
        row.put("at_fix", at.fixed());
        row.put("action", move.action);
        row.put("actor", move.actor);
        row.put("from_status", from == null ? null : from.name());
        row.put("to_status", to.name());
        row.put("rule", rule);
        row.put("note", note);
        row.put("amount", shown == null ? null : shown.code());
        row.put("tells", tells);
        row.put("notice", notice);
        row.put("evidence", move.evidence);
        row.put("due_h", move.to != null && to.isOpen() ? GenScenario.clockHours(to, policy) : null);
        stepRows.add(row);
    }

    private String partyAfter(GenMove move, ClaimStatus to) {
        if (to == ClaimStatus.AWAITING_EVIDENCE) {
            return (String) claim.get("evidence_of");
        }
        if (to == ClaimStatus.DECIDED) {
            return "SYSTEM";
        }
        return to.defaultParty().name();
    }

    private GenAmount firstDecision(int seq, At at, GenScenario.Step step) {
        String outcomeName = step.move().action.substring("DECIDED_".length());
        GenAmount amount = switch (outcomeName) {
            case "FULL_REFUND" -> GenAmount.REQUESTED;
            case "PARTIAL_REFUND" -> GenAmount.HALF;
            default -> null;
        };
        if (amount != null) {
            ledger.refund(seq, amount, "AGENT_DECISION", step.decision().bearer(), step.move());
        }
        if (outcomeName.equals("RESHIP")) {
            remedy = Remedy.RESHIP;
        }
        firstRuling = outcomeName;
        firstAmount = amount;
        ruling(seq, outcomeName, amount, step, false);
        claim.put("appeal_from_seq", seq);
        decisionRow(seq, step, false, outcomeName, false, amount == null ? GenAmount.ZERO : amount, GenAmount.ZERO);
        return amount;
    }

    private GenAmount appealDecision(int seq, GenScenario.Step step) {
        String outcomeName = step.move().action.substring("APPEAL_DECIDED_".length());
        GenAmount amount = outcomeName.equals("FULL_REFUND") ? GenAmount.REQUESTED : GenAmount.HALF;
        boolean upheld = outcomeName.equals(firstRuling) && amount.equals(firstAmount);
        GenAmount already = firstAmount == null ? GenAmount.ZERO : firstAmount;
        GenAmount moved = amount.plus(already.negate());
        long sample = sample(moved);
        GenAmount reversal = GenAmount.ZERO;
        if (sample > 0) {
            ledger.refund(seq, moved, "APPEAL_DECISION", step.decision().bearer(), step.move());
        } else if (sample < 0) {
            reversal = moved.negate();
            ledger.reversal(seq, reversal, step.decision().bearer(), step.move());
        }
        ruling(seq, outcomeName, amount, step, true);
        claim.put("appeal_from_seq", null);
        decisionRow(seq, step, true, outcomeName, upheld, amount, reversal);
        outcome = rulingOutcome();
        return sample != 0 ? moved : amount;
    }

    private void ruling(int seq, String outcomeName, GenAmount amount, GenScenario.Step step, boolean appeal) {
        ruling = outcomeName;
        rulingAmount = amount;
        claim.put("decision_ruling", outcomeName);
        claim.put("decision_amount", amount == null ? null : amount.code());
        claim.put("decision_rationale", step.decision().rationale());
        claim.put("decision_clause", step.decision().clause());
        claim.put("decided_seq", seq);
        claim.put("decided_by", appeal ? "AGENT2" : "AGENT");
        claim.put("decision_final", appeal);
    }

    private void decisionRow(int seq, GenScenario.Step step, boolean appeal, String outcomeName, boolean upheld,
            GenAmount refund, GenAmount reversal) {
        GenScenario.Decision d = step.decision();
        Map<String, Object> row = GenScenario.row();
        row.put("code", scenario.code);
        row.put("seq", seq);
        row.put("appeal", appeal);
        row.put("agent", appeal ? "AGENT2" : "AGENT");
        row.put("outcome", outcomeName);
        row.put("upheld", upheld);
        row.put("refund", refund.code());
        row.put("reversal", reversal.code());
        row.put("bearer", d.bearer().name());
        row.put("clause", d.clause());
        row.put("rationale", d.rationale());
        row.put("due_seq", anchorSeq);
        row.put("penalty", d.penalty());
        row.put("points", d.points());
        row.put("abuse_reason", d.abuseReason());
        decisionRows.add(row);
        assignmentRows.add(assignment(appeal ? "AGENT2" : "AGENT", appeal, seq, -0.5, seq));
    }

    private Map<String, Object> assignment(String agent, boolean appeal, int seq, double offsetHours,
            Integer releasedSeq) {
        Map<String, Object> row = GenScenario.row();
        row.put("code", scenario.code);
        row.put("agent", agent);
        row.put("appeal", appeal);
        row.put("taken_seq", seq);
        row.put("taken_offset_h", offsetHours);
        row.put("released_seq", releasedSeq);
        return row;
    }

    private String rulingOutcome() {
        if (ruling == null || ruling.equals("REJECT")) {
            return "REJECTED";
        }
        return GenAmount.REQUESTED.equals(rulingAmount) ? "REFUNDED" : "PARTIALLY_REFUNDED";
    }

    private void proposal(Remedy alternative, GenAmount amount, String note) {
        claim.put("proposal_remedy", alternative.name());
        claim.put("proposal_amount", amount == null ? null : amount.code());
        claim.put("proposal_note", note);
    }

    private void inspection(String result, String note) {
        claim.put("inspection_result", result);
        claim.put("inspection_note", note);
    }

    /** The sign of an amount, for a requested amount of 10.00. */
    private static long sample(GenAmount amount) {
        return amount.requested() * 1000L + amount.half() * 500L + amount.fixed();
    }

    private static double hours(java.time.Duration d) {
        return d.toMinutes() / 60.0;
    }
}
