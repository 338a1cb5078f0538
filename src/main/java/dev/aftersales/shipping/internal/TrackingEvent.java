package dev.aftersales.shipping.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.aftersales.shipping.TrackingEventKind;

/** A carrier scan of a parcel, possibly with the weight the carrier measured. Never changed once recorded. */
@Entity
@Table(name = "tracking_events")
public class TrackingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 128)
    private String dedupeKey;

    @Column(nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TrackingEventKind kind;

    @Column(length = 100)
    private String location;

    @Column(length = 300)
    private String description;

    private Integer weightGrams;

    @Column(nullable = false)
    private Instant receivedAt;

    protected TrackingEvent() {
    }

    TrackingEvent(String dedupeKey, Instant occurredAt, TrackingEventKind kind, String location, String description,
            Integer weightGrams, Instant receivedAt) {
        this.dedupeKey = dedupeKey;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.location = location;
        this.description = description;
        this.weightGrams = weightGrams;
        this.receivedAt = receivedAt;
    }

    public String dedupeKey() {
        return dedupeKey;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public TrackingEventKind kind() {
        return kind;
    }

    public String location() {
        return location;
    }

    public String description() {
        return description;
    }

    public Integer weightGrams() {
        return weightGrams;
    }
}
