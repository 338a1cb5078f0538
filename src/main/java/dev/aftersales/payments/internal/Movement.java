package dev.aftersales.payments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementStatus;
import dev.aftersales.payments.PaymentExecuted;
import dev.aftersales.shared.Money;

/**
 * One entry of the ledger: a refund or a compensation to the buyer of an order, with the idempotency key the
 * provider sees, who bears its cost, why, and where it stands. Entries are never changed except to record the
 * provider's answer, and never deleted.
 */
@Entity
@Table(name = "payment_movements")
public class Movement extends AbstractAggregateRoot<Movement> {

    /** Waits before retrying a failed execution: 1 min, 5 min, 15 min, then hourly. */
    private static final Duration[] BACKOFF = { Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1) };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long orderId;

    @Column(nullable = false, length = 64)
    private String orderNumber;

    @Column(nullable = false)
    private long buyerId;

    private Long claimId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MovementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CostBearer costBearer;

    @Column(nullable = false)
    private long amountMinor;

    @Column(nullable = false)
    private Currency currency;

    @Column(nullable = false, unique = true, length = 100)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MovementStatus status;

    @Column(nullable = false, length = 64)
    private String reason;

    @Column(length = 500)
    private String note;

    @Column(nullable = false, length = 64)
    private String requestedBy;

    @Column(nullable = false)
    private Instant requestedAt;

    private Instant executedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(length = 500)
    private String lastError;

    @Column(nullable = false)
    private Instant nextAttemptAt;

    @Column(length = 100)
    private String providerReference;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "movement_id", nullable = false, updatable = false)
    private List<MovementLine> lines = new ArrayList<>();

    protected Movement() {
    }

    public Movement(long orderId, String orderNumber, long buyerId, Long claimId, MovementKind kind,
            CostBearer costBearer, Money amount, String idempotencyKey, String reason, String note, String requestedBy,
            List<MovementLine> lines, Instant now) {
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.buyerId = buyerId;
        this.claimId = claimId;
        this.kind = kind;
        this.costBearer = costBearer;
        this.amountMinor = amount.minor();
        this.currency = amount.currency();
        this.idempotencyKey = idempotencyKey;
        this.reason = reason;
        this.note = note;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.nextAttemptAt = now;
        this.status = MovementStatus.PENDING;
        this.lines.addAll(lines);
    }

    public Movement announceRequested() {
        registerEvent(new MovementRequested(id));
        return this;
    }

    /** The provider confirmed the transfer. */
    void succeeded(String reference, Instant at) {
        if (status == MovementStatus.SUCCEEDED) {
            return;
        }
        attempts++;
        status = MovementStatus.SUCCEEDED;
        providerReference = reference;
        executedAt = at;
        lastError = null;
        registerEvent(new PaymentExecuted(id, orderId, claimId, kind, amount(), costBearer, reason, at));
    }

    /** The provider could not execute it now; try again later. */
    void failed(String error, Instant at) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 500));
        nextAttemptAt = at.plus(BACKOFF[Math.min(attempts - 1, BACKOFF.length - 1)]);
    }

    public Long id() {
        return id;
    }

    public long orderId() {
        return orderId;
    }

    String orderNumber() {
        return orderNumber;
    }

    long buyerId() {
        return buyerId;
    }

    public Long claimId() {
        return claimId;
    }

    public MovementKind kind() {
        return kind;
    }

    public CostBearer costBearer() {
        return costBearer;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public MovementStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String note() {
        return note;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant executedAt() {
        return executedAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public List<MovementLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
