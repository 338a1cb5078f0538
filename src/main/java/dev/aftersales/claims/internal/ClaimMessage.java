package dev.aftersales.claims.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.claims.ActorRole;

/** A message on a claim: plain text as written (shown escaped, line breaks kept). Never edited or deleted. */
@Entity
@Table(name = "claim_messages")
public class ClaimMessage {

    public static final int MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long claimId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActorRole authorRole;

    private Long authorId;

    @Column(nullable = false, length = 100)
    private String authorName;

    @Column(nullable = false, length = MAX_LENGTH)
    private String body;

    @Column(nullable = false)
    private Instant sentAt;

    protected ClaimMessage() {
    }

    public ClaimMessage(long claimId, Actor author, String body, Instant sentAt) {
        this.claimId = claimId;
        this.authorRole = author.role();
        this.authorId = author.id();
        this.authorName = author.name();
        this.body = body;
        this.sentAt = sentAt;
    }

    public Long id() {
        return id;
    }

    public long claimId() {
        return claimId;
    }

    public ActorRole authorRole() {
        return authorRole;
    }

    public Long authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
