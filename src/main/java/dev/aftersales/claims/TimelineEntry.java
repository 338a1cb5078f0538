package dev.aftersales.claims;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.claims.internal.Actor;

/**
 * One step of a claim's history: who did what, when, from which status to which, under which rule, and why.
 * Appended by every transition, never changed.
 */
@Entity
@Table(name = "claim_timeline")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActorRole actorRole;

    private Long actorId;

    @Column(nullable = false, length = 100)
    private String actorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private TimelineAction action;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private ClaimStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ClaimStatus toStatus;

    @Column(length = 64)
    private String rule;

    @Column(length = 2000)
    private String note;

    private Long amountMinor;

    protected TimelineEntry() {
    }

    TimelineEntry(Instant at, Actor actor, TimelineAction action, ClaimStatus fromStatus, ClaimStatus toStatus,
            String rule, String note, Long amountMinor) {
        this.at = at;
        this.actorRole = actor.role();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.rule = rule;
        this.note = note;
        this.amountMinor = amountMinor;
    }

    /** Marks the entry just recorded as a shop's automation rule's, with the facts it used. */
    void citeShopRule(String facts) {
        rule = "shop-rule";
        String cited = note == null ? facts : note + "\n" + facts;
        note = cited.length() > 2000 ? cited.substring(0, 2000) : cited;
    }

    public Instant at() {
        return at;
    }

    public ActorRole actorRole() {
        return actorRole;
    }

    public Long actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    /** What happened; its name is a message key suffix: {@code claim.action.<action>}. */
    TimelineAction action() {
        return action;
    }

    public ClaimStatus fromStatus() {
        return fromStatus;
    }

    public ClaimStatus toStatus() {
        return toStatus;
    }

    /** The written rule applied by the system, a message key suffix: {@code claim.rule.<rule>}. */
    public String rule() {
        return rule;
    }

    public String note() {
        return note;
    }

    public Long amountMinor() {
        return amountMinor;
    }
}
