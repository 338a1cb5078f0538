package dev.aftersales.claims;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.aftersales.claims.internal.EvidencePurpose;
import dev.aftersales.payments.MovementView;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.ShipmentView;

/**
 * A claim as its detail page shows it to one viewer ({@code viewer}: the viewer's side, BUYER, SELLER, AGENT for
 * platform staff), with the moves that viewer may make now.
 */
public record ClaimView(long id, String claimNumber, long version, long orderId, String orderNumber,
        long shopId, String shopName, long buyerId, String buyerName, ClaimType type, ClaimReason reason,
        String description, Remedy remedy, Money requestedAmount, Money linesAmount, ClaimStatus status,
        Party partyToAct, Instant dueAt, boolean overdue, List<LineView> lines, Remedy proposalRemedy,
        Money proposalAmount, String proposalNote, String rejectionReason, InspectionResult inspectionResult,
        String inspectionNote, WeightCheck weightCheck, boolean fastTracked, String fastTrackRule, Outcome outcome,
        Money refundedAmount, Instant createdAt, Instant endedAt, List<TimelineView> timeline,
        List<MessageView> messages, List<EvidenceView> evidence, List<MovementView> refunds,
        ShipmentView returnShipment, ShipmentView reshipment, Set<ClaimAction> actions, Intervention intervention,
        Party viewer) {

    /**
     * The message key naming who must act, as the viewer reads it: "You" to the party concerned (and "You and the
     * seller" when both must), "The buyer" to everyone else.
     */
    public String actingPartyKey() {
        if (partyToAct == null) {
            return "claim.party.NONE";
        }
        boolean party = viewer == Party.BUYER || viewer == Party.SELLER;
        if (party && partyToAct == viewer) {
            return "claim.party.you";
        }
        if (party && partyToAct == Party.BOTH) {
            return viewer == Party.BUYER ? "claim.party.youAndSeller" : "claim.party.youAndBuyer";
        }
        return "claim.party." + partyToAct.name();
    }

    /** The names of the moves the viewer may make now ({@code ACCEPT}, {@code PROPOSE} ...), in a stable order. */
    public java.util.List<String> moveNames() {
        return actions.stream().sorted().map(Enum::name).toList();
    }

    public boolean can(String action) {
        return actions.contains(ClaimAction.valueOf(action));
    }

    /** Whether the viewer may make any of these moves now (a section of moves shows only when it holds one). */
    public boolean canAny(String... names) {
        for (String name : names) {
            if (can(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the platform's part of the claim has something to say to its buyer or seller now: evidence asked of
     * them or of the other side while it is awaited, a decision, an appeal waiting for its decision, or the appeal
     * form.
     */
    public boolean showsIntervention() {
        return can("ANSWER_EVIDENCE") || can("APPEAL") || intervention.decided()
                || intervention.evidenceRequest() != null && status == ClaimStatus.AWAITING_EVIDENCE
                || intervention.appealedBy() != null && !intervention.decisionFinal();
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /**
     * What the platform did on the claim, as the parties see it: the evidence request addressed to them, the
     * decision with rationale and clause, the appeal window.
     *
     * @param evidenceRequestedOf whom the agent asked ({@code null}: never)
     * @param decisionAmount      the refund of a refund ruling
     */
    public record Intervention(String reviewReason, String evidenceRequest, Party evidenceRequestedOf,
            Ruling ruling, Money decisionAmount, String rationale, String clause, Instant decidedAt,
            String decidedByName, boolean decisionFinal, Instant appealUntil, Party appealedBy,
            String appealStatement) {

        public boolean decided() {
            return ruling != null;
        }
    }

    /** One claimed line. */
    public record LineView(long orderLineId, String sku, String title, int quantity, Money amount) {
    }

    /**
     * One timeline entry.
     *
     * @param amount the money of the step: what it asked for, refunded or decided; on a ruling on appeal what this
     *               step moved (negative when it took money back)
     * @param total  on a ruling on appeal, the decision's whole refund ({@code null} otherwise)
     */
    public record TimelineView(Instant at, ActorRole actorRole, String actorName, String action, ClaimStatus from,
            ClaimStatus to, String rule, String note, Money amount, Money total) {

        /** The amount written after the step's name: the decision's total where there is one. */
        public Money shown() {
            if (total != null) {
                return total;
            }
            return amount != null && !amount.isNegative() ? amount : null;
        }

        /** What this step paid when that is not the amount shown (an appeal that raised a refund pays the rest). */
        public Money paid() {
            return total != null && amount != null && amount.isPositive() && !amount.equals(total) ? amount : null;
        }

        /** What this step took back from the buyer (an appeal that lowered or rejected a refund). */
        public Money takenBack() {
            return amount != null && amount.isNegative() ? new Money(-amount.minor(), amount.currency()) : null;
        }
    }

    /** One message with its attachments. */
    public record MessageView(long id, ActorRole authorRole, String authorName, String body, Instant sentAt,
            List<EvidenceView> files) {
    }

    /** One evidence file (its bytes are downloaded separately). */
    public record EvidenceView(long id, String fileName, String contentType, long sizeBytes, boolean image,
            ActorRole uploadedByRole, String uploadedByName, Instant uploadedAt, EvidencePurpose purpose) {
    }
}
