package dev.aftersales.arbitration.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.arbitration.PenaltyKind;

/** A penalty on a shop recorded with a decision: a ledger entry with its reason and the case, never changed. */
@Entity
@Table(name = "arbitration_penalties")
public class Penalty {

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

    public Penalty(long claimId, long decisionId, long shopId, long agentId, PenaltyKind kind, int points,
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

    public Long id() {
        return id;
    }

    public long claimId() {
        return claimId;
    }

    public long shopId() {
        return shopId;
    }

    public PenaltyKind kind() {
        return kind;
    }

    public int points() {
        return points;
    }

    public long deductionMinor() {
        return deductionMinor;
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
