package dev.aftersales.arbitration.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A buyer flagged for abuse review with a decision: a ledger entry with its reason and the case. */
@Entity
@Table(name = "arbitration_abuse_flags")
public class AbuseFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long claimId;

    @Column(nullable = false)
    private long decisionId;

    @Column(nullable = false)
    private long buyerId;

    @Column(nullable = false)
    private long agentId;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(nullable = false)
    private Instant at;

    protected AbuseFlag() {
    }

    public AbuseFlag(long claimId, long decisionId, long buyerId, long agentId, String reason, Instant at) {
        this.claimId = claimId;
        this.decisionId = decisionId;
        this.buyerId = buyerId;
        this.agentId = agentId;
        this.reason = reason;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public long claimId() {
        return claimId;
    }

    public long buyerId() {
        return buyerId;
    }

    public String reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
