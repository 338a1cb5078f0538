package dev.aftersales.arbitration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.arbitration.internal.AbuseFlag;
import dev.aftersales.arbitration.internal.AbuseFlagRepository;
import dev.aftersales.arbitration.internal.Assignment;
import dev.aftersales.arbitration.internal.AssignmentRepository;
import dev.aftersales.arbitration.internal.Decision;
import dev.aftersales.arbitration.internal.DecisionRepository;
import dev.aftersales.arbitration.internal.Penalty;
import dev.aftersales.arbitration.internal.PenaltyRepository;
import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Ruling;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;

/**
 * Platform intervention as agents make it: take and release a case (exclusively), ask for evidence, decide with the
 * money, penalties and flags that go with it, decide an appeal (another agent). Claims are moved through the claims
 * module's {@link ClaimInterventions}; what other modules learn is published as {@link AgentDecided},
 * {@link SellerPenalized} and {@link BuyerFlaggedForAbuse}.
 */
@Service
public class ArbitrationManagement {

    private final ClaimInterventions claims;
    private final AssignmentRepository assignments;
    private final DecisionRepository decisions;
    private final PenaltyRepository penalties;
    private final AbuseFlagRepository flags;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    ArbitrationManagement(ClaimInterventions claims, AssignmentRepository assignments, DecisionRepository decisions,
            PenaltyRepository penalties, AbuseFlagRepository flags, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.claims = claims;
        this.assignments = assignments;
        this.decisions = decisions;
        this.penalties = penalties;
        this.flags = flags;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    // ------------------------------------------------------------------------------------------ assignment

    /**
     * The agent takes the case from the queue. Exclusive: when another agent holds it (or takes it at the same
     * moment), this one is refused with that agent's name. Taking a case one already holds changes nothing.
     */
    public void take(long claimId, CurrentUser agent) {
        requireAgent(agent, claimId);
        try {
            tx.executeWithoutResult(s -> takeInTransaction(claims.claim(claimId), agent));
        } catch (DataIntegrityViolationException race) {
            throw takenBy(claimId);
        }
    }

    private Assignment takeInTransaction(Claim claim, CurrentUser agent) {
        if (!ClaimInterventions.WITH_PLATFORM.contains(claim.status())) {
            throw new ArbitrationRefused("arbitration.refused.notInQueue");
        }
        if (claim.onAppeal() && Objects.equals(claim.decision().byId(), agent.accountId())) {
            throw new ArbitrationRefused("arbitration.refused.sameAgent");
        }
        Optional<Assignment> open = assignments.openFor(claim.id());
        if (open.isPresent()) {
            if (open.get().agentId() == agent.accountId()) {
                return open.get();
            }
            throw new ArbitrationRefused("arbitration.refused.taken", open.get().agentName());
        }
        return assignments.saveAndFlush(new Assignment(claim.id(), agent.accountId(), agent.displayName(),
                claim.onAppeal(), clock.instant()));
    }

    private ArbitrationRefused takenBy(long claimId) {
        String name = tx.execute(s -> assignments.openFor(claimId).map(Assignment::agentName).orElse("?"));
        return new ArbitrationRefused("arbitration.refused.taken", name);
    }

    /** The agent gives the case back to the queue. */
    public void release(long claimId, CurrentUser agent) {
        requireAgent(agent, claimId);
        tx.executeWithoutResult(s -> {
            Assignment mine = mine(claimId, agent);
            mine.release("RELEASED", clock.instant());
            assignments.save(mine);
        });
    }

    /** Who holds the case now, if anyone. */
    public Optional<String> holder(long claimId) {
        return tx.execute(s -> assignments.openFor(claimId).map(Assignment::agentName));
    }

    /** The account of the agent holding the case now, if anyone (notifications tell them when it is back). */
    public Optional<Long> holderId(long claimId) {
        return tx.execute(s -> assignments.openFor(claimId).map(Assignment::agentId));
    }

    private Assignment mine(long claimId, CurrentUser agent) {
        Assignment open = assignments.openFor(claimId)
                .orElseThrow(() -> new ArbitrationRefused("arbitration.refused.notTaken"));
        if (open.agentId() != agent.accountId()) {
            throw new ArbitrationRefused("arbitration.refused.taken", open.agentName());
        }
        return open;
    }

    // ------------------------------------------------------------------------------------------ evidence

    /** The agent holding the case asks the buyer, the seller or both for evidence, due after {@code within}. */
    public void requestEvidence(long claimId, CurrentUser agent, Long version, Party from, String what,
            Duration within) {
        requireAgent(agent, claimId);
        tx.executeWithoutResult(s -> {
            mine(claimId, agent);
            Instant due = within == null ? null : clock.instant().plus(within);
            claims.requestEvidence(claimId, agent, version, from, what, due);
        });
    }

    /** A party answers the evidence request (agents are refused: they cannot act as a party). */
    public void answerEvidence(long claimId, CurrentUser party, Long version, String text,
            List<EvidenceUpload> files) {
        claims.answerEvidence(claimId, party, version, text, files);
    }

    /** A party appeals the decision (once per party, within the window). */
    public void appeal(long claimId, CurrentUser party, Long version, String statement, List<EvidenceUpload> files) {
        claims.appeal(claimId, party, version, statement, files);
    }

    // ------------------------------------------------------------------------------------------ decisions

    /**
     * The agent decides: the claim moves, its money goes through the ledger, the decision and any penalty or flag
     * are recorded, the assignment ends. A case nobody holds is taken by the deciding agent; a case another agent
     * holds (or decides at the same moment) is refused. On appeal a different agent than the first decides, and
     * that decision is final.
     */
    public long decide(long claimId, CurrentUser agent, Long version, DecisionCommand command) {
        requireAgent(agent, claimId);
        try {
            return Objects.requireNonNull(tx.execute(s -> decideInTransaction(claimId, agent, version, command)));
        } catch (DataIntegrityViolationException race) {
            throw takenBy(claimId);
        }
    }

    private long decideInTransaction(long claimId, CurrentUser agent, Long version, DecisionCommand command) {
        Claim claim = claims.claim(claimId);
        boolean appeal = claim.onAppeal();
        Assignment assignment = takeInTransaction(claim, agent);
        validatePenaltyAndFlag(command);
        PolicyClause clause = command.clause() == null ? null : PolicyClause.byCode(command.clause().strip());
        if (clause == null) {
            throw new ArbitrationRefused("arbitration.refused.clause");
        }
        if (!clause.appliesTo(claim.type())) {
            throw new ArbitrationRefused("arbitration.refused.clauseType", clause.code());
        }
        DecisionOutcome outcome = command.outcome();
        Money amount = command.amount();
        boolean upheld = false;
        if (appeal && (outcome == null || sameAsFirst(claim, outcome, amount))) {
            outcome = DecisionOutcome.valueOf(claim.decision().ruling().name());
            amount = claim.decisionAmount();
            upheld = true;
        }
        if (outcome == null) {
            throw new ArbitrationRefused("arbitration.refused.outcome");
        }
        CostBearer bearer = command.costBearer() != null ? command.costBearer()
                : defaultBearer(claim.type(), claim.reason());
        ClaimInterventions.RulingApplied applied = claims.decide(claimId, agent, version,
                Ruling.valueOf(outcome.name()), amount, command.rationale(), clause == null ? null : clause.code(),
                bearer);
        Instant now = applied.decidedAt();
        Money refund = applied.refund() == null ? Money.zero(applied.moved().currency()) : applied.refund();
        Decision decision = decisions.saveAndFlush(new Decision(claimId, applied.shopId(), applied.buyerId(),
                applied.type(), appeal, agent.accountId(), agent.displayName(), outcome, upheld, refund,
                new Money(Math.max(-applied.moved().minor(), 0), refund.currency()), bearer,
                command.rationale().strip(), clause.code(), applied.dueAt(), now, applied.withinSla()));
        assignment.release("DECIDED", now);
        assignments.save(assignment);
        boolean sellerAtFault = bearer == CostBearer.SELLER && outcome != DecisionOutcome.REJECT;
        events.publishEvent(new AgentDecided(claimId, applied.claimNumber(), applied.orderId(), applied.shopId(),
                applied.buyerId(), agent.accountId(), outcome, bearer, sellerAtFault, appeal,
                applied.moved().isPositive() ? applied.moved().minor() : null, clause.code(), now));
        if (command.penalty() != null) {
            int points = command.penalty() == PenaltyKind.POINTS ? command.penaltyPoints() : 0;
            long deduction = command.penalty() == PenaltyKind.DEPOSIT_DEDUCTION ? command.deduction().minor() : 0;
            Penalty penalty = penalties.saveAndFlush(new Penalty(claimId, decision.id(), applied.shopId(),
                    agent.accountId(), command.penalty(), points, deduction, command.penaltyReason().strip(), now));
            events.publishEvent(new SellerPenalized(penalty.id(), claimId, applied.shopId(), agent.accountId(),
                    penalty.kind(), points, deduction, penalty.reason(), now));
        }
        if (command.abuseReason() != null && !command.abuseReason().isBlank()) {
            AbuseFlag flag = flags.saveAndFlush(new AbuseFlag(claimId, decision.id(), applied.buyerId(),
                    agent.accountId(), command.abuseReason().strip(), now));
            events.publishEvent(new BuyerFlaggedForAbuse(flag.id(), claimId, applied.buyerId(), agent.accountId(),
                    flag.reason(), now));
        }
        return decision.id();
    }

    private static boolean sameAsFirst(Claim claim, DecisionOutcome outcome, Money amount) {
        if (claim.decision().ruling() == null || !claim.decision().ruling().name().equals(outcome.name())) {
            return false;
        }
        return outcome != DecisionOutcome.PARTIAL_REFUND || Objects.equals(claim.decisionAmount(), amount);
    }

    private static void validatePenaltyAndFlag(DecisionCommand command) {
        if (command.penalty() != null) {
            if (command.penaltyReason() == null || command.penaltyReason().isBlank()) {
                throw new ArbitrationRefused("arbitration.refused.penaltyReason");
            }
            if (command.penalty() == PenaltyKind.POINTS && (command.penaltyPoints() < 1
                    || command.penaltyPoints() > 48)) {
                throw new ArbitrationRefused("arbitration.refused.penaltyPoints");
            }
            if (command.penalty() == PenaltyKind.DEPOSIT_DEDUCTION && (command.deduction() == null
                    || !command.deduction().isPositive())) {
                throw new ArbitrationRefused("arbitration.refused.deduction");
            }
        }
        if (command.abuseReason() != null && command.abuseReason().length() > 1000
                || command.penaltyReason() != null && command.penaltyReason().length() > 1000) {
            throw new ArbitrationRefused("arbitration.refused.tooLong", 1000);
        }
    }

    /**
     * Who bears a decision's money by the claim's reason: the carrier for a parcel lost in transit, the platform for
     * its own oversell cancellations, the seller otherwise (short shipment, quality, deadlines).
     */
    public static CostBearer defaultBearer(ClaimType type, ClaimReason reason) {
        return switch (type) {
            case NOT_RECEIVED -> CostBearer.CARRIER;
            case ORDER_CANCELLED -> CostBearer.PLATFORM;
            default -> CostBearer.SELLER;
        };
    }

    // ------------------------------------------------------------------------------------------ reading

    /** The decisions of a claim, first then appeal. */
    List<Decision> decisionsOf(long claimId) {
        return decisions.findByClaimIdOrderByDecidedAtAscIdAsc(claimId);
    }

    private static void requireAgent(CurrentUser agent, long claimId) {
        if (agent == null || !agent.isPlatformStaff()) {
            throw new NotFound("Claim", claimId);
        }
    }

    /** Whether the claim waits for an agent (the queue's statuses). */
    static boolean withPlatform(ClaimStatus status) {
        return ClaimInterventions.WITH_PLATFORM.contains(status);
    }
}
