package dev.aftersales.notifications.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.shared.MessageArgs;
import dev.aftersales.shared.Money;

/**
 * Who hears of a claim's move and in which words. The important moves have texts of their own; any other move tells
 * the party whose move it is now ("Claim AS…: status"), and both sides when the claim ended. Nobody is told of
 * their own move (the buyer who files a claim sees it on the claim page). A party this code does not know by name is ignored, except {@code BOTH} (buyer and seller).
 * Decisions are told from {@code AgentDecided}, so the claim's move to DECIDED tells nobody a second time.
 *
 * <p>Every claim text gets the same arguments: {0} claim number, {1} the move, {2} the new status, {3} the due time,
 * {4} the amount, {5} the rule the desk applied, {6} the claim type.
 */
final class ClaimNotices {

    enum Side {
        BUYER, SELLER
    }

    private static final Set<Side> BOTH = EnumSet.allOf(Side.class);
    private static final Set<Side> BUYER = EnumSet.of(Side.BUYER);
    private static final Set<Side> SELLER = EnumSet.of(Side.SELLER);

    private ClaimNotices() {
    }

    /**
     * The texts of a move for each side, {@code null} for a side that is not told; or no plan at all when the move
     * tells nobody.
     */
    record Plan(String buyerCode, String sellerCode, boolean urgent) {

        static Plan both(String code) {
            return new Plan(code, code, false);
        }

        static Plan buyer(String code) {
            return new Plan(code, null, false);
        }

        static Plan seller(String code) {
            return new Plan(null, code, false);
        }

        static Plan sides(String code, Set<Side> sides) {
            return new Plan(sides.contains(Side.BUYER) ? code : null, sides.contains(Side.SELLER) ? code : null, false);
        }
    }

    static Plan plan(ClaimTransitioned move) {
        String action = move.action() == null ? "" : move.action();
        if (move.to() == ClaimStatus.DECIDED || "DECIDED".equals(action)) {
            return null;
        }
        if (action.startsWith("PROPOSED_")) {
            return Plan.buyer("notifications.claim.proposed");
        }
        if (action.startsWith("RETURN_INSPECTED_") || action.equals("RETURN_CONFIRMED")) {
            return Plan.buyer("notifications.claim.return-confirmed");
        }
        if (action.contains("EVIDENCE") && action.contains("REQUEST")) {
            return Plan.sides("notifications.claim.evidence-requested", sidesOf(move.party()));
        }
        return switch (action) {
            case "FILED" -> Plan.seller("notifications.claim.filed");
            case "OPENED" -> new Plan("notifications.claim.opened.buyer", "notifications.claim.opened", false);
            case "FAST_TRACKED" -> Plan.both("notifications.claim.fast-tracked");
            case "ACCEPTED" -> Plan.buyer("notifications.claim.accepted");
            case "REJECTED" -> Plan.buyer("notifications.claim.rejected");
            case "PROPOSAL_ACCEPTED" -> Plan.seller("notifications.claim.proposal-accepted");
            case "PROPOSAL_REJECTED" -> Plan.seller("notifications.claim.proposal-rejected");
            case "ESCALATED" -> Plan.both("notifications.claim.escalated");
            case "AUTO_ESCALATED" -> Plan.both("notifications.claim.auto-escalated");
            case "AUTO_ACCEPTED", "AUTO_REFUNDED", "EXPIRED" -> Plan.both("notifications.claim.automatic");
            case "WITHDRAWN" -> Plan.seller("notifications.claim.withdrawn");
            case "RETURN_SHIPPED" -> Plan.seller("notifications.claim.return-shipped");
            case "RETURN_DELIVERED" -> Plan.seller("notifications.claim.return-delivered");
            case "RESHIPPED" -> Plan.buyer("notifications.claim.reshipped");
            // the buyer hears of the money itself from the payment
            case "REFUND_PAID" -> Plan.seller("notifications.claim.resolved");
            default -> move.to() != null && !move.to().isOpen()
                    ? Plan.both(move.to() == ClaimStatus.RESOLVED ? "notifications.claim.resolved"
                            : "notifications.claim.generic")
                    : Plan.sides("notifications.claim.generic", sidesOf(move.party()));
        };
    }

    /** The sides a party name stands for: BUYER, SELLER, BOTH; nobody for agents, carriers, the desk. */
    static Set<Side> sidesOf(Object party) {
        if (party == null) {
            return Set.of();
        }
        return switch (party.toString()) {
            case "BUYER" -> BUYER;
            case "SELLER" -> SELLER;
            case "BOTH" -> BOTH;
            default -> Set.of();
        };
    }

    /** The event's key: one per move of one claim. */
    static String key(ClaimTransitioned move) {
        return "claim:" + move.claimId() + ":" + move.action() + ":" + move.to() + ":" + move.at();
    }

    static List<String> args(ClaimTransitioned move) {
        List<String> args = new ArrayList<>();
        args.add(NoticeText.literal(move.claimNumber()));
        args.add(NoticeText.message("claim.action." + move.action()));
        args.add(move.to() == null ? "" : NoticeText.message("claim.status." + move.to().name()));
        args.add(MessageArgs.instant(move.dueAt()));
        args.add(move.amountMinor() == null ? "" : MessageArgs.money(Money.fen(move.amountMinor())));
        args.add(move.rule() == null ? "" : NoticeText.message("claim.rule." + move.rule()));
        args.add(move.type() == null ? "" : NoticeText.message("claim.type." + move.type().name()));
        return args;
    }

    static String buyerLink(long claimId) {
        return "/buyer/claims/" + claimId;
    }

    static String sellerLink(long claimId) {
        return "/seller/claims/" + claimId;
    }
}
