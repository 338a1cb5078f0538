package dev.aftersales.platform.demo;

import static dev.aftersales.claims.ClaimReason.DAMAGED;
import static dev.aftersales.claims.ClaimReason.ITEMS_MISSING;
import static dev.aftersales.claims.ClaimReason.NOT_AS_DESCRIBED;
import static dev.aftersales.claims.ClaimReason.NOT_DELIVERED;
import static dev.aftersales.claims.ClaimReason.NO_VALID_TRACKING;
import static dev.aftersales.claims.ClaimReason.PLATFORM_CANCELLED;
import static dev.aftersales.claims.ClaimReason.QUALITY;
import static dev.aftersales.claims.ClaimReason.TRACKING_STALLED;
import static dev.aftersales.claims.ClaimReason.UNAVAILABLE;
import static dev.aftersales.claims.ClaimReason.WRONG_ITEM;
import static dev.aftersales.claims.ClaimType.DELISTED;
import static dev.aftersales.claims.ClaimType.EXCHANGE;
import static dev.aftersales.claims.ClaimType.MISSING_ITEM;
import static dev.aftersales.claims.ClaimType.NOT_RECEIVED;
import static dev.aftersales.claims.ClaimType.NO_TRACKING;
import static dev.aftersales.claims.ClaimType.ORDER_CANCELLED;
import static dev.aftersales.claims.ClaimType.REFUND_ONLY;
import static dev.aftersales.claims.ClaimType.RETURN_REFUND;
import static dev.aftersales.platform.demo.GenMove.ACCEPTED_REFUND;
import static dev.aftersales.platform.demo.GenMove.ACCEPTED_RESHIP;
import static dev.aftersales.platform.demo.GenMove.ACCEPTED_RETURN;
import static dev.aftersales.platform.demo.GenMove.AGENT_SLA_BREACHED;
import static dev.aftersales.platform.demo.GenMove.APPEALED_BY_BUYER;
import static dev.aftersales.platform.demo.GenMove.APPEALED_BY_SELLER;
import static dev.aftersales.platform.demo.GenMove.APPEAL_DECIDED_FULL_REFUND;
import static dev.aftersales.platform.demo.GenMove.APPEAL_DECIDED_PARTIAL_REFUND;
import static dev.aftersales.platform.demo.GenMove.AUTO_ACCEPTED_REFUND;
import static dev.aftersales.platform.demo.GenMove.AUTO_REFUNDED_RETURN;
import static dev.aftersales.platform.demo.GenMove.CHOSE_REFUND;
import static dev.aftersales.platform.demo.GenMove.CHOSE_SUBSTITUTE;
import static dev.aftersales.platform.demo.GenMove.CLOSED_AFTER_APPEAL_WINDOW;
import static dev.aftersales.platform.demo.GenMove.DECIDED_FULL_REFUND;
import static dev.aftersales.platform.demo.GenMove.DECIDED_PARTIAL_REFUND;
import static dev.aftersales.platform.demo.GenMove.DECIDED_REJECT;
import static dev.aftersales.platform.demo.GenMove.DECIDED_RESHIP;
import static dev.aftersales.platform.demo.GenMove.ESCALATED;
import static dev.aftersales.platform.demo.GenMove.EVIDENCE_REQUESTED_BOTH;
import static dev.aftersales.platform.demo.GenMove.EVIDENCE_REQUESTED_BUYER;
import static dev.aftersales.platform.demo.GenMove.EXPIRED_AFTER_REJECTION;
import static dev.aftersales.platform.demo.GenMove.EXPIRED_RETURN;
import static dev.aftersales.platform.demo.GenMove.FAST_TRACKED;
import static dev.aftersales.platform.demo.GenMove.FILED;
import static dev.aftersales.platform.demo.GenMove.MARKED_FOR_REVIEW;
import static dev.aftersales.platform.demo.GenMove.OPENED_CANCELLED;
import static dev.aftersales.platform.demo.GenMove.OPENED_DELISTED;
import static dev.aftersales.platform.demo.GenMove.OPENED_NO_TRACKING;
import static dev.aftersales.platform.demo.GenMove.PROPOSAL_ACCEPTED_REFUND;
import static dev.aftersales.platform.demo.GenMove.PROPOSED_REFUND;
import static dev.aftersales.platform.demo.GenMove.RECEIVED;
import static dev.aftersales.platform.demo.GenMove.REFUND_PAID;
import static dev.aftersales.platform.demo.GenMove.REJECTED;
import static dev.aftersales.platform.demo.GenMove.RESHIPMENT_DELIVERED;
import static dev.aftersales.platform.demo.GenMove.RESHIPPED;
import static dev.aftersales.platform.demo.GenMove.RETURN_CONFIRMED_EXCHANGE;
import static dev.aftersales.platform.demo.GenMove.RETURN_CONFIRMED_REFUND;
import static dev.aftersales.platform.demo.GenMove.RETURN_DELIVERED;
import static dev.aftersales.platform.demo.GenMove.RETURN_INSPECTED_USED;
import static dev.aftersales.platform.demo.GenMove.RETURN_SHIPPED;
import static dev.aftersales.platform.demo.GenMove.WITHDRAWN_BY_BUYER;
import static dev.aftersales.platform.demo.GenScenario.Group.DELIVERED;
import static dev.aftersales.platform.demo.GenScenario.Group.STALLED;
import static dev.aftersales.platform.demo.GenScenario.Group.UNSHIPPED;
import static dev.aftersales.platform.demo.GenScenario.Group.UNSHIPPED_LATE;
import static dev.aftersales.platform.demo.GenScenario.Scope.ALL;
import static dev.aftersales.platform.demo.GenScenario.Scope.FIRST_LINE;
import static dev.aftersales.platform.demo.GenScenario.Scope.ONE_UNIT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.aftersales.catalog.PolicyDefaults;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Remedy;
import dev.aftersales.payments.CostBearer;

/**
 * The catalogue of generated claim paths, with how often each happens. Within a group, out of {@link #WEIGHTS}
 * orders in a row (taken in a scrambled order) exactly {@code weight} get the scenario and the rest no claim, so a
 * batch holds every scenario in proportion: about one order in five gets a claim, most claims have ended, and every
 * open status holds a share. Hours between moves are typical answering times; deadline consequences come exactly
 * when their clock runs out.
 */
final class GenScenarios {

    /** Orders per round of each group: the weights of a group's scenarios add up to less, the rest has no claim. */
    static final Map<GenScenario.Group, Integer> WEIGHTS = new EnumMap<>(Map.of(DELIVERED, 200, STALLED, 10,
            UNSHIPPED, 40, UNSHIPPED_LATE, 1));

    private GenScenarios() {
    }

    static List<GenScenario> all(PolicyDefaults policy) {
        double buyerAnswer = policy.buyerAnswer().toMinutes() / 60.0 + 0.01;
        double returnShipment = policy.buyerReturnShipment().toMinutes() / 60.0 + 0.01;
        double returnConfirmation = policy.sellerReturnConfirmation().toMinutes() / 60.0 + 0.01;
        double firstResponse = policy.sellerFirstResponse().toMinutes() / 60.0 + 0.01;
        double agentDecision = policy.agentDecision().toMinutes() / 60.0 + 0.01;
        double appealWindow = policy.appealWindow().toMinutes() / 60.0 + 0.01;
        double payout = 0.02;
        List<GenScenario> s = new ArrayList<>();

        // delivered orders, still open
        s.add(d("awaiting-seller", 2, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0));
        s.add(d("awaiting-seller-review", 1, REFUND_ONLY, QUALITY, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .after(MARKED_FOR_REVIEW, 0));
        s.add(d("proposal-pending", 1, RETURN_REFUND, DAMAGED, Remedy.RETURN_AND_REFUND, FIRST_LINE).then(FILED, 0)
                .then(PROPOSED_REFUND, 10));
        s.add(d("rejected", 1, REFUND_ONLY, NOT_AS_DESCRIBED, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8));
        s.add(d("awaiting-return-shipment", 1, RETURN_REFUND, QUALITY, Remedy.RETURN_AND_REFUND, FIRST_LINE)
                .then(FILED, 0).then(ACCEPTED_RETURN, 6));
        s.add(d("return-in-transit", 1, RETURN_REFUND, QUALITY, Remedy.RETURN_AND_REFUND, FIRST_LINE)
                .then(FILED, 0).then(ACCEPTED_RETURN, 6).then(RETURN_SHIPPED, 30));
        s.add(d("awaiting-return-confirmation", 1, EXCHANGE, WRONG_ITEM, Remedy.EXCHANGE, FIRST_LINE).then(FILED, 0)
                .then(ACCEPTED_RETURN, 5).then(RETURN_SHIPPED, 24).then(RETURN_DELIVERED, 50));
        s.add(d("awaiting-reshipment", 1, MISSING_ITEM, ITEMS_MISSING, Remedy.RESHIP, ONE_UNIT).then(FILED, 0)
                .then(ACCEPTED_RESHIP, 4));
        s.add(d("reshipment-in-transit", 1, MISSING_ITEM, ITEMS_MISSING, Remedy.RESHIP, ONE_UNIT).then(FILED, 0)
                .then(ACCEPTED_RESHIP, 4).then(RESHIPPED, 18));
        s.add(d("refund-pending", 1, REFUND_ONLY, DAMAGED, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(ACCEPTED_REFUND, 6).providerFailing());
        s.add(d("awaiting-agent", 1, REFUND_ONLY, QUALITY, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20).taken());
        s.add(d("agent-sla-breached", 1, EXCHANGE, WRONG_ITEM, Remedy.EXCHANGE, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20).after(AGENT_SLA_BREACHED, agentDecision)
                .anchoredBetween(agentDecision + 1, agentDecision + 40));
        s.add(d("awaiting-evidence", 1, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0)
                .then(REJECTED, 6).then(ESCALATED, 12).then(EVIDENCE_REQUESTED_BUYER, 5));
        s.add(d("awaiting-evidence-both", 1, RETURN_REFUND, NOT_AS_DESCRIBED, Remedy.RETURN_AND_REFUND, FIRST_LINE)
                .then(FILED, 0).then(REJECTED, 6).then(ESCALATED, 12).then(EVIDENCE_REQUESTED_BOTH, 5));
        s.add(d("decided", 1, REFUND_ONLY, QUALITY, Remedy.REFUND, FIRST_LINE).then(FILED, 0).then(REJECTED, 8)
                .then(ESCALATED, 20)
                .decide(DECIDED_PARTIAL_REFUND, 24, "R-5.1", CostBearer.SELLER,
                        "The photos show a defect that lowers the value; half of the price is fair.")
                .penalty("WARNING", 0));
        s.add(d("on-appeal", 1, RETURN_REFUND, DAMAGED, Remedy.RETURN_AND_REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20)
                .decide(DECIDED_REJECT, 20, "R-8.1", CostBearer.SELLER,
                        "No photo shows the damage; the claim is not supported.")
                .then(APPEALED_BY_BUYER, 30));

        // delivered orders, ended
        s.add(d("fast-tracked", 4, REFUND_ONLY, QUALITY, Remedy.REFUND, ONE_UNIT).cheapFirstLine().then(FILED, 0)
                .after(FAST_TRACKED, 0).after(REFUND_PAID, payout));
        s.add(d("accepted-refund", 5, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0)
                .then(ACCEPTED_REFUND, 6).after(REFUND_PAID, payout));
        s.add(d("auto-accepted", 2, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0)
                .after(AUTO_ACCEPTED_REFUND, firstResponse).after(REFUND_PAID, payout));
        s.add(d("return-refunded", 5, RETURN_REFUND, QUALITY, Remedy.RETURN_AND_REFUND, FIRST_LINE).then(FILED, 0)
                .then(ACCEPTED_RETURN, 6).then(RETURN_SHIPPED, 30).then(RETURN_DELIVERED, 50)
                .then(RETURN_CONFIRMED_REFUND, 20).after(REFUND_PAID, payout));
        s.add(d("exchanged", 3, EXCHANGE, WRONG_ITEM, Remedy.EXCHANGE, FIRST_LINE).then(FILED, 0)
                .then(ACCEPTED_RETURN, 5).then(RETURN_SHIPPED, 24).then(RETURN_DELIVERED, 50)
                .then(RETURN_CONFIRMED_EXCHANGE, 16).then(RESHIPPED, 20).then(RESHIPMENT_DELIVERED, 55));
        s.add(d("reshipped", 3, MISSING_ITEM, ITEMS_MISSING, Remedy.RESHIP, ONE_UNIT).then(FILED, 0)
                .then(ACCEPTED_RESHIP, 4).then(RESHIPPED, 18).then(RECEIVED, 60));
        s.add(d("partial-refund-accepted", 3, REFUND_ONLY, NOT_AS_DESCRIBED, Remedy.REFUND, FIRST_LINE)
                .then(FILED, 0).then(PROPOSED_REFUND, 10).then(PROPOSAL_ACCEPTED_REFUND, 14)
                .after(REFUND_PAID, payout));
        s.add(d("withdrawn", 3, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0)
                .then(WITHDRAWN_BY_BUYER, 12));
        s.add(d("expired-after-rejection", 2, REFUND_ONLY, QUALITY, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).after(EXPIRED_AFTER_REJECTION, buyerAnswer));
        s.add(d("return-not-shipped", 1, RETURN_REFUND, QUALITY, Remedy.RETURN_AND_REFUND, FIRST_LINE)
                .then(FILED, 0).then(ACCEPTED_RETURN, 6).after(EXPIRED_RETURN, returnShipment));
        s.add(d("inspected-used", 2, RETURN_REFUND, QUALITY, Remedy.RETURN_AND_REFUND, FIRST_LINE).then(FILED, 0)
                .then(ACCEPTED_RETURN, 6).then(RETURN_SHIPPED, 30).then(RETURN_DELIVERED, 50)
                .then(RETURN_INSPECTED_USED, 20).then(PROPOSAL_ACCEPTED_REFUND, 15).after(REFUND_PAID, payout));
        s.add(d("return-auto-refunded", 1, RETURN_REFUND, DAMAGED, Remedy.RETURN_AND_REFUND, FIRST_LINE)
                .then(FILED, 0).then(ACCEPTED_RETURN, 6).then(RETURN_SHIPPED, 30).then(RETURN_DELIVERED, 50)
                .after(AUTO_REFUNDED_RETURN, returnConfirmation).after(REFUND_PAID, payout));
        s.add(d("decided-refund-closed", 2, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0)
                .then(REJECTED, 6).then(ESCALATED, 15)
                .decide(DECIDED_FULL_REFUND, 20, "R-3.1", CostBearer.SELLER,
                        "The carrier's weight matches the parcel without the claimed unit.")
                .penalty("POINTS", 6).after(CLOSED_AFTER_APPEAL_WINDOW, appealWindow));
        s.add(d("decided-reject-closed", 1, REFUND_ONLY, QUALITY, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20)
                .decide(DECIDED_REJECT, 20, "R-9.1", CostBearer.SELLER,
                        "The same photo was sent with claims on other orders.")
                .abuse("Photos reused across claims").after(CLOSED_AFTER_APPEAL_WINDOW, appealWindow));
        s.add(d("appeal-raised", 1, REFUND_ONLY, QUALITY, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20)
                .decide(DECIDED_PARTIAL_REFUND, 24, "R-5.1", CostBearer.SELLER, "Half of the price for the defect.")
                .then(APPEALED_BY_BUYER, 30)
                .decide(APPEAL_DECIDED_FULL_REFUND, 20, "R-5.1", CostBearer.SELLER,
                        "On appeal: the item cannot be used at all; the whole price is refunded."));
        s.add(d("appeal-reversed", 1, REFUND_ONLY, NOT_AS_DESCRIBED, Remedy.REFUND, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20)
                .decide(DECIDED_FULL_REFUND, 24, "R-5.1", CostBearer.SELLER, "Not as described on the product page.")
                .then(APPEALED_BY_SELLER, 30)
                .decide(APPEAL_DECIDED_PARTIAL_REFUND, 20, "R-8.1", CostBearer.SELLER,
                        "On appeal: the buyer kept and used the goods; half of the price is refunded."));
        s.add(d("appeal-upheld", 1, EXCHANGE, WRONG_ITEM, Remedy.EXCHANGE, FIRST_LINE).then(FILED, 0)
                .then(REJECTED, 8).then(ESCALATED, 20)
                .decide(DECIDED_PARTIAL_REFUND, 24, "R-5.1", CostBearer.SELLER, "A partial refund instead of an exchange.")
                .then(APPEALED_BY_SELLER, 30)
                .decide(APPEAL_DECIDED_PARTIAL_REFUND, 20, "R-5.1", CostBearer.SELLER, "The first decision stands."));
        s.add(d("decided-reship-resolved", 1, MISSING_ITEM, ITEMS_MISSING, Remedy.REFUND, ONE_UNIT).then(FILED, 0)
                .then(REJECTED, 6).then(ESCALATED, 15)
                .decide(DECIDED_RESHIP, 20, "R-3.1", CostBearer.SELLER, "The seller sends the missing unit again.")
                .then(RESHIPPED, 20).then(RESHIPMENT_DELIVERED, 50));

        // stalled parcels
        s.add(new GenScenario("not-received-awaiting-seller", STALLED, 1, NOT_RECEIVED, TRACKING_STALLED,
                Remedy.REFUND, ALL, GenNotes.description("NOT_RECEIVED")).then(FILED, 0));
        s.add(new GenScenario("not-received-refunded", STALLED, 1, NOT_RECEIVED, TRACKING_STALLED, Remedy.REFUND, ALL,
                GenNotes.description("NOT_RECEIVED")).then(FILED, 0).then(ACCEPTED_REFUND, 10)
                .after(REFUND_PAID, payout));
        s.add(new GenScenario("not-received-carrier-pays", STALLED, 1, NOT_RECEIVED, NOT_DELIVERED, Remedy.REFUND,
                ALL, GenNotes.description("NOT_RECEIVED")).then(FILED, 0).then(REJECTED, 10).then(ESCALATED, 12)
                .decide(DECIDED_FULL_REFUND, 20, "R-4.1", CostBearer.CARRIER, "Lost in transit: the carrier pays.")
                .after(CLOSED_AFTER_APPEAL_WINDOW, appealWindow));

        // unshipped orders: oversold, lines cancelled, ship-by passed
        s.add(u("cancelled-oversold", 3, ORDER_CANCELLED, PLATFORM_CANCELLED, ALL).then(OPENED_CANCELLED, 0)
                .after(REFUND_PAID, payout));
        s.add(u("cancelled-refund-pending", 1, ORDER_CANCELLED, PLATFORM_CANCELLED, ALL).then(OPENED_CANCELLED, 0)
                .providerFailing());
        s.add(u("delisted-awaiting-choice", 2, DELISTED, UNAVAILABLE, FIRST_LINE).then(OPENED_DELISTED, 0)
                .anchoredBetween(1, 40));
        s.add(u("delisted-substitute", 2, DELISTED, UNAVAILABLE, FIRST_LINE).then(OPENED_DELISTED, 0)
                .then(CHOSE_SUBSTITUTE, 3).anchoredBetween(1, 36));
        s.add(u("delisted-refunded", 2, DELISTED, UNAVAILABLE, FIRST_LINE).then(OPENED_DELISTED, 0)
                .then(CHOSE_REFUND, 3).after(REFUND_PAID, payout).anchoredBetween(1, 36));
        s.add(new GenScenario("no-tracking", UNSHIPPED_LATE, 1, NO_TRACKING, NO_VALID_TRACKING, Remedy.SUPPLY_TRACKING,
                ALL, null).then(OPENED_NO_TRACKING, 0));
        return s;
    }

    /** Every scenario's rows, with its share of its group's rounds. */
    static List<GenScenario.Rows> rows(PolicyDefaults policy) {
        Map<GenScenario.Group, Integer> next = new EnumMap<>(GenScenario.Group.class);
        List<GenScenario.Rows> rows = new ArrayList<>();
        for (GenScenario scenario : all(policy)) {
            int lo = next.getOrDefault(scenario.group, 0);
            next.put(scenario.group, lo + scenario.weight);
            rows.add(scenario.play(policy, WEIGHTS.get(scenario.group), lo));
        }
        next.forEach((group, used) -> {
            if (used > WEIGHTS.get(group)) {
                throw new IllegalStateException("Scenario weights of " + group + " exceed " + WEIGHTS.get(group));
            }
        });
        return rows;
    }

    private static GenScenario d(String code, int weight, ClaimType type, ClaimReason reason, Remedy remedy,
            GenScenario.Scope scope) {
        return new GenScenario(code, DELIVERED, weight, type, reason, remedy, scope, GenNotes.description(type.name()));
    }

    private static GenScenario u(String code, int weight, ClaimType type, ClaimReason reason, GenScenario.Scope scope) {
        return new GenScenario(code, UNSHIPPED, weight, type, reason, Remedy.REFUND, scope,
                GenNotes.description(type.name()));
    }
}
