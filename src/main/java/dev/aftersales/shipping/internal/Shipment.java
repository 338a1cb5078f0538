package dev.aftersales.shipping.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import dev.aftersales.shipping.ShipmentRegistered;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.TrackingEventRecorded;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.shipping.ShipmentDelivered;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.Carrier;

/**
 * A parcel with a carrier and a tracking number (unique across the desk). Its status is derived from its events;
 * the measured weight is the carrier's latest measurement.
 */
@Entity
@Table(name = "shipments")
@org.hibernate.annotations.DynamicUpdate // the watchers' own columns, written by them, are never overwritten

public class Shipment extends AbstractAggregateRoot<Shipment> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ShipmentDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Carrier carrier;

    @Column(nullable = false, unique = true, length = 40)
    private String trackingNumber;

    @Column(nullable = false)
    private Instant shippedAt;

    private Integer measuredWeightGrams;

    @Column(nullable = false, length = 32)
    private String registeredBy;

    private Long claimId;

    @Column(nullable = false)
    private Instant createdAt;

    /** The last scan, or the shipping time without one, kept for the stalled-tracking watcher's index. */
    @Column(name = "last_movement_at")
    private Instant watchedLastMovementAt;

    /** Delivered or returned to the sender, kept for the stalled-tracking watcher's index. */
    @Column(nullable = false)
    private boolean trackingEnded;

    /** Scanned at least once (or flagged by the fake-tracking watcher, which sets it itself). */
    @Column(nullable = false)
    private boolean firstScanSettled;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "shipment_id", nullable = false, updatable = false)
    @OrderBy("occurredAt, id")
    private List<TrackingEvent> events = new ArrayList<>();

    protected Shipment() {
    }

    public Shipment(long orderId, ShipmentDirection direction, Carrier carrier, String trackingNumber,
            Instant shippedAt, String registeredBy, Long claimId, Instant now) {
        this.orderId = orderId;
        this.direction = direction;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.shippedAt = shippedAt;
        this.registeredBy = registeredBy;
        this.claimId = claimId;
        this.createdAt = now;
        this.watchedLastMovementAt = shippedAt;
    }

    public Shipment announceRegistered() {
        registerEvent(new ShipmentRegistered(id, orderId, direction, carrier, trackingNumber, shippedAt, claimId));
        return this;
    }

    /**
     * Adds a scan unless the same scan was recorded before.
     *
     * @return whether it was new
     */
    public boolean record(String dedupeKey, Instant occurredAt, TrackingEventKind kind, String location,
            String description, Integer weightGrams, Instant now) {
        if (events.stream().anyMatch(e -> e.dedupeKey().equals(dedupeKey))) {
            return false;
        }
        boolean wasDelivered = deliveredAt().isPresent();
        events.add(new TrackingEvent(dedupeKey, occurredAt, kind, location, description, weightGrams, now));
        events.sort(Comparator.comparing(TrackingEvent::occurredAt));
        if (weightGrams != null) {
            measuredWeightGrams = weightGrams;
        }
        watchedLastMovementAt = lastMovementAt();
        trackingEnded = deliveredAt().isPresent()
                || events.stream().anyMatch(e -> e.kind() == TrackingEventKind.RETURNED_TO_SENDER);
        firstScanSettled = true;
        registerEvent(new TrackingEventRecorded(id, orderId, direction, kind, occurredAt, claimId));
        if (!wasDelivered && kind == TrackingEventKind.DELIVERED) {
            registerEvent(new ShipmentDelivered(id, orderId, direction, occurredAt, measuredWeightGrams, claimId));
        }
        return true;
    }

    /** The derived status at {@code now}, with parcels not moving for {@code stallPeriod} counted as stalled. */
    public ShipmentStatus status(Instant now, Duration stallPeriod) {
        if (deliveredAt().isPresent()) {
            return ShipmentStatus.DELIVERED;
        }
        if (events.stream().anyMatch(e -> e.kind() == TrackingEventKind.RETURNED_TO_SENDER)) {
            return ShipmentStatus.RETURNED_TO_SENDER;
        }
        if (lastMovementAt().plus(stallPeriod).isBefore(now)) {
            return ShipmentStatus.STALLED;
        }
        return events.isEmpty() ? ShipmentStatus.AWAITING_PICKUP : ShipmentStatus.IN_TRANSIT;
    }

    /** The last scan, or the shipping time when there is none. */
    public Instant lastMovementAt() {
        return events.isEmpty() ? shippedAt : events.get(events.size() - 1).occurredAt();
    }

    public Optional<Instant> deliveredAt() {
        return events.stream().filter(e -> e.kind() == TrackingEventKind.DELIVERED).map(TrackingEvent::occurredAt)
                .findFirst();
    }

    public Optional<TrackingEvent> lastEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    public ShipmentDirection direction() {
        return direction;
    }

    public Carrier carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Integer measuredWeightGrams() {
        return measuredWeightGrams;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Long claimId() {
        return claimId;
    }

    public List<TrackingEvent> events() {
        return Collections.unmodifiableList(events);
    }
}
