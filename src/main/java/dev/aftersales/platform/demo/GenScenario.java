package dev.aftersales.platform.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aftersales.catalog.PolicyDefaults;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Remedy;
import dev.aftersales.payments.CostBearer;

/**
 * One path of a generated claim through its lifecycle: the moves with the hours between them, and the options the
 * moves leave open (who bears a decision's cost, a penalty, whether the payment provider is failing). {@link #play}
 * walks the moves once, as the Claim aggregate would, and derives every row the generator writes for each claim of
 * the scenario: the claim's own columns, its timeline, its ledger entries, its decisions and the agents' assignments.
 * Amounts are {@link GenAmount}s of the requested amount; times are hours after the claim was filed, split into a part
 * each claim scales (how fast people answer) and a fixed part (a deadline's exact length).
 */
final class GenScenario {

    /** Which orders a scenario may happen on. */
    enum Group {
        /** Delivered orders: the buyer-filed types. */
        DELIVERED,
        /** Shipped orders whose tracking stalled: not received. */
        STALLED,
        /** Unshipped orders within their ship-by time: lines cancelled by the seller, oversold orders. */
        UNSHIPPED,
        /** Unshipped orders past their ship-by time: the missing-tracking case the ship-by watcher opens. */
        UNSHIPPED_LATE
    }

    /** Which units of the order the claim is about. */
    enum Scope {
        /** One unit of the first line. */
        ONE_UNIT,
        /** Every unit of the first line. */
        FIRST_LINE,
        /** Every unit of every line. */
        ALL
    }

    record Step(GenMove move, double gapHours, boolean fixedGap, String note, Decision decision) {
    }

    record Decision(String clause, CostBearer bearer, String rationale, String penalty, int points,
            String abuseReason) {
    }

    final String code;
    final Group group;
    final int weight;
    final ClaimType type;
    final ClaimReason reason;
    final Remedy remedy;
    final Scope scope;
    final String description;
    private final List<Step> steps = new ArrayList<>();
    private boolean providerFailing;
    private boolean holder;
    private boolean cheapFirstLine;
    private boolean parcelComplete;
    private Double anchorMinHours;
    private Double anchorMaxHours;

    GenScenario(String code, Group group, int weight, ClaimType type, ClaimReason reason, Remedy remedy, Scope scope,
            String description) {
        this.code = code;
        this.group = group;
        this.weight = weight;
        this.type = type;
        this.reason = reason;
        this.remedy = remedy;
        this.scope = scope;
        this.description = description;
    }

    /** The next move, {@code hours} (scaled per claim) after the previous one. */
    GenScenario then(GenMove move, double hours) {
        return then(move, hours, null);
    }

    GenScenario then(GenMove move, double hours, String note) {
        steps.add(new Step(move, hours, false, note, null));
        return this;
    }

    /** The next move exactly {@code hours} after the previous one: a deadline's consequence, a payment. */
    GenScenario after(GenMove move, double hours) {
        steps.add(new Step(move, hours, true, null, null));
        return this;
    }

    /** An agent's decision (or a decision on appeal), {@code hours} after the previous move. */
    GenScenario decide(GenMove move, double hours, String clause, CostBearer bearer, String rationale) {
        steps.add(new Step(move, hours, false, rationale, new Decision(clause, bearer, rationale, null, 0, null)));
        return this;
    }

    /** A penalty recorded with the last decision. */
    GenScenario penalty(String kind, int points) {
        Step last = steps.remove(steps.size() - 1);
        Decision d = last.decision();
        steps.add(new Step(last.move(), last.gapHours(), last.fixedGap(), last.note(),
                new Decision(d.clause(), d.bearer(), d.rationale(), kind, points, d.abuseReason())));
        return this;
    }

    /** The buyer flagged for abuse review with the last decision. */
    GenScenario abuse(String why) {
        Step last = steps.remove(steps.size() - 1);
        Decision d = last.decision();
        steps.add(new Step(last.move(), last.gapHours(), last.fixedGap(), last.note(),
                new Decision(d.clause(), d.bearer(), d.rationale(), d.penalty(), d.points(), why)));
        return this;
    }

    /** The payment provider does not answer: the last refund stays pending. */
    GenScenario providerFailing() {
        providerFailing = true;
        return this;
    }

    /** An agent holds the open case. */
    GenScenario taken() {
        holder = true;
        return this;
    }

    /** The first line is a cheap product (a fast-tracked refund stays under the threshold). */
    GenScenario cheapFirstLine() {
        cheapFirstLine = true;
        return this;
    }

    /** The carrier weighed the parcel complete (the weight check contradicts a missing item). */
    GenScenario parcelComplete() {
        parcelComplete = true;
        return this;
    }

    /** How long ago the last due-setting move happened, instead of the default for the scenario's status. */
    GenScenario anchoredBetween(double minHours, double maxHours) {
        anchorMinHours = minHours;
        anchorMaxHours = maxHours;
        return this;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The rows of this scenario, derived by walking its moves. */
    Rows play(PolicyDefaults policy, int groupWeight, int lo) {
        return new GenScenarioPlay(this, policy, providerFailing).rows(groupWeight, lo, holder, cheapFirstLine,
                parcelComplete, anchorMinHours, anchorMaxHours);
    }

    /** What a scenario writes, as column maps for the generator's work tables. */
    record Rows(Map<String, Object> scenario, List<Map<String, Object>> steps, List<Map<String, Object>> money,
            List<Map<String, Object>> decisions, List<Map<String, Object>> assignments) {
    }

    /** Hours of the clock that runs in {@code status}, under the platform's policy. */
    static double clockHours(ClaimStatus status, PolicyDefaults p) {
        return switch (status) {
            case AWAITING_SELLER -> hours(p.sellerFirstResponse());
            case PROPOSAL_PENDING, REJECTED_BY_SELLER -> hours(p.buyerAnswer());
            case AWAITING_RETURN_SHIPMENT -> hours(p.buyerReturnShipment());
            case RETURN_IN_TRANSIT, RESHIPMENT_IN_TRANSIT -> hours(p.notReceivedAfterShipping());
            case AWAITING_RETURN_CONFIRMATION -> hours(p.sellerReturnConfirmation());
            case AWAITING_RESHIPMENT -> hours(p.sellerReshipment());
            case AWAITING_TRACKING -> hours(p.trackingSupply());
            case AWAITING_BUYER_CHOICE -> 72;
            case AWAITING_AGENT -> hours(p.agentDecision());
            case AWAITING_EVIDENCE -> hours(p.evidenceAnswer());
            case DECIDED -> hours(p.appealWindow());
            case REFUND_PENDING -> 24;
            default -> 0;
        };
    }

    private static double hours(java.time.Duration d) {
        return d.toMinutes() / 60.0;
    }

    static Map<String, Object> row() {
        return new LinkedHashMap<>();
    }
}
