package dev.aftersales.claims.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimView;
import dev.aftersales.shared.Money;

/** The claim as the seller API shows it. Amounts are integers in fen. */
record SellerClaimJson(String number, String orderNumber, String type, String reason, String description,
        String remedy, String status, String ballInCourt, Instant dueAt, boolean overdue, long version,
        long requestedAmountFen, long linesAmountFen, Long refundedAmountFen, String currency, List<Line> lines,
        Proposal proposal, String rejectionReason, Inspection inspection, String returnTrackingNumber,
        String reshipmentTrackingNumber, String outcome, Instant createdAt, Instant endedAt,
        List<String> allowedMoves, List<String> movesOnPagesOnly, List<Step> timeline, List<Message> messages,
        List<Evidence> evidence) {

    /** The seller's moves the API carries, by the names the claim's rules give them. */
    static final Set<String> API_MOVES = Set.of("ACCEPT", "PROPOSE", "REJECT", "RESHIP", "CONFIRM_RETURN", "MESSAGE");

    static SellerClaimJson of(ClaimView c) {
        List<String> moves = c.moveNames();
        return new SellerClaimJson(c.claimNumber(), c.orderNumber(), c.type().name(), c.reason().name(),
                c.description(), c.remedy().name(), c.status().name(), c.partyToAct() == null ? null
                        : c.partyToAct().name(),
                c.dueAt(), c.overdue(), c.version(), c.requestedAmount().minor(), c.linesAmount().minor(),
                fen(c.refundedAmount()), c.requestedAmount().currency().getCurrencyCode(),
                c.lines().stream().map(l -> new Line(l.sku(), l.title(), l.quantity(), l.amount().minor())).toList(),
                c.proposalRemedy() == null ? null
                        : new Proposal(c.proposalRemedy().name(), fen(c.proposalAmount()), c.proposalNote()),
                c.rejectionReason(),
                c.inspectionResult() == null ? null : new Inspection(c.inspectionResult().name(), c.inspectionNote()),
                c.returnShipment() == null ? null : c.returnShipment().trackingNumber(),
                c.reshipment() == null ? null : c.reshipment().trackingNumber(),
                c.outcome() == null ? null : c.outcome().name(), c.createdAt(), c.endedAt(),
                moves.stream().filter(API_MOVES::contains).toList(),
                moves.stream().filter(m -> !API_MOVES.contains(m)).toList(),
                c.timeline().stream().map(t -> new Step(t.at(), t.actorRole().name(), t.actorName(), t.action(),
                        t.from() == null ? null : t.from().name(), t.to() == null ? null : t.to().name(), t.rule(),
                        t.note(), fen(t.amount()))).toList(),
                c.messages().stream().map(m -> new Message(m.id(), m.authorRole().name(), m.authorName(), m.body(),
                        m.sentAt(), m.files().stream().map(SellerClaimJson::evidence).toList())).toList(),
                c.evidence().stream().map(SellerClaimJson::evidence).toList());
    }

    private static Evidence evidence(ClaimView.EvidenceView e) {
        return new Evidence(e.id(), e.fileName(), e.contentType(), e.sizeBytes(), String.valueOf(e.purpose()),
                e.uploadedByRole().name(), e.uploadedAt(), "/api/v1/seller/evidence/" + e.id());
    }

    private static Long fen(Money money) {
        return money == null ? null : money.minor();
    }

    /** One claimed order line. */
    record Line(String sku, String title, int quantity, long amountFen) {
    }

    /** The seller's standing proposal. */
    record Proposal(String remedy, Long amountFen, String note) {
    }

    /** What the seller found in the returned parcel. */
    record Inspection(String result, String note) {
    }

    /** One timeline entry; {@code amountFen} negative when the step took money back. */
    record Step(Instant at, String actorRole, String actorName, String action, String from, String to, String rule,
            String note, Long amountFen) {
    }

    /** One message and its files. */
    record Message(long id, String authorRole, String authorName, String body, Instant sentAt, List<Evidence> files) {
    }

    /** One evidence file; {@code href} downloads it with the same key. */
    record Evidence(long id, String fileName, String contentType, long sizeBytes, String purpose,
            String uploadedByRole, Instant uploadedAt, String href) {
    }

    /** A claim in the feed: enough to decide whether to fetch it. */
    record FeedItem(String number, String orderNumber, String type, String reason, String status,
            String ballInCourt, Instant dueAt, long requestedAmountFen, Long refundedAmountFen, String currency,
            long version, Instant createdAt, Instant updatedAt, String href) {

        static FeedItem of(Claim c) {
            return new FeedItem(c.claimNumber(), c.orderNumber(), c.type().name(), c.reason().name(),
                    c.status().name(), c.partyToAct() == null ? null : c.partyToAct().name(), c.dueAt(),
                    c.requestedAmount().minor(), fen(c.refundedAmount()), c.requestedAmount().currency().getCurrencyCode(),
                    c.version(), c.createdAt(), c.updatedAt(), "/api/v1/seller/claims/" + c.claimNumber());
        }
    }

    /**
     * One page of the feed.
     *
     * @param nextCursor where the next call starts: after the last claim here, or where this one started when it
     *                   held none (keep it and poll again later)
     * @param hasMore    whether more changed claims wait now (call again at once with {@code nextCursor})
     */
    record Feed(List<FeedItem> items, String nextCursor, boolean hasMore) {
    }
}
