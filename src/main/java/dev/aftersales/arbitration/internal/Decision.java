package dev.aftersales.arbitration.internal;

import java.time.Instant;
import java.util.Currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;

/**
 * An agent's decision on a claim: the first one, and on appeal the final one (a new row; the first is never
 * changed). One of each per claim (a unique index).
 */
@Entity
@Table(name = "arbitration_decisions")
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long claimId;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false)
    private long buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ClaimType claimType;

    @Column(nullable = false)
    private boolean appeal;

    @Column(nullable = false)
    private long agentId;

    @Column(nullable = false, length = 100)
    private String agentName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private DecisionOutcome outcome;

    /** On appeal: the first decision stands. */
    @Column(nullable = false)
    private boolean upheld;

    @Column(nullable = false)
    private long refundMinor;

    @Column(nullable = false)
    private long reversalMinor;

    @Column(nullable = false)
    private Currency currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CostBearer costBearer;

    @Column(nullable = false, length = 2000)
    private String rationale;

    @Column(nullable = false, length = 64)
    private String clause;

    private Instant dueAt;

    @Column(nullable = false)
    private Instant decidedAt;

    @Column(nullable = false)
    private boolean withinSla;

    protected Decision() {
    }

    public Decision(long claimId, long shopId, long buyerId, ClaimType claimType, boolean appeal, long agentId,
            String agentName, DecisionOutcome outcome, boolean upheld, Money refund, Money reversal,
            CostBearer costBearer,
            String rationale, String clause, Instant dueAt, Instant decidedAt, boolean withinSla) {
        this.claimId = claimId;
        this.shopId = shopId;
        this.buyerId = buyerId;
        this.claimType = claimType;
        this.appeal = appeal;
        this.agentId = agentId;
        this.agentName = agentName;
        this.outcome = outcome;
        this.upheld = upheld;
        this.refundMinor = refund.minor();
        this.reversalMinor = reversal.minor();
        this.currency = refund.currency();
        this.costBearer = costBearer;
        this.rationale = rationale;
        this.clause = clause;
        this.dueAt = dueAt;
        this.decidedAt = decidedAt;
        this.withinSla = withinSla;
    }

    public Long id() {
        return id;
    }

    public long claimId() {
        return claimId;
    }

    public boolean appeal() {
        return appeal;
    }

    public long agentId() {
        return agentId;
    }

    public String agentName() {
        return agentName;
    }

    public DecisionOutcome outcome() {
        return outcome;
    }

    public boolean upheld() {
        return upheld;
    }

    public Money refund() {
        return new Money(refundMinor, currency);
    }

    /** What this decision (on appeal) took back of the first decision's refund. */
    public Money reversal() {
        return new Money(reversalMinor, currency);
    }

    public CostBearer costBearer() {
        return costBearer;
    }

    public String rationale() {
        return rationale;
    }

    public String clause() {
        return clause;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public boolean withinSla() {
        return withinSla;
    }
}
