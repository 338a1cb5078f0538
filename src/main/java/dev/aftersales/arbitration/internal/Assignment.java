package dev.aftersales.arbitration.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An agent works on an escalated claim. At most one open assignment per claim (a unique index): two agents taking the
 * same case at the same moment, one of them wins. Released, never deleted.
 */
@Entity
@Table(name = "arbitration_assignments")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long claimId;

    @Column(nullable = false)
    private long agentId;

    @Column(nullable = false, length = 100)
    private String agentName;

    @Column(nullable = false)
    private boolean appeal;

    @Column(nullable = false)
    private Instant takenAt;

    private Instant releasedAt;

    @Column(length = 32)
    private String releaseReason;

    protected Assignment() {
    }

    public Assignment(long claimId, long agentId, String agentName, boolean appeal, Instant takenAt) {
        this.claimId = claimId;
        this.agentId = agentId;
        this.agentName = agentName;
        this.appeal = appeal;
        this.takenAt = takenAt;
    }

    public void release(String reason, Instant at) {
        releasedAt = at;
        releaseReason = reason;
    }

    public long claimId() {
        return claimId;
    }

    public long agentId() {
        return agentId;
    }

    public String agentName() {
        return agentName;
    }

    public Instant takenAt() {
        return takenAt;
    }
}
