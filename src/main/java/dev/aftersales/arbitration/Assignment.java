package dev.aftersales.arbitration;

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
class Assignment {

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

    Assignment(long claimId, long agentId, String agentName, boolean appeal, Instant takenAt) {
        this.claimId = claimId;
        this.agentId = agentId;
        this.agentName = agentName;
        this.appeal = appeal;
        this.takenAt = takenAt;
    }

    void release(String reason, Instant at) {
        releasedAt = at;
        releaseReason = reason;
    }

    long claimId() {
        return claimId;
    }

    long agentId() {
        return agentId;
    }

    String agentName() {
        return agentName;
    }

    Instant takenAt() {
        return takenAt;
    }
}
