package dev.aftersales.claims;

import static dev.aftersales.claims.TimelineAction.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;

/**
 * An after-sales case about one order. The state machine lives here: each business move is one method that checks
 * who may make it in which state, changes the state, names the party to act and the due time, appends one timeline
 * entry ({@link TimelineAction}), and registers a {@link ClaimTransitioned} event. Moves that need money ask for it
 * through {@link #drainEffects()}, applied by the service in the same transaction. Nothing here is ever deleted.
 * <p>
 * This class is longer than the project's usual 500 lines on purpose: it is the one place that knows which move is
 * allowed for whom, in which status and when, so every transition of every claim type (buyer negotiation, system
 * cases, the platform's intervention) stays in it, and the moves are package-private, reached only through the
 * module's services. What is not a transition lives beside it: the move table in {@link ClaimAction}, the state of
 * each leg in value objects ({@link Proposal}, {@link Inspection}, {@link SystemOffer}, {@link EvidenceRequest},
 * {@link PlatformDecision}, {@link Appeal}), a ruling's money in {@link DecisionMoney}, and the spread of a refund
 * over the lines in {@link RefundSpread}.
 */
@Entity
@Table(name = "claims")
public class Claim extends AbstractAggregateRoot<Claim> {

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

    @Embedded
    private Proposal proposal = Proposal.NONE;

    @Column(length = 2000)
    private String rejectionReason;

    @Column(nullable = false)
    private boolean escalationAllowed;

    @Embedded
    private Inspection inspection = Inspection.NONE;

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

    @Embedded
    private SystemOffer offer = SystemOffer.NONE;

    /** Why the claim needs an agent's review (the risk module marks buyers whose return-abuse verdict says so). */
    @Column(length = 500)
    private String reviewReason;

    @Embedded
    private EvidenceRequest evidenceRequest = EvidenceRequest.NONE;

    @Embedded
    private PlatformDecision decision = PlatformDecision.NONE;

    @Embedded
    private Appeal appeal = Appeal.NONE;

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
    static Claim file(ClaimDraft draft, Actor buyer, ClaimClock clock, Instant now) {
        if (buyer.role() != ActorRole.BUYER) {
            throw new TransitionRejected("claim.rejected.notBuyer");
        }
        Claim claim = new Claim(draft, now);
        claim.moveTo(ClaimStatus.AWAITING_SELLER, Party.SELLER, now.plus(clock.sellerFirstResponse()));
        claim.record(now, buyer, FILED, null, null, draft.description(), claim.requestedAmountMinor);
        return claim;
    }

    /** The system opens a claim (NO_TRACKING, DELISTED, ORDER_CANCELLED) in the status its type starts in. */
    static Claim open(ClaimDraft draft, Actor opener, ClaimStatus start, Instant dueAt, String rule,
            Instant now) {
        Claim claim = new Claim(draft, now);
        claim.moveTo(start, start.defaultParty(), dueAt);
        claim.record(now, opener, OPENED, null, rule, draft.description(), claim.requestedAmountMinor);
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
        registerEvent(new ClaimTransitioned(id, claimNumber, orderId, shopId, buyerId, type, first.action().name(),
                null, status, first.actorRole(), first.actorId(), partyToAct, dueAt, first.at(), requestedAmountMinor,
                first.rule()));
        return this;
    }

    /** Hands over the events registered so far, so the caller publishes them itself (they are not published twice). */
    List<Object> takeEvents() {
        List<Object> taken = new ArrayList<>(domainEvents());
        clearDomainEvents();
        return taken;
    }

    // ---------------------------------------------------------------------------------------------- fast track

    /** The system approves a small claim from a buyer in good standing at once (docs/rules.md#fast-track). */
    void fastTrack(String explanation, Instant now) {
        requireStatus(ClaimStatus.AWAITING_SELLER);
        if (remedy != Remedy.REFUND) {
            throw new TransitionRejected("claim.rejected.state");
        }
        fastTracked = true;
        fastTrackRule = explanation;
        refund(requestedAmount(), "FAST_TRACK", CostBearer.SELLER);
        transition(now, Actor.SYSTEM, FAST_TRACKED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                now.plus(ClaimClock.REFUND_PAYOUT), "fast-track", explanation, requestedAmountMinor);
    }

    // ---------------------------------------------------------------------------------------------- seller moves

    /** The seller accepts what the buyer asked for. */
    void accept(Actor seller, ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireMove(ClaimAction.ACCEPT);
        grantRequestedRemedy(seller, ACCEPTED, null, clock, now);
    }

    /**
     * One of the shop's automation rules accepts for the seller: on the timeline as the shop's rule, by its name,
     * with the facts it used.
     */
    void acceptByShopRule(String ruleName, String facts, ClaimClock clock, Instant now) {
        requireMove(ClaimAction.ACCEPT);
        grantRequestedRemedy(new Actor(ActorRole.SELLER, null, ruleName), ACCEPTED_BY_SHOP_RULE, "shop-rule",
                facts, clock, now);
    }

    /**
     * One of the shop's automation rules proposes to reship the missing units for the seller: as the seller's
     * proposal, by the rule's name, with the facts it used.
     */
    void proposeReshipByShopRule(String ruleName, String note, String facts, ClaimClock clock, Instant now) {
        Actor rule = new Actor(ActorRole.SELLER, null, ruleName);
        propose(rule, Remedy.RESHIP, null, note, clock, now);
        TimelineEntry last = timeline.get(timeline.size() - 1);
        last.citeShopRule(facts);
    }

    private void grantRequestedRemedy(Actor actor, TimelineAction action, String rule, ClaimClock clock,
            Instant now) {
        grantRequestedRemedy(actor, action, rule, null, clock, now);
    }

    private void grantRequestedRemedy(Actor actor, TimelineAction action, String rule, String note,
            ClaimClock clock, Instant now) {
        switch (remedy) {
            case REFUND -> {
                refund(requestedAmount(), action.name(), CostBearer.SELLER);
                transition(now, actor, action, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), rule, note, requestedAmountMinor);
            }
            case RESHIP -> transition(now, actor, action, ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                    now.plus(clock.sellerReshipment()), rule, note, null);
            case RETURN_AND_REFUND, EXCHANGE -> transition(now, actor, action, ClaimStatus.AWAITING_RETURN_SHIPMENT,
                    Party.BUYER, now.plus(clock.buyerReturnShipment()), rule, note, null);
            default -> throw new TransitionRejected("claim.rejected.remedy");
        }
    }

    /**
     * The seller proposes something else: a partial refund, a reshipment, an exchange, or a return for refund.
     */
    void propose(Actor seller, Remedy alternative, Money amount, String note, ClaimClock clock,
            Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireMove(ClaimAction.PROPOSE);
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
        proposal = new Proposal(alternative, alternative == Remedy.REFUND ? amount.minor() : null, note);
        transition(now, seller, TimelineAction.proposed(alternative), ClaimStatus.PROPOSAL_PENDING, Party.BUYER,
                now.plus(clock.buyerAnswer()), null, note, proposal().amountMinor());
    }

    /** The seller rejects the claim with a reason (and, through the service, evidence). */
    void reject(Actor seller, String why, ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireMove(ClaimAction.REJECT);
        requireText(why, "claim.rejected.reasonRequired");
        rejectionReason = why;
        escalationAllowed = true;
        transition(now, seller, REJECTED, ClaimStatus.REJECTED_BY_SELLER, Party.BUYER,
                now.plus(clock.buyerAnswer()), null, why, null);
    }

    /** The seller enters the tracking number of the reshipment (or the exchange's replacement). */
    void reshipped(Actor seller, long shipmentId, String trackingNumber, ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireMove(ClaimAction.RESHIP);
        reshipmentShipmentId = shipmentId;
        transition(now, seller, RESHIPPED, ClaimStatus.RESHIPMENT_IN_TRANSIT, Party.BUYER,
                now.plus(clock.parcelDelivery()), null, trackingNumber, null);
    }

    /**
     * The seller confirms the return arrived, with what they found. As sold: the refund is paid (or, for an
     * exchange, the replacement is due). Otherwise the seller states the refund they consider fair (possibly
     * nothing) and the buyer accepts it or rejects it and may escalate: nobody is refused silently.
     */
    void confirmReturn(Actor seller, InspectionResult result, String note, Money offeredRefund,
            ClaimClock clock, Instant now) {
        requireRole(seller, ActorRole.SELLER);
        requireMove(ClaimAction.CONFIRM_RETURN);
        inspection = new Inspection(result, note);
        if (result == InspectionResult.AS_SOLD) {
            if (remedy == Remedy.EXCHANGE) {
                transition(now, seller, RETURN_CONFIRMED, ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                        now.plus(clock.sellerReshipment()), null, note, null);
            } else {
                refund(requestedAmount(), "RETURN_CONFIRMED", CostBearer.SELLER);
                transition(now, seller, RETURN_CONFIRMED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), null, note, requestedAmountMinor);
            }
            return;
        }
        requireText(note, "claim.rejected.inspectionNote");
        long offered = offeredRefund == null ? 0 : offeredRefund.minor();
        if (offered < 0 || offered > linesAmount().minor()) {
            throw new TransitionRejected("claim.rejected.partialAmount", linesAmount().format());
        }
        proposal = new Proposal(Remedy.REFUND, offered, note);
        escalationAllowed = true;
        transition(now, seller, TimelineAction.inspected(result), ClaimStatus.PROPOSAL_PENDING, Party.BUYER,
                now.plus(clock.buyerAnswer()), null, note, offered);
    }

    // ---------------------------------------------------------------------------------------------- buyer moves

    /** The buyer takes the seller's proposal. */
    void acceptProposal(Actor buyer, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireMove(ClaimAction.ACCEPT_PROPOSAL);
        switch (proposal().remedy()) {
            case REFUND -> {
                if (proposal().refundsNothing()) {
                    transition(now, buyer, PROPOSAL_ACCEPTED, ClaimStatus.WITHDRAWN, Party.NONE, null, null,
                            null, 0L);
                    end(Outcome.WITHDRAWN, now);
                    return;
                }
                refund(new Money(proposal().amountMinor(), currency), "PROPOSAL_ACCEPTED", CostBearer.SELLER);
                transition(now, buyer, PROPOSAL_ACCEPTED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), null, null, proposal().amountMinor());
            }
            case RESHIP -> {
                remedy = Remedy.RESHIP;
                transition(now, buyer, PROPOSAL_ACCEPTED, ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                        now.plus(clock.sellerReshipment()), null, null, null);
            }
            case EXCHANGE, RETURN_AND_REFUND -> {
                remedy = proposal().remedy();
                transition(now, buyer, PROPOSAL_ACCEPTED, ClaimStatus.AWAITING_RETURN_SHIPMENT, Party.BUYER,
                        now.plus(clock.buyerReturnShipment()), null, null, null);
            }
            default -> throw new TransitionRejected("claim.rejected.state");
        }
    }

    /** The buyer turns the proposal down: the seller answers again, and the buyer may now escalate. */
    void rejectProposal(Actor buyer, String why, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireMove(ClaimAction.REJECT_PROPOSAL);
        requireText(why, "claim.rejected.reasonRequired");
        escalationAllowed = true;
        boolean afterInspection = inspection().foundFault();
        transition(now, buyer, PROPOSAL_REJECTED,
                afterInspection ? ClaimStatus.AWAITING_RETURN_CONFIRMATION : ClaimStatus.AWAITING_SELLER,
                Party.SELLER, now.plus(afterInspection ? clock.sellerReturnConfirmation() : clock.sellerFirstResponse()),
                null, why, null);
    }

    /** The buyer enters the tracking number of the return parcel. */
    void returnShipped(Actor buyer, long shipmentId, String trackingNumber, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireMove(ClaimAction.SHIP_RETURN);
        returnShipmentId = shipmentId;
        transition(now, buyer, RETURN_SHIPPED, ClaimStatus.RETURN_IN_TRANSIT, Party.CARRIER,
                now.plus(clock.parcelDelivery()), null, trackingNumber, null);
    }

    /** The buyer confirms the reshipped or exchanged goods arrived. */
    void confirmReceived(Actor buyer, Instant now) {
        requireOwnBuyer(buyer);
        requireMove(ClaimAction.CONFIRM_RECEIVED);
        transition(now, buyer, RECEIVED, ClaimStatus.RESOLVED, Party.NONE, null, null, null, null);
        end(remedy == Remedy.EXCHANGE ? Outcome.EXCHANGED : Outcome.RESHIPPED, now);
    }

    /** Whether the buyer may still withdraw. */
    public boolean canWithdraw() {
        return ClaimAction.WITHDRAW.allowedIn(status);
    }

    /** The buyer withdraws the claim. */
    void withdraw(Actor buyer, String why, Instant now) {
        requireOwnBuyer(buyer);
        if (!canWithdraw()) {
            throw new TransitionRejected("claim.rejected.state");
        }
        transition(now, buyer, WITHDRAWN, ClaimStatus.WITHDRAWN, Party.NONE, null, null, why, null);
        end(Outcome.WITHDRAWN, now);
    }

    /**
     * The buyer or the seller asks the platform to step in: the buyer after a seller rejection, a rejected
     * proposal or a missed seller deadline; the seller while it is their move.
     */
    void escalate(Actor actor, String why, ClaimClock clock, Instant now) {
        requireText(why, "claim.rejected.reasonRequired");
        if (!canEscalate(actor, now)) {
            throw new TransitionRejected("claim.rejected.escalation");
        }
        transition(now, actor, ESCALATED, ClaimStatus.AWAITING_AGENT, Party.AGENT,
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
        transition(at, Actor.CARRIER, RETURN_DELIVERED, ClaimStatus.AWAITING_RETURN_CONFIRMATION, Party.SELLER,
                at.plus(clock.sellerReturnConfirmation()), null, null, null);
    }

    /** The carrier delivered the reshipment: the claim is resolved. */
    void reshipmentDelivered(Instant at) {
        if (status != ClaimStatus.RESHIPMENT_IN_TRANSIT) {
            return;
        }
        transition(at, Actor.CARRIER, RESHIPMENT_DELIVERED, ClaimStatus.RESOLVED, Party.NONE, null, null, null,
                null);
        end(remedy == Remedy.EXCHANGE ? Outcome.EXCHANGED : Outcome.RESHIPPED, at);
    }

    /**
     * The payment provider confirmed a refund of the claim.
     *
     * @param amount    the refund confirmed
     * @param confirmed what the provider has confirmed of the claim's refunds in all, net of reversals (from the
     *                  ledger): confirming the same refund twice changes nothing
     */
    void refundPaid(Money amount, Money confirmed, Instant at) {
        refundedAmountMinor = confirmed.minor();
        if (status != ClaimStatus.REFUND_PENDING) {
            return;
        }
        transition(at, Actor.SYSTEM, REFUND_PAID, ClaimStatus.RESOLVED, Party.NONE, null, null, null,
                amount.minor());
        end(refundedAmountMinor >= requestedAmountMinor ? Outcome.REFUNDED : Outcome.PARTIALLY_REFUNDED, at);
    }

    /**
     * The due time passed: apply the written consequence of the current status (docs/rules.md#deadlines), as the
     * system, naming the rule. Does nothing when the deadline has not come (two nodes, or a move that just happened).
     */
    void onDeadline(ClaimClock clock, Instant now) {
        if (deadlineAt == null || deadlineAt.isAfter(now)) {
            return;
        }
        switch (status) {
            case AWAITING_SELLER -> grantRequestedRemedy(Actor.SYSTEM, AUTO_ACCEPTED, "seller-first-response",
                    clock, now);
            case PROPOSAL_PENDING, REJECTED_BY_SELLER -> expire("buyer-answer", now);
            case AWAITING_RETURN_SHIPMENT -> expire("buyer-return-shipment", now);
            case AWAITING_RETURN_CONFIRMATION -> {
                refund(requestedAmount(), "RETURN_NOT_CONFIRMED", CostBearer.SELLER);
                transition(now, Actor.SYSTEM, AUTO_REFUNDED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), "seller-return-confirmation", null, requestedAmountMinor);
            }
            case AWAITING_RESHIPMENT -> {
                Money amount = linesAmount();
                refund(amount, "RESHIPMENT_MISSED", CostBearer.SELLER);
                transition(now, Actor.SYSTEM, AUTO_REFUNDED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), "seller-reshipment", null, amount.minor());
            }
            case RETURN_IN_TRANSIT -> escalateBySystem("return-not-delivered", clock, now);
            case RESHIPMENT_IN_TRANSIT -> escalateBySystem("reshipment-not-delivered", clock, now);
            case REFUND_PENDING -> escalateBySystem("refund-not-paid", clock, now);
            case AWAITING_TRACKING -> {
                compensateLateShipment();
                refund(requestedAmount(), "NO_TRACKING", CostBearer.SELLER);
                transition(now, Actor.SYSTEM, AUTO_REFUNDED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), "tracking-supply", null, requestedAmountMinor);
            }
            case AWAITING_BUYER_CHOICE -> {
                remedy = Remedy.REFUND;
                refund(requestedAmount(), "UNAVAILABLE", CostBearer.SELLER);
                transition(now, Actor.SYSTEM, CHOICE_DEFAULTED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                        now.plus(clock.refundPayout()), "buyer-choice", null, requestedAmountMinor);
            }
            // platform intervention (see the marked block below)
            case AWAITING_EVIDENCE -> evidenceTimedOut(clock, now);
            case AWAITING_AGENT -> agentSlaBreached(now);
            case DECIDED -> closeAfterAppealWindow(now);
            default -> deadlineAt = null;
        }
    }

    private void expire(String rule, Instant now) {
        transition(now, Actor.SYSTEM, EXPIRED, ClaimStatus.WITHDRAWN, Party.NONE, null, rule, null, null);
        end(Outcome.WITHDRAWN, now);
    }

    /** Nothing may wait forever: when no rule can settle it, the claim goes to a platform agent. */
    void escalateBySystem(String rule, ClaimClock clock, Instant now) {
        transition(now, Actor.SYSTEM, AUTO_ESCALATED, ClaimStatus.AWAITING_AGENT, Party.AGENT,
                now.plus(clock.agentDecision()), rule, null, null);
    }

    // ---------------------------------------------------------------------------------------------- system-opened cases
    // (NO_TRACKING, DELISTED, ORDER_CANCELLED: opened with open(...), then moved by these)

    /** What the policy grants the buyer in this case on top of any refund; the substitute offered, if any. */
    void offer(Money compensation, String substituteSku, String substituteTitle) {
        this.offer = new SystemOffer(compensation == null || !compensation.isPositive() ? null
                : compensation.minor(), substituteSku);
        if (substituteSku != null) {
            this.proposal = new Proposal(Remedy.SUBSTITUTE, null, substituteTitle + " (" + substituteSku + ")");
        }
    }

    /** ORDER_CANCELLED: the whole refund and the compensation are paid at once, by the platform. */
    void settleCancellation() {
        if (type != ClaimType.ORDER_CANCELLED || status != ClaimStatus.REFUND_PENDING || refundsRequested > 0) {
            throw new TransitionRejected("claim.rejected.state");
        }
        if (requestedAmountMinor > 0) {
            refund(requestedAmount(), "ORDER_CANCELLED", CostBearer.PLATFORM);
        }
        if (offer().compensationMinor() != null) {
            effects.add(new ClaimEffect.Compensate("order-" + orderId + "-oversold",
                    new Money(offer().compensationMinor(), currency), "OVERSOLD", CostBearer.PLATFORM));
        }
    }

    /** DELISTED: the compensation for the cancelled lines, paid when the seller cancels them. */
    void compensateCancellation(String why) {
        if (type != ClaimType.DELISTED || offer().compensationMinor() == null) {
            return;
        }
        effects.add(new ClaimEffect.Compensate("cancelled-lines", new Money(offer().compensationMinor(), currency), why,
                CostBearer.SELLER));
    }

    /** NO_TRACKING: late shipment is compensated once per order, whichever claim of the order asks first. */
    private void compensateLateShipment() {
        if (type == ClaimType.NO_TRACKING && offer().compensationMinor() != null) {
            effects.add(new ClaimEffect.Compensate("order-" + orderId + "-late-shipment",
                    new Money(offer().compensationMinor(), currency), "LATE_SHIPMENT", CostBearer.SELLER));
        }
    }

    /**
     * NO_TRACKING: a valid tracking number was supplied (on the claim page, the ship page or by the storefront):
     * the case is resolved and the late shipment compensated.
     */
    void trackingSupplied(Actor actor, String trackingNumber, Instant now) {
        requireMove(ClaimAction.SUPPLY_TRACKING);
        if (actor.role() != ActorRole.SELLER && actor.role() != ActorRole.SYSTEM
                && actor.role() != ActorRole.CARRIER) {
            throw new TransitionRejected("claim.rejected.role");
        }
        compensateLateShipment();
        transition(now, actor, TRACKING_SUPPLIED, ClaimStatus.RESOLVED, Party.NONE, null, null, trackingNumber,
                null);
        end(Outcome.TRACKING_SUPPLIED, now);
    }

    /** DELISTED: the buyer takes the refund for the cancelled units, paid at once. */
    void chooseRefund(Actor buyer, ClaimClock clock, Instant now) {
        requireOwnBuyer(buyer);
        requireMove(ClaimAction.CHOOSE);
        remedy = Remedy.REFUND;
        refund(requestedAmount(), "UNAVAILABLE", CostBearer.SELLER);
        transition(now, buyer, CHOSE_REFUND, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                now.plus(clock.refundPayout()), null, null, requestedAmountMinor);
    }

    /**
     * DELISTED: the platform cancelled the order before the buyer chose: no substitute ships with a cancelled order,
     * so the cancelled units are refunded now, as the buyer's silence would have them refunded (the order's
     * ORDER_CANCELLED case then refunds what is left). Any other claim is left as it is.
     */
    void orderCancelled(ClaimClock clock, Instant now) {
        if (type != ClaimType.DELISTED || status != ClaimStatus.AWAITING_BUYER_CHOICE) {
            return;
        }
        remedy = Remedy.REFUND;
        refund(requestedAmount(), "UNAVAILABLE", CostBearer.SELLER);
        transition(now, Actor.SYSTEM, CHOICE_DEFAULTED, ClaimStatus.REFUND_PENDING, Party.SYSTEM,
                now.plus(clock.refundPayout()), "order-cancelled", null, requestedAmountMinor);
    }

    /** DELISTED: the buyer takes the substitute the seller offered; it ships with the order. */
    void chooseSubstitute(Actor buyer, Instant now) {
        requireOwnBuyer(buyer);
        requireMove(ClaimAction.CHOOSE);
        if (offer().substituteSku() == null) {
            throw new TransitionRejected("watchers.rejected.noSubstitute");
        }
        remedy = Remedy.SUBSTITUTE;
        transition(now, buyer, CHOSE_SUBSTITUTE, ClaimStatus.RESOLVED, Party.NONE, null, null, proposal().note(),
                null);
        end(Outcome.SUBSTITUTED, now);
    }

    public Money compensation() {
        return offer().compensationMinor() == null ? null : new Money(offer().compensationMinor(), currency);
    }

    // ---------------------------------------------------------------------------------------------- mechanics

    private void refund(Money amount, String ledgerReason, CostBearer bearer) {
        refundsRequested++;
        effects.add(new ClaimEffect.Refund(refundsRequested, amount, refundLines(amount), ledgerReason, bearer));
    }

    /** Spreads an amount over the claimed lines in proportion to their value; the last line takes the rounding. */
    List<ClaimEffect.RefundLine> refundLines(Money amount) {
        return refundLines(amount, ClaimEffect.PriorRefunds.NONE);
    }

    /** Spreads a refund over the claimed lines after the claim's earlier refunds ({@link RefundSpread}). */
    List<ClaimEffect.RefundLine> refundLines(Money amount, ClaimEffect.PriorRefunds prior) {
        return RefundSpread.spread(lines, requestedAmountMinor, currency, amount, prior);
    }

    private void transition(Instant at, Actor actor, TimelineAction action, ClaimStatus to, Party party,
            Instant due, String rule, String note, Long amountMinor) {
        ClaimStatus from = status;
        moveTo(to, party, due);
        record(at, actor, action, from, rule, note, amountMinor);
        registerEvent(new ClaimTransitioned(id, claimNumber, orderId, shopId, buyerId, type, action.name(), from,
                to, actor.role(), actor.id(), party, due, at, amountMinor, rule));
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

    private void record(Instant at, Actor actor, TimelineAction action, ClaimStatus from, String rule, String note,
            Long amountMinor) {
        timeline.add(new TimelineEntry(at, actor, action, from, status, rule, note, amountMinor));
        updatedAt = at;
    }

    private void end(Outcome result, Instant at) {
        outcome = result;
        endedAt = at;
    }

    /**
     * The moves this viewer may make now: what a page offers. Each POST asks the claim again through the same rules.
     */
    Set<ClaimAction> allowedMoves(CurrentUser viewer, Instant now) {
        Set<ClaimAction> moves = EnumSet.noneOf(ClaimAction.class);
        if (!status.isOpen()) {
            return moves;
        }
        Actor actor = Actor.of(viewer);
        boolean buyer = viewer.isBuyer(buyerId);
        boolean seller = !buyer && viewer.isSellerOf(shopId);
        moves.add(ClaimAction.MESSAGE);
        Party side = buyer ? Party.BUYER : seller ? Party.SELLER : null;
        for (ClaimAction move : ClaimAction.values()) {
            if (side != null && move.side() == side && move.allowedIn(status)) {
                moves.add(move);
            }
        }
        if (canEscalate(actor, now)) {
            moves.add(ClaimAction.ESCALATE);
        }
        boolean party = buyer || viewer.isSellerOf(shopId);
        if (party && owesEvidence(actor)) {
            moves.add(ClaimAction.ANSWER_EVIDENCE);
        }
        if (party && canAppeal(actor, now)) {
            moves.add(ClaimAction.APPEAL);
        }
        return moves;
    }

    /**
     * Refuses, before anything else is done, a move the claim would refuse in its status: for the moves whose effect
     * starts outside the claim (a parcel registered with shipping first, a message stored beside the claim).
     */
    void check(ClaimAction move) {
        if (move == ClaimAction.MESSAGE) {
            if (!status.isOpen()) {
                throw new TransitionRejected("claim.rejected.closed");
            }
            return;
        }
        requireMove(move);
    }

    /** Refuses a move of {@link ClaimAction}'s table in a status it does not allow. */
    private void requireMove(ClaimAction move) {
        if (!move.allowedIn(status)) {
            throw new TransitionRejected("claim.rejected.state");
        }
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

    /** The proposal on the table (or last on it), {@link Proposal#NONE} when there never was one. */
    public Proposal proposal() {
        return proposal == null ? Proposal.NONE : proposal;
    }

    public Money proposalAmount() {
        return proposal().amountMinor() == null ? null : new Money(proposal().amountMinor(), currency);
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Inspection inspection() {
        return inspection == null ? Inspection.NONE : inspection;
    }

    public SystemOffer offer() {
        return offer == null ? SystemOffer.NONE : offer;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public EvidenceRequest evidenceRequest() {
        return evidenceRequest == null ? EvidenceRequest.NONE : evidenceRequest;
    }

    /** The platform's latest ruling, {@link PlatformDecision#NONE} before any. */
    public PlatformDecision decision() {
        return decision == null ? PlatformDecision.NONE : decision;
    }

    public Money decisionAmount() {
        return decision().amountMinor() == null ? null : new Money(decision().amountMinor(), currency);
    }

    public Appeal appeal() {
        return appeal == null ? Appeal.NONE : appeal;
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

    // ------------------------------------------------------------------------------------- platform intervention
    // An agent asks for evidence, a party answers (or the clock runs out), the agent rules, a party appeals once, a
    // second agent rules finally, the appeal window closes. Taking and releasing a case are assignments kept by the
    // arbitration module, not claim states. Driven through ClaimInterventions.

    /**
     * Marks the claim for an agent's review, with the reason (shown in the agent queue, filterable). Status and
     * party to act do not change.
     */
    void markForReview(String reason, Instant now) {
        requireText(reason, "claim.rejected.reasonRequired");
        String why = reason.strip();
        reviewReason = why.length() > 500 ? why.substring(0, 500) : why;
        record(now, Actor.SYSTEM, MARKED_FOR_REVIEW, status, "needs-review", reviewReason, null);
    }

    /**
     * The agent asks the buyer, the seller or both for specific evidence, to be answered by {@code due}.
     */
    void requestEvidence(Actor agent, Party from, String what, Instant due, Instant now) {
        requireRole(agent, ActorRole.AGENT);
        requireStatus(ClaimStatus.AWAITING_AGENT);
        requireText(what, "claim.rejected.evidenceRequest");
        if (from != Party.BUYER && from != Party.SELLER && from != Party.BOTH) {
            throw new TransitionRejected("claim.rejected.evidenceParty");
        }
        if (due == null || !due.isAfter(now)) {
            throw new TransitionRejected("claim.rejected.evidenceDue");
        }
        evidenceRequest = new EvidenceRequest(what.strip(), from);
        transition(now, agent, TimelineAction.evidenceRequested(from), ClaimStatus.AWAITING_EVIDENCE, from, due,
                null, evidenceRequest().what(), null);
    }

    /** Whether {@code actor} (the claim's buyer, or a seller of its shop) still owes an answer to the request. */
    public boolean owesEvidence(Actor actor) {
        if (status != ClaimStatus.AWAITING_EVIDENCE) {
            return false;
        }
        if (actor.role() == ActorRole.BUYER) {
            return actor.id() != null && actor.id() == buyerId
                    && (partyToAct == Party.BUYER || partyToAct == Party.BOTH);
        }
        return actor.role() == ActorRole.SELLER && (partyToAct == Party.SELLER || partyToAct == Party.BOTH);
    }

    /**
     * A party answers the evidence request (text, and files through the service). When both were asked and the
     * other has not answered yet, the claim keeps waiting for the other; otherwise it returns to the agent.
     */
    void answerEvidence(Actor party, String text, ClaimClock clock, Instant now) {
        if (!owesEvidence(party)) {
            throw new TransitionRejected(status == ClaimStatus.AWAITING_EVIDENCE ? "claim.rejected.role"
                    : "claim.rejected.state");
        }
        requireText(text, "claim.rejected.evidenceAnswer");
        if (partyToAct == Party.BOTH) {
            Party other = party.role() == ActorRole.BUYER ? Party.SELLER : Party.BUYER;
            transition(now, party, EVIDENCE_ANSWERED, ClaimStatus.AWAITING_EVIDENCE, other, dueAt,
                    null, text.strip(), null);
        } else {
            transition(now, party, EVIDENCE_ANSWERED, ClaimStatus.AWAITING_AGENT, Party.AGENT,
                    now.plus(clock.agentDecision()), null, text.strip(), null);
        }
    }

    /** The evidence request's due time passed: the agent decides on what is on file. */
    private void evidenceTimedOut(ClaimClock clock, Instant now) {
        transition(now, Actor.SYSTEM, EVIDENCE_TIMED_OUT, ClaimStatus.AWAITING_AGENT, Party.AGENT,
                now.plus(clock.agentDecision()), "evidence-answer", null, null);
    }

    /**
     * The agent's decision is overdue: the claim stays with the platform, shown as SLA-breached (its due time has
     * passed) and raised in the queue, which orders by due time. Recorded once.
     */
    private void agentSlaBreached(Instant now) {
        ClaimStatus from = status;
        deadlineAt = null;
        record(now, Actor.SYSTEM, AGENT_SLA_BREACHED, from, "agent-decision", null, null);
        registerEvent(new ClaimTransitioned(id, claimNumber, orderId, shopId, buyerId, type,
                AGENT_SLA_BREACHED.name(), from, status, ActorRole.SYSTEM, null, partyToAct, dueAt,
                now, null, "agent-decision"));
    }

    /** Whether the agent's decision time has passed (an SLA breach). */
    public boolean agentOverdue(Instant now) {
        return (status == ClaimStatus.AWAITING_AGENT || status == ClaimStatus.AWAITING_EVIDENCE) && dueAt != null
                && !dueAt.isAfter(now);
    }

    /**
     * An agent rules. A refund is recorded in the ledger with the cost bearer; a return or a reshipment opens that
     * leg as if the seller had agreed to it. A first ruling on a refund or a rejection opens the appeal window; a
     * ruling on appeal is final and closes the claim, moving only the difference to the first ruling's money
     * ({@link DecisionMoney}): a further refund, or a reversal taking back part of what the first ruling refunded (a
     * new ledger entry; the refund stays as it was).
     *
     * @param amount     the refund of a partial refund (ignored otherwise)
     * @param refundable what the order can still refund (the ledger re-checks under its lock)
     * @return the money moved to the buyer by this ruling, in fen negative when taken back, 0 when none
     */
    long decide(Actor agent, Ruling ruling, Money amount, String rationale, String clause, CostBearer bearer,
            Money refundable, ClaimClock clock, Instant now) {
        requireRole(agent, ActorRole.AGENT);
        requireStatus(ClaimStatus.AWAITING_AGENT);
        if (ruling == null) {
            throw new TransitionRejected("claim.rejected.ruling");
        }
        requireText(rationale, "claim.rejected.rationale");
        requireText(clause, "claim.rejected.clause");
        boolean onAppeal = appeal().by() != null;
        if (onAppeal && agent.id() != null && agent.id().equals(decision().byId())) {
            throw new TransitionRejected("claim.rejected.sameAgent");
        }
        DecisionMoney money = DecisionMoney.of(ruling, amount, requestedAmountMinor, linesAmount(), decision(),
                onAppeal, refundable);
        decision = new PlatformDecision(ruling, ruling.refunds() ? money.refundMinor() : null, rationale.strip(),
                clause, now, agent.id(), agent.name(), onAppeal);
        TimelineAction action = TimelineAction.decided(ruling, onAppeal);
        long moved = money.movedMinor();
        if (moved > 0) {
            refund(new Money(moved, currency), onAppeal ? "APPEAL_DECISION" : "AGENT_DECISION", bearer);
        } else if (moved < 0) {
            refundsRequested++;
            effects.add(new ClaimEffect.Reversal(refundsRequested, new Money(-moved, currency), "APPEAL_REVERSAL",
                    bearer));
        }
        Instant appealUntil = onAppeal ? null : now.plus(clock.appealWindow());
        appeal = appeal().openUntil(appealUntil);
        switch (ruling) {
            case REFUND_AFTER_RETURN -> {
                remedy = Remedy.RETURN_AND_REFUND;
                transition(now, agent, action, ClaimStatus.AWAITING_RETURN_SHIPMENT, Party.BUYER,
                        now.plus(clock.buyerReturnShipment()), clause, decision().rationale(), null);
            }
            case RESHIP -> {
                remedy = Remedy.RESHIP;
                transition(now, agent, action, ClaimStatus.AWAITING_RESHIPMENT, Party.SELLER,
                        now.plus(clock.sellerReshipment()), clause, decision().rationale(), null);
            }
            default -> {
                if (onAppeal) {
                    transition(now, agent, action, ClaimStatus.CLOSED, Party.NONE, null, clause,
                            decision().rationale(), money.shownMinor());
                    end(DecisionMoney.outcome(decision, requestedAmountMinor), now);
                } else {
                    // the desk carries the decision out (pays the refund) and closes the claim when the window ends
                    transition(now, agent, action, ClaimStatus.DECIDED, Party.SYSTEM, appealUntil, clause,
                            decision().rationale(), money.shownMinor());
                }
            }
        }
        return moved;
    }

    /**
     * The provider took back part of a refund (a reversal ordered on appeal).
     *
     * @param confirmed what the provider has confirmed of the claim's refunds in all, net of reversals (from the
     *                  ledger): a reversal confirmed twice is taken off once
     */
    void refundReversed(Money confirmed) {
        refundedAmountMinor = Math.max(confirmed.minor(), 0);
    }

    /** Whether {@code actor} may appeal the decision now: once per party, within the window, never a final one. */
    public boolean canAppeal(Actor actor, Instant now) {
        Instant until = appeal().until();
        if (!appealableStatus() || decision().finalRuling() || until == null || !now.isBefore(until)) {
            return false;
        }
        if (actor.role() == ActorRole.BUYER) {
            return actor.id() != null && actor.id() == buyerId && !appeal().usedBy(Party.BUYER);
        }
        return actor.role() == ActorRole.SELLER && !appeal().usedBy(Party.SELLER);
    }

    /**
     * A decision may be appealed while it is carried out by the desk (DECIDED) or, for a reshipment or a refund after
     * return, until the party starts the remedy leg (the seller ships, the buyer sends the return): an appeal stops
     * a remedy that has not begun.
     */
    private boolean appealableStatus() {
        Ruling ruling = decision().ruling();
        return status == ClaimStatus.DECIDED
                || (ruling == Ruling.RESHIP && status == ClaimStatus.AWAITING_RESHIPMENT)
                || (ruling == Ruling.REFUND_AFTER_RETURN && status == ClaimStatus.AWAITING_RETURN_SHIPMENT);
    }

    /** A party appeals the decision with a statement (and files, through the service): a second agent rules. */
    void appeal(Actor party, String statement, ClaimClock clock, Instant now) {
        requireText(statement, "claim.rejected.appealStatement");
        if (!canAppeal(party, now)) {
            throw new TransitionRejected("claim.rejected.appeal");
        }
        appeal = appeal().filedBy(party.role() == ActorRole.BUYER ? Party.BUYER : Party.SELLER, statement.strip());
        transition(now, party, APPEALED, ClaimStatus.AWAITING_AGENT, Party.AGENT,
                now.plus(clock.agentDecision()), null, appeal().statement(), null);
    }

    /** The appeal window passed without an appeal: the decision stands and the claim closes. */
    private void closeAfterAppealWindow(Instant now) {
        transition(now, Actor.SYSTEM, CLOSED_AFTER_APPEAL_WINDOW, ClaimStatus.CLOSED, Party.NONE,
                null, "appeal-window", null, null);
        end(DecisionMoney.outcome(decision(), requestedAmountMinor), now);
    }

    /** The claim waits for an agent's ruling on an appeal. */
    public boolean onAppeal() {
        return appeal().by() != null && !decision().finalRuling() && status == ClaimStatus.AWAITING_AGENT;
    }

    // ----------------------------------------------------------------------------------------- holiday extension

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
        record(now, Actor.SYSTEM, DUE_EXTENDED, status, "holiday-extension", note, null);
    }
}
