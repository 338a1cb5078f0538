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

/**
 * A photo or PDF attached to a claim. Its type was recognised from its content when uploaded; its bytes live in
 * {@code claim_evidence_content} and are only read when somebody allowed to see it downloads it. Never deleted.
 */
@Entity
@Table(name = "claim_evidence")
public class EvidenceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long claimId;

    private Long messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EvidencePurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActorRole uploadedByRole;

    private Long uploadedById;

    @Column(nullable = false, length = 100)
    private String uploadedByName;

    @Column(nullable = false, length = 200)
    private String fileName;

    @Column(nullable = false, length = 100)
    private String contentType;

    @Column(nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private Instant uploadedAt;

    protected EvidenceFile() {
    }

    public EvidenceFile(long claimId, Long messageId, EvidencePurpose purpose, Actor uploader, String fileName,
            String contentType, long sizeBytes, String sha256, Instant uploadedAt) {
        this.claimId = claimId;
        this.messageId = messageId;
        this.purpose = purpose;
        this.uploadedByRole = uploader.role();
        this.uploadedById = uploader.id();
        this.uploadedByName = uploader.name();
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
    }

    public Long id() {
        return id;
    }

    public long claimId() {
        return claimId;
    }

    public Long messageId() {
        return messageId;
    }

    public EvidencePurpose purpose() {
        return purpose;
    }

    public ActorRole uploadedByRole() {
        return uploadedByRole;
    }

    public String uploadedByName() {
        return uploadedByName;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
