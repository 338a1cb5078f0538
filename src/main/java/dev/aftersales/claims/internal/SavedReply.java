package dev.aftersales.claims.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A saved text: a shop's, for its sellers' answers to buyers ({@code audience} SELLER), or the platform's, for
 * agents' decision rationales (AGENT). Placeholders are filled per claim ({@link ReplyPlaceholders}). Retired, never
 * deleted.
 */
@Entity
@Table(name = "saved_replies")
public class SavedReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long shopId;

    @Column(nullable = false, length = 16)
    private String audience;

    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false, length = 2000)
    private String body;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant retiredAt;

    protected SavedReply() {
    }

    public SavedReply(Long shopId, String audience, String title, String body, long createdBy, Instant createdAt) {
        this.shopId = shopId;
        this.audience = audience;
        this.title = title;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long shopId() {
        return shopId;
    }

    public String audience() {
        return audience;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }
}
