package dev.aftersales.claims;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.aftersales.payments.MovementView;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.ShipmentView;

/** A claim as its detail page shows it to one viewer, with the moves that viewer may make now. */
public record ClaimView(long id, String claimNumber, long version, long orderId, String orderNumber,
        long shopId, String shopName, long buyerId, String buyerName, ClaimType type, ClaimReason reason,
        String description, Remedy remedy, Money requestedAmount, Money linesAmount, ClaimStatus status,
        Party partyToAct, Instant dueAt, boolean overdue, List<LineView> lines, Remedy proposalRemedy,
        Money proposalAmount, String proposalNote, String rejectionReason, InspectionResult inspectionResult,
        String inspectionNote, WeightCheck weightCheck, boolean fastTracked, String fastTrackRule, Outcome outcome,
        Money refundedAmount, Instant createdAt, Instant endedAt, List<TimelineView> timeline,
        List<MessageView> messages, List<EvidenceView> evidence, List<MovementView> refunds,
        ShipmentView returnShipment, ShipmentView reshipment, Set<ClaimAction> actions, Intervention intervention) {

    public boolean can(String action) {
        return actions.contains(ClaimAction.valueOf(action));
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

    /** One timeline entry. */
    public record TimelineView(Instant at, ActorRole actorRole, String actorName, String action, ClaimStatus from,
            ClaimStatus to, String rule, String note, Money amount) {
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
