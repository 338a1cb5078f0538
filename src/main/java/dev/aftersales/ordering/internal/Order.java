package dev.aftersales.ordering.internal;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderConflict;
import dev.aftersales.ordering.OrderDelivered;
import dev.aftersales.ordering.OrderNotShippable;
import dev.aftersales.ordering.OrderPlaced;
import dev.aftersales.ordering.OrderShipped;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.Money;

/**
 * A paid order of one shop. Lines and payment never change once recorded; status changes are appended to its
 * history; a cancelled order stays, with its reason.
 */
@Entity
@Table(name = "orders")
public class Order extends AbstractAggregateRoot<Order> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String orderNumber;

    @Column(nullable = false)
    private long shopId;

    @Column(nullable = false)
    private long buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private OrderStatus status;

    @Column(nullable = false)
    private Currency currency;

    @Column(nullable = false)
    private long paidMinor;

    @Column(nullable = false)
    private long shippingFeeMinor;

    @Column(nullable = false)
    private Instant paidAt;

    @Column(nullable = false)
    private Instant shipBy;

    @Column(nullable = false, length = 100)
    private String recipientName;

    @Column(length = 32)
    private String recipientPhone;

    @Column(nullable = false, length = 300)
    private String deliveryAddress;

    private Instant shippedAt;

    private Instant deliveredAt;

    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private CancellationReason cancellationReason;

    @Column(length = 500)
    private String cancellationNote;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "order_id", nullable = false)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("changedAt, id")
    private List<OrderStatusChange> history = new ArrayList<>();

    protected Order() {
    }

    public Order(String orderNumber, long shopId, long buyerId, Currency currency, long paidMinor,
            long shippingFeeMinor, Instant paidAt, Instant shipBy, String recipientName, String recipientPhone,
            String deliveryAddress, List<OrderLine> lines, Instant now) {
        this.orderNumber = orderNumber;
        this.shopId = shopId;
        this.buyerId = buyerId;
        this.currency = currency;
        this.paidMinor = paidMinor;
        this.shippingFeeMinor = shippingFeeMinor;
        this.paidAt = paidAt;
        this.shipBy = shipBy;
        this.recipientName = recipientName;
        this.recipientPhone = recipientPhone;
        this.deliveryAddress = deliveryAddress;
        this.lines.addAll(lines);
        this.createdAt = now;
        this.updatedAt = now;
        this.status = OrderStatus.AWAITING_SHIPMENT;
        this.history.add(new OrderStatusChange(OrderStatus.AWAITING_SHIPMENT, paidAt, "STOREFRONT", "paid"));
    }

    /** Registers the "placed" event once the order has its id. */
    public Order announcePlaced() {
        registerEvent(new OrderPlaced(id, orderNumber, shopId, buyerId, paid(), paidAt));
        return this;
    }

    /** The first parcel left: the order is shipped (later parcels change nothing). */
    public void markShipped(Instant at, String actor) {
        if (status == OrderStatus.CANCELLED) {
            throw new OrderNotShippable(orderNumber, "cancelled");
        }
        if (status != OrderStatus.AWAITING_SHIPMENT) {
            return;
        }
        status = OrderStatus.SHIPPED;
        shippedAt = at;
        append(OrderStatus.SHIPPED, at, actor, at.isAfter(shipBy) ? "shipped late" : null);
        registerEvent(new OrderShipped(id, orderNumber, at, at.isAfter(shipBy)));
    }

    /** Every outbound parcel arrived. */
    public void markDelivered(Instant at) {
        if (status == OrderStatus.DELIVERED || status == OrderStatus.CANCELLED) {
            return;
        }
        if (status == OrderStatus.AWAITING_SHIPMENT) {
            markShipped(at, "CARRIER");
        }
        status = OrderStatus.DELIVERED;
        deliveredAt = at;
        append(OrderStatus.DELIVERED, at, "CARRIER", null);
        registerEvent(new OrderDelivered(id, orderNumber, at));
    }

    /**
     * Cancels a paid order that has not shipped. Asking again for the same reason changes nothing.
     *
     * @return whether this call cancelled it
     */
    public boolean cancel(CancellationReason reason, String note, Instant at, String actor) {
        if (status == OrderStatus.CANCELLED) {
            if (cancellationReason == reason) {
                return false;
            }
            throw new OrderConflict("reason", "the order was already cancelled as " + cancellationReason);
        }
        if (status != OrderStatus.AWAITING_SHIPMENT) {
            throw new OrderConflict("orderNumber", "the order has already shipped and cannot be cancelled");
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = at;
        cancellationReason = reason;
        cancellationNote = note;
        append(OrderStatus.CANCELLED, at, actor, reason.name() + (note == null ? "" : ": " + note));
        registerEvent(new OrderCancelled(id, orderNumber, shopId, buyerId, reason, note, paid(), at));
        return true;
    }

    /** The storefront may correct where a parcel goes until it ships. */
    public boolean changeDelivery(String recipient, String phone, String address, Instant at) {
        if (recipient.equals(recipientName) && java.util.Objects.equals(phone, recipientPhone)
                && address.equals(deliveryAddress)) {
            return false;
        }
        if (status != OrderStatus.AWAITING_SHIPMENT) {
            throw new OrderConflict("delivery", "the order has shipped; its delivery address can no longer change");
        }
        recipientName = recipient;
        recipientPhone = phone;
        deliveryAddress = address;
        updatedAt = at;
        return true;
    }

    private void append(OrderStatus newStatus, Instant at, String actor, String note) {
        history.add(new OrderStatusChange(newStatus, at, actor, note));
        updatedAt = at;
    }

    /** Paid and past its ship-by time without a parcel. */
    public boolean isLate(Instant now) {
        return status == OrderStatus.AWAITING_SHIPMENT && now.isAfter(shipBy);
    }

    public Long id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public long shopId() {
        return shopId;
    }

    public long buyerId() {
        return buyerId;
    }

    public OrderStatus status() {
        return status;
    }

    public Currency currency() {
        return currency;
    }

    public Money paid() {
        return new Money(paidMinor, currency);
    }

    public Money shippingFee() {
        return new Money(shippingFeeMinor, currency);
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant shipBy() {
        return shipBy;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public CancellationReason cancellationReason() {
        return cancellationReason;
    }

    public String cancellationNote() {
        return cancellationNote;
    }

    public String recipientName() {
        return recipientName;
    }

    public String recipientPhone() {
        return recipientPhone;
    }

    public String deliveryAddress() {
        return deliveryAddress;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<OrderStatusChange> history() {
        return Collections.unmodifiableList(history);
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    // --- risk #6: holiday extension of the ship-by time -----------------------------------------------------------

    /**
     * A holiday extension moves the ship-by time of an order still waiting to be shipped (recorded, with the old
     * and the new time, by {@link dev.aftersales.ordering.ShipByExtension}).
     */
    public void extendShipBy(java.time.Duration by, Instant now) {
        if (status != OrderStatus.AWAITING_SHIPMENT) {
            throw new IllegalStateException("Order " + orderNumber + " is no longer waiting to be shipped");
        }
        shipBy = shipBy.plus(by);
        updatedAt = now;
    }
}
