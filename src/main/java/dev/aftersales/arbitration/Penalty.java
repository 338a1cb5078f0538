package dev.aftersales.arbitration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A penalty on a shop recorded with a decision: a ledger entry with its reason and the case, never changed. */
@Entity
@Table(name = "arbitration_penalties")
class Penalty {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long claimId;

    @Column(nullable = false)
    private long decisionId;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false)
    private long agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PenaltyKind kind;

    @Column(nullable = false)
    private int points;

    @Column(nullable = false)
    private long deductionMinor;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(nullable = false)
    private Instant at;

    protected Penalty() {
    }

    Penalty(long claimId, long decisionId, long shopId, long agentId, PenaltyKind kind, int points,
            long deductionMinor, String reason, Instant at) {
        this.claimId = claimId;
        this.decisionId = decisionId;
        this.shopId = shopId;
        this.agentId = agentId;
        this.kind = kind;
        this.points = points;
        this.deductionMinor = deductionMinor;
        this.reason = reason;
        this.at = at;
    }

    Long id() {
        return id;
    }

    long claimId() {
        return claimId;
    }

    long shopId() {
        return shopId;
    }

    PenaltyKind kind() {
        return kind;
    }

    int points() {
        return points;
    }

    long deductionMinor() {
        return deductionMinor;
    }

    String reason() {
        return reason;
    }

    Instant at() {
        return at;
    }
}
