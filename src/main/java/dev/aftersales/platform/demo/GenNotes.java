package dev.aftersales.platform.demo;

import java.util.List;

/**
 * The words generated claims carry: what people write with their moves, claim descriptions, messages. Data, not
 * page text: it is shown as the people wrote it, like the demo's. Placeholders in braces are filled per claim in SQL
 * ({@code {description}}, {@code {return}} and {@code {reship}} tracking numbers, {@code {substitute}}).
 */
final class GenNotes {

    private GenNotes() {
    }

    /** The note a move carries when the scenario gives none. */
    static String of(GenMove move) {
        return switch (move) {
            case FAST_TRACKED -> "Refund-only claim of ¥20.00 or less from a buyer in good standing: refunded at once.";
            case PROPOSED_REFUND -> "We can refund half: the item works apart from the scratch.";
            case PROPOSED_RESHIP -> "We will send the missing unit again today.";
            case PROPOSAL_REJECTED -> "Half is not enough, the item cannot be used.";
            case REJECTED -> "The parcel was weighed complete at dispatch; see the packing photo.";
            case ESCALATED -> "The seller refuses although the photos show the problem.";
            case RETURN_CONFIRMED_REFUND, RETURN_CONFIRMED_EXCHANGE -> "Returned as sold.";
            case RETURN_INSPECTED_USED -> "The item came back used, with marks on the front; we offer half.";
            case WITHDRAWN_BY_BUYER -> "Found the missing piece in the box, sorry.";
            case MARKED_FOR_REVIEW -> "Return-abuse score 82 (review): many claims on few orders.";
            case EVIDENCE_REQUESTED_BUYER, EVIDENCE_REQUESTED_BOTH ->
                "Please upload a photo of the parcel label and of everything that was in the box.";
            case EVIDENCE_ANSWERED -> "Photos of the label and the contents are attached.";
            case APPEALED_BY_BUYER -> "The decision ignores the weight the carrier measured.";
            case APPEALED_BY_SELLER -> "The buyer kept the goods; a full refund is not fair.";
            default -> null;
        };
    }

    /** A buyer's description by claim type (and the seller's or the platform's note on the cases they open). */
    static String description(String type) {
        return switch (type) {
            case "MISSING_ITEM" -> "Only part of the order was in the box.";
            case "NOT_RECEIVED" -> "Tracking has not moved for days and nothing arrived.";
            case "REFUND_ONLY" -> "The colour is far from the photos and the seam is open.";
            case "RETURN_REFUND" -> "Arrived with a crack in the casing; I will send it back.";
            case "EXCHANGE" -> "Wrong size sent, please exchange for the size I ordered.";
            case "DELISTED" -> "Sold out at the supplier.";
            case "ORDER_CANCELLED" -> "sold out during a flash sale";
            default -> null;
        };
    }

    /** What buyers and sellers write to each other on a claim. */
    static final List<String> MESSAGES = List.of(
            "Hello, could you tell me when you will look at this?",
            "We are checking with the warehouse and will answer today.",
            "I added a photo of the box as it arrived.",
            "Thank you, we have the photo and the packing record.",
            "Is there any news?",
            "We answered on the claim; please see the proposal.");
}
