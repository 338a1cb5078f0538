package dev.aftersales.claims;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;

/**
 * An after-sales case about one order. The state machine lives here: each business move is one method that checks
 * who may make it in which state, changes the state, names the party to act and the due time, appends one timeline
 * entry, and registers a {@link ClaimTransitioned} event. Moves that need money ask for it through
 * {@link #drainEffects()}, applied by the service in the same transaction. Nothing here is ever deleted.
 */
@Entity
@Table(name = "claims")
public class Claim extends AbstractAggregateRoot<Claim> {

    /** Statuses in which the buyer may still withdraw. */
    private static final Set<ClaimStatus> WITHDRAWABLE = Set.of(ClaimStatus.AWAITING_SELLER,
            ClaimStatus.PROPOSAL_PENDING, ClaimStatus.REJECTED_BY_SELLER, ClaimStatus.AWAITING_RETURN_SHIPMENT,
            ClaimStatus.AWAITING_RESHIPMENT, ClaimStatus.AWAITING_TRACKING, ClaimStatus.AWAITING_AGENT,
            ClaimStatus.AWAITING_EVIDENCE);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String claimNumber;

    @Column(nullable = false)
    private long orderId;

    @Column(nullable = false, length = 64)
    private String orderNumber;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false)
    private long buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ClaimType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ClaimReason reason;

    @Column(length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Remedy remedy;

    @Column(nullable = false)
    private long requestedAmountMinor;

    @Column(nullable = false)
    private Currency currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ClaimStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Party partyToAct;

    /** When the party to act must have acted (shown with a countdown). */
    private Instant dueAt;

    /** When the deadline sweep must apply this status's consequence; {@code null} when nothing is pending. */
    private Instant deadlineAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Remedy proposalRemedy;

    private Long proposalAmountMinor;

    @Column(length = 2000)
    private String proposalNote;

    @Column(length = 2000)
    private String rejectionReason;

    @Column(nullable = false)
    private boolean escalationAllowed;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private InspectionResult inspectionResult;

    @Column(length = 2000)
    private String inspectionNote;

    private Long returnShipmentId;

    private Long reshipmentShipmentId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private WeightVerdict weightVerdict;

    @Column(nullable = false)
    private boolean fastTracked;

    @Column(length = 500)
    private String fastTrackRule;

    @Column(nullable = false)
    private int refundsRequested;

    private Long refundedAmountMinor;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Outcome outcome;

    @Column(length = 64, unique = true)
    private String submissionKey;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    private Instant endedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ClaimLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @Transient
    private List<ClaimEffect> effects = new ArrayList<>();

    protected Claim() {
    }

    /**
     * A buyer files a claim: it waits for the seller's first answer.
     *
     * @param draft the claim as filed; lines and amount already checked against the order and eligibility
     */
    public static Claim file(ClaimDraft draft, Actor buyer, ClaimClock clock, Instant now) {
        if (buyer.role() != ActorRole.BUYER) {
            throw new TransitionRejected("claim.rejected.notBuyer");
        }
        Claim claim = new Claim(draft, now);
        claim.moveTo(ClaimStatus.AWAITING_SELLER, Party.SELLER, now.plus(clock.sellerFirstResponse()));
        claim.record(now, buyer, "FILED", null, null, draft.description(), claim.requestedAmountMinor);
        return claim;
    }

    /** The system opens a claim (NO_TRACKING, DELISTED, ORDER_CANCELLED) in the status its type starts in. */
    public static Claim open(ClaimDraft draft, Actor opener, ClaimStatus start, Instant dueAt, String rule,
            Instant now) {
        Claim claim = new Claim(draft, now);
        claim.moveTo(start, start.defaultParty(), dueAt);
        claim.record(now, opener, "OPENED", null, rule, draft.description(), claim.requestedAmountMinor);
        return claim;
    }

    private Claim(ClaimDraft draft, Instant now) {
        if (draft.lines().isEmpty()) {
            throw new TransitionRejected("claim.rejected.noLines");
        }
        if (!draft.type().remedies().contains(draft.remedy())) {
            throw new TransitionRejected("claim.rejected.remedy");
        }
        if (!draft.reason().allowedFor(draft.type())) {
            throw new TransitionRejected("claim.rejected.reason");
        }
        this.claimNumber = draft.claimNumber();
        this.orderId = draft.orderId();
        this.orderNumber = draft.orderNumber();
        this.shopId = draft.shopId();
        this.buyerId = draft.buyerId();
        this.type = draft.type();
        this.reason = draft.reason();
        this.description = draft.description();
        this.remedy = draft.remedy();
        this.requestedAmountMinor = draft.requestedAmount().minor();
        this.currency = draft.requestedAmount().currency();
        this.weightVerdict = draft.weightVerdict();
        this.submissionKey = draft.submissionKey();
        this.createdAt = now;
        this.updatedAt = now;
        draft.lines().forEach(l -> lines.add(new ClaimLine(l.orderLineId(), draft.type(), l.sku(), l.title(),
                l.quantity(), l.unitWeightGrams(), l.amount().minor())));
        this.status = ClaimStatus.AWAITING_SELLER;
        this.partyToAct = Party.SELLER;
    }

    /** Registers the "filed" event once the claim has its id. */
    Claim announceFiled() {
        TimelineEntry first = timeline.get(0);
        registerEvent(new ClaimTransitioned(id, claimNumber, orderId, shopId, buyerId, type, first.action(), null,
                status, first.actorRole(), first.actorId(), partyToAct, dueAt, first.at(), requestedAmountMinor,
                first.rule()));
        return this;
    }

    // ---------------------------------------------------------------------------------------------- fast track

    /** The system approves a small claim from a buyer in good standing at once (SPEC S4.2, fast-track). */
    void fastTrack(String explanation, Instant now) {
        requireStatus(ClaimStatus.AWAITING_SELLER);
        if (remedy != Remedy.REFUND) {
            throw new TransitionRejected("claim.rejected.state");
        }
        fastTracked = true;
        fastTrackRule = explanation;
        refund(requestedAmount(), "FAST_TRACK", CostBearer.SELLER);
        transition(now, Actor.SYSTEM, "FAST_TRACKED", ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                now.plus(ClaimClock.REFUND_PAYOUT), "fast-track", explanation, requestedAmountMinor);
    }

    // ---------------------------------------------------------------------------------------------- seller moves

    /** The seller accepts what the buyer asked for. */
    public void accept(Actor seller, ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireStatus(ClaimStatus.AWAITING_SELLER);
        grantRequestedRemedy(seller, "ACCEPTED", null, clock, now);
    }

    private void grantRequestedRemedy(Actor actor, String action, String rule, ClaimClock clock, Instant now) {
        switch (remedy) {
            case REFUND -> {
                refund(requestedAmount(), action, CostBearer.SELLER);
                transition(now, actor, action, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), rule, null, requestedAmountMinor);
            }
            case RESHIP -> transition(now, actor, action, ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                    now.plus(clock.sellerReshipment()), rule, null, null);
            case RETURN_AND_REFUND, EXCHANGE -> transition(now, actor, action, ClaimStatus.AWAITING_RETURN_SHIPMENT,
                    Party.BUYER, now.plus(clock.buyerReturnShipment()), rule, null, null);
            default -> throw new TransitionRejected("claim.rejected.remedy");
        }
    }

    /**
     * The seller proposes something else: a partial refund, a reshipment, an exchange, or a return for refund.
     */
    public void propose(Actor seller, Remedy alternative, Money amount, String note, ClaimClock clock,
            Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireStatus(ClaimStatus.AWAITING_SELLER);
        requireText(note, "claim.rejected.noteRequired");
        if (alternative == Remedy.REFUND) {
            if (amount == null || !amount.isPositive() || amount.minor() >= requestedAmountMinor
                    && remedy == Remedy.REFUND) {
                throw new TransitionRejected("claim.rejected.partialAmount", requestedAmount().format());
            }
            if (amount.greaterThan(linesAmount())) {
                throw new TransitionRejected("claim.rejected.partialAmount", linesAmount().format());
            }
        } else if (alternative != Remedy.RESHIP && alternative != Remedy.EXCHANGE
                && alternative != Remedy.RETURN_AND_REFUND || alternative == remedy) {
            throw new TransitionRejected("claim.rejected.alternative");
        }
        proposalRemedy = alternative;
        proposalAmountMinor = alternative == Remedy.REFUND ? amount.minor() : null;
        proposalNote = note;
        transition(now, seller, "PROPOSED_" + alternative.name(), ClaimStatus.PROPOSAL_PENDING, Party.BUYER,
                now.plus(clock.buyerAnswer()), null, note, proposalAmountMinor);
    }

    /** The seller rejects the claim with a reason (and, through the service, evidence). */
    public void reject(Actor seller, String why, ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireStatus(ClaimStatus.AWAITING_SELLER);
        requireText(why, "claim.rejected.reasonRequired");
        rejectionReason = why;
        escalationAllowed = true;
        transition(now, seller, "REJECTED", ClaimStatus.REJECTED_BY_SELLER, Party.BUYER,
                now.plus(clock.buyerAnswer()), null, why, null);
    }

    /** The seller enters the tracking number of the reshipment (or the exchange's replacement). */
    public void reshipped(Actor seller, long shipmentId, String trackingNumber, ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireStatus(ClaimStatus.AWAITING_RESHIPMENT);
        reshipmentShipmentId = shipmentId;
        transition(now, seller, "RESHIPPED", ClaimStatus.RESHIPMENT_IN_TRANSIT, Party.BUYER,
                now.plus(clock.parcelDelivery()), null, trackingNumber, null);
    }

    /**
     * The seller confirms the return arrived, with what they found. As sold: the refund is paid (or, for an
     * exchange, the replacement is due). Otherwise the seller states the refund they consider fair (possibly
     * nothing) and the buyer accepts it or rejects it and may escalate: nobody is refused silently.
     */
    public void confirmReturn(Actor seller, InspectionResult result, String note, Money offeredRefund,
            ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireStatus(ClaimStatus.AWAITING_RETURN_CONFIRMATION, ClaimStatus.RETURN_IN_TRANSIT);
        inspectionResult = result;
        inspectionNote = note;
        if (result == InspectionResult.AS_SOLD) {
            if (remedy == Remedy.EXCHANGE) {
                transition(now, seller, "RETURN_CONFIRMED", ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                        now.plus(clock.sellerReshipment()), null, note, null);
            } else {
                refund(requestedAmount(), "RETURN_CONFIRMED", CostBearer.SELLER);
                transition(now, seller, "RETURN_CONFIRMED", ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), null, note, requestedAmountMinor);
            }
            return;
        }
        requireText(note, "claim.rejected.inspectionNote");
        long offered = offeredRefund == null ? 0 : offeredRefund.minor();
        if (offered < 0 || offered > linesAmount().minor()) {
            throw new TransitionRejected("claim.rejected.partialAmount", linesAmount().format());
        }
        proposalRemedy = Remedy.REFUND;
        proposalAmountMinor = offered;
        proposalNote = note;
        escalationAllowed = true;
        transition(now, seller, "RETURN_INSPECTED_" + result.name(), ClaimStatus.PROPOSAL_PENDING, Party.BUYER,
                now.plus(clock.buyerAnswer()), null, note, offered);
    }

    // ---------------------------------------------------------------------------------------------- buyer moves

    /** The buyer takes the seller's proposal. */
    public void acceptProposal(Actor buyer, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireStatus(ClaimStatus.PROPOSAL_PENDING);
        switch (proposalRemedy) {
            case REFUND -> {
                if (proposalAmountMinor == null || proposalAmountMinor == 0) {
                    transition(now, buyer, "PROPOSAL_ACCEPTED", ClaimStatus.WITHDRAWN, Party.NONE, null, null,
                            null, 0L);
                    end(Outcome.WITHDRAWN, now);
                    return;
                }
                Money amount = new Money(proposalAmountMinor, currency);
                refund(amount, "PROPOSAL_ACCEPTED", CostBearer.SELLER);
                transition(now, buyer, "PROPOSAL_ACCEPTED", ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), null, null, proposalAmountMinor);
            }
            case RESHIP -> {
                remedy = Remedy.RESHIP;
                transition(now, buyer, "PROPOSAL_ACCEPTED", ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                        now.plus(clock.sellerReshipment()), null, null, null);
            }
            case EXCHANGE, RETURN_AND_REFUND -> {
                remedy = proposalRemedy;
                transition(now, buyer, "PROPOSAL_ACCEPTED", ClaimStatus.AWAITING_RETURN_SHIPMENT, Party.BUYER,
                        now.plus(clock.buyerReturnShipment()), null, null, null);
            }
            default -> throw new TransitionRejected("claim.rejected.state");
        }
    }

    /** The buyer turns the proposal down: the seller answers again, and the buyer may now escalate. */
    public void rejectProposal(Actor buyer, String why, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireStatus(ClaimStatus.PROPOSAL_PENDING);
        requireText(why, "claim.rejected.reasonRequired");
        escalationAllowed = true;
        boolean afterInspection = inspectionResult != null && inspectionResult != InspectionResult.AS_SOLD;
        transition(now, buyer, "PROPOSAL_REJECTED",
                afterInspection ? ClaimStatus.AWAITING_RETURN_CONFIRMATION : ClaimStatus.AWAITING_SELLER,
                Party.SELLER, now.plus(afterInspection ? clock.sellerReturnConfirmation() : clock.sellerFirstResponse()),
                null, why, null);
    }

    /** The buyer enters the tracking number of the return parcel. */
    public void returnShipped(Actor buyer, long shipmentId, String trackingNumber, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireStatus(ClaimStatus.AWAITING_RETURN_SHIPMENT);
        returnShipmentId = shipmentId;
        transition(now, buyer, "RETURN_SHIPPED", ClaimStatus.RETURN_IN_TRANSIT, Party.CARRIER,
                now.plus(clock.parcelDelivery()), null, trackingNumber, null);
    }

    /** The buyer confirms the reshipped or exchanged goods arrived. */
    public void confirmReceived(Actor buyer, Instant now) {
        requireOwnBuyer(buyer);
        requireStatus(ClaimStatus.RESHIPMENT_IN_TRANSIT);
        transition(now, buyer, "RECEIVED", ClaimStatus.RESOLVED, Party.NONE, null, null, null, null);
        end(remedy == Remedy.EXCHANGE ? Outcome.EXCHANGED : Outcome.RESHIPPED, now);
    }

    /** Whether the buyer may still withdraw. */
    public boolean canWithdraw() {
        return WITHDRAWABLE.contains(status);
    }

    /** The buyer withdraws the claim. */
    public void withdraw(Actor buyer, String why, Instant now) {
        requireOwnBuyer(buyer);
        if (!canWithdraw()) {
            throw new TransitionRejected("claim.rejected.state");
        }
        transition(now, buyer, "WITHDRAWN", ClaimStatus.WITHDRAWN, Party.NONE, null, null, why, null);
        end(Outcome.WITHDRAWN, now);
    }

    /**
     * The buyer or the seller asks the platform to step in: the buyer after a seller rejection, a rejected
     * proposal or a missed seller deadline; the seller while it is their move.
     */
    public void escalate(Actor actor, String why, ClaimClock clock, Instant now) {
        requireText(why, "claim.rejected.reasonRequired");
        if (!canEscalate(actor, now)) {
            throw new TransitionRejected("claim.rejected.escalation");
        }
        transition(now, actor, "ESCALATED", ClaimStatus.AWAITING_AGENT, Party.AGENT,
                now.plus(clock.agentDecision()), null, why, null);
    }

    /** Whether {@code actor} may escalate now (the page offers the button only then; the POST asks again). */
    public boolean canEscalate(Actor actor, Instant now) {
        if (!status.isOpen() || status == ClaimStatus.AWAITING_AGENT || status == ClaimStatus.AWAITING_EVIDENCE
                || status == ClaimStatus.DECIDED || status == ClaimStatus.REFUND_PENDING) {
            return false;
        }
        if (actor.role() == ActorRole.BUYER && actor.id() != null && actor.id() == buyerId) {
            boolean sellerLate = partyToAct == Party.SELLER && dueAt != null && !dueAt.isAfter(now);
            return status == ClaimStatus.REJECTED_BY_SELLER || escalationAllowed
                    && (status == ClaimStatus.AWAITING_SELLER || status == ClaimStatus.PROPOSAL_PENDING
                            || status == ClaimStatus.AWAITING_RETURN_CONFIRMATION)
                    || sellerLate;
        }
        if (actor.role() == ActorRole.SELLER) {
            return partyToAct == Party.SELLER;
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- carrier, system

    /** The carrier delivered the return to the seller: the seller's confirmation clock starts. */
    void returnDelivered(Instant at, ClaimClock clock) {
        if (status != ClaimStatus.RETURN_IN_TRANSIT) {
            return;
        }
        transition(at, Actor.CARRIER, "RETURN_DELIVERED", ClaimStatus.AWAITING_RETURN_CONFIRMATION, Party.SELLER,
                at.plus(clock.sellerReturnConfirmation()), null, null, null);
    }

    /** The carrier delivered the reshipment: the claim is resolved. */
    void reshipmentDelivered(Instant at) {
        if (status != ClaimStatus.RESHIPMENT_IN_TRANSIT) {
            return;
        }
        transition(at, Actor.CARRIER, "RESHIPMENT_DELIVERED", ClaimStatus.RESOLVED, Party.NONE, null, null, null,
                null);
        end(remedy == Remedy.EXCHANGE ? Outcome.EXCHANGED : Outcome.RESHIPPED, at);
    }

    /** The payment provider confirmed the claim's refund. */
    void refundPaid(Money amount, Instant at) {
        refundedAmountMinor = (refundedAmountMinor == null ? 0 : refundedAmountMinor) + amount.minor();
        if (status != ClaimStatus.REFUND_PENDING) {
            return;
        }
        transition(at, Actor.SYSTEM, "REFUND_PAID", ClaimStatus.RESOLVED, Party.NONE, null, null, null,
                amount.minor());
        end(refundedAmountMinor >= requestedAmountMinor ? Outcome.REFUNDED : Outcome.PARTIALLY_REFUNDED, at);
    }

    /**
     * The due time passed: apply the written consequence of the current status (SPEC S4.2), as the system, naming
     * the rule. Does nothing when the deadline has not come (two nodes, or a move that just happened).
     */
    public void onDeadline(ClaimClock clock, Instant now) {
        if (deadlineAt == null || deadlineAt.isAfter(now)) {
            return;
        }
        switch (status) {
            case AWAITING_SELLER -> grantRequestedRemedy(Actor.SYSTEM, "AUTO_ACCEPTED", "seller-first-response",
                    clock, now);
            case PROPOSAL_PENDING, REJECTED_BY_SELLER -> expire("buyer-answer", now);
            case AWAITING_RETURN_SHIPMENT -> expire("buyer-return-shipment", now);
            case AWAITING_RETURN_CONFIRMATION -> {
                refund(requestedAmount(), "RETURN_NOT_CONFIRMED", CostBearer.SELLER);
                transition(now, Actor.SYSTEM, "AUTO_REFUNDED", ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), "seller-return-confirmation", null, requestedAmountMinor);
            }
            case AWAITING_RESHIPMENT -> {
                Money amount = linesAmount();
                refund(amount, "RESHIPMENT_MISSED", CostBearer.SELLER);
                transition(now, Actor.SYSTEM, "AUTO_REFUNDED", ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), "seller-reshipment", null, amount.minor());
            }
            case RETURN_IN_TRANSIT -> escalateBySystem("return-not-delivered", clock, now);
            case RESHIPMENT_IN_TRANSIT -> escalateBySystem("reshipment-not-delivered", clock, now);
            case REFUND_PENDING -> escalateBySystem("refund-not-paid", clock, now);
            default -> deadlineAt = null;
        }
    }

    private void expire(String rule, Instant now) {
        transition(now, Actor.SYSTEM, "EXPIRED", ClaimStatus.WITHDRAWN, Party.NONE, null, rule, null, null);
        end(Outcome.WITHDRAWN, now);
    }

    /** Nothing may wait forever: when no rule can settle it, the claim goes to a platform agent. */
    void escalateBySystem(String rule, ClaimClock clock, Instant now) {
        transition(now, Actor.SYSTEM, "AUTO_ESCALATED", ClaimStatus.AWAITING_AGENT, Party.AGENT,
                now.plus(clock.agentDecision()), rule, null, null);
    }

    // ---------------------------------------------------------------------------------------------- mechanics

    private void refund(Money amount, String ledgerReason, CostBearer bearer) {
        refundsRequested++;
        effects.add(new ClaimEffect.Refund(refundsRequested, amount, refundLines(amount), ledgerReason, bearer));
    }

    /** Spreads an amount over the claimed lines in proportion to their value; the last line takes the rounding. */
    List<ClaimEffect.RefundLine> refundLines(Money amount) {
        long total = linesAmount().minor();
        List<ClaimEffect.RefundLine> result = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine line = lines.get(i);
            long share = i == lines.size() - 1 ? amount.minor() - given
                    : total == 0 ? 0 : Math.multiplyExact(amount.minor(), line.amountMinor()) / total;
            given += share;
            result.add(new ClaimEffect.RefundLine(line.orderLineId(), line.quantity(), new Money(share, currency)));
        }
        return result;
    }

    private void transition(Instant at, Actor actor, String action, ClaimStatus to, Party party, Instant due,
            String rule, String note, Long amountMinor) {
        ClaimStatus from = status;
        moveTo(to, party, due);
        record(at, actor, action, from, rule, note, amountMinor);
        registerEvent(new ClaimTransitioned(id, claimNumber, orderId, shopId, buyerId, type, action, from, to,
                actor.role(), actor.id(), party, due, at, amountMinor, rule));
    }

    private void moveTo(ClaimStatus to, Party party, Instant due) {
        status = to;
        partyToAct = party;
        dueAt = due;
        deadlineAt = due;
        if (!to.isOpen()) {
            lines.forEach(ClaimLine::close);
        }
    }

    private void record(Instant at, Actor actor, String action, ClaimStatus from, String rule, String note,
            Long amountMinor) {
        timeline.add(new TimelineEntry(at, actor, action, from, status, rule, note, amountMinor));
        updatedAt = at;
    }

    private void end(Outcome result, Instant at) {
        outcome = result;
        endedAt = at;
    }

    private void requireStatus(ClaimStatus... allowed) {
        for (ClaimStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new TransitionRejected("claim.rejected.state");
    }

    private static void requireRole(Actor actor, ActorRole role) {
        if (actor.role() != role) {
            throw new TransitionRejected("claim.rejected.role");
        }
    }

    private void requireOwnBuyer(Actor actor) {
        if (actor.role() != ActorRole.BUYER || actor.id() == null || actor.id() != buyerId) {
            throw new TransitionRejected("claim.rejected.role");
        }
    }

    private static void requireText(String text, String key) {
        if (text == null || text.isBlank()) {
            throw new TransitionRejected(key);
        }
    }

    /** The events registered since the claim was loaded (published when it is saved). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    /** The money effects of the moves made since the last call; the service applies them. */
    List<ClaimEffect> drainEffects() {
        List<ClaimEffect> drained = List.copyOf(effects);
        effects.clear();
        return drained;
    }

    // ---------------------------------------------------------------------------------------------- reading

    public Long id() {
        return id;
    }

    public String claimNumber() {
        return claimNumber;
    }

    public long orderId() {
        return orderId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public long shopId() {
        return shopId;
    }

    public long buyerId() {
        return buyerId;
    }

    public ClaimType type() {
        return type;
    }

    public ClaimReason reason() {
        return reason;
    }

    public String description() {
        return description;
    }

    public Remedy remedy() {
        return remedy;
    }

    public Money requestedAmount() {
        return new Money(requestedAmountMinor, currency);
    }

    /** What the claimed units cost the buyer (the most any refund of this claim may be). */
    public Money linesAmount() {
        long sum = lines.stream().mapToLong(ClaimLine::amountMinor).sum();
        return new Money(Math.max(sum, requestedAmountMinor), currency);
    }

    public ClaimStatus status() {
        return status;
    }

    public Party partyToAct() {
        return partyToAct;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }

    public Remedy proposalRemedy() {
        return proposalRemedy;
    }

    public Money proposalAmount() {
        return proposalAmountMinor == null ? null : new Money(proposalAmountMinor, currency);
    }

    public String proposalNote() {
        return proposalNote;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public boolean escalationAllowed() {
        return escalationAllowed;
    }

    public InspectionResult inspectionResult() {
        return inspectionResult;
    }

    public String inspectionNote() {
        return inspectionNote;
    }

    public Long returnShipmentId() {
        return returnShipmentId;
    }

    public Long reshipmentShipmentId() {
        return reshipmentShipmentId;
    }

    public WeightVerdict weightVerdict() {
        return weightVerdict;
    }

    public boolean fastTracked() {
        return fastTracked;
    }

    public String fastTrackRule() {
        return fastTrackRule;
    }

    public Money refundedAmount() {
        return new Money(refundedAmountMinor == null ? 0 : refundedAmountMinor, currency);
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public long version() {
        return version;
    }

    public List<ClaimLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    /** How long ago the claim was filed, for the seller's first-response statistics. */
    public Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    // --- risk #6: agent review note and holiday extension ---------------------------------------------------------

    /**
     * At filing, the buyer's standing asks for a person to look at the claim (a high return-abuse score): the
     * timeline says so. Nothing else changes: the claim is never rejected because of a score.
     */
    void noteAgentReview(String note, Instant now) {
        record(now, Actor.SYSTEM, "REVIEW_MARKED", status, "return-abuse-score", note, null);
    }

    /**
     * A holiday extension gives the party to act {@code by} more time: the due time and the deadline move, and the
     * timeline records the old and the new due time.
     */
    void extendDueTime(Duration by, String note, Instant now) {
        if (!status.isOpen() || dueAt == null) {
            throw new TransitionRejected("claim.rejected.state");
        }
        dueAt = dueAt.plus(by);
        if (deadlineAt != null) {
            deadlineAt = deadlineAt.plus(by);
        }
        record(now, Actor.SYSTEM, "DUE_EXTENDED", status, "holiday-extension", note, null);
    }
}
