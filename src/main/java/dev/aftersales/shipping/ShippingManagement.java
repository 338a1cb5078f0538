package dev.aftersales.shipping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.UnknownReference;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shipping.internal.Shipment;
import dev.aftersales.shipping.internal.ShipmentRepository;

/**
 * Parcels: recorded by sellers and the storefront, moved by carrier scans.
 * <p>
 * <b>One outbound parcel per order.</b> An order ships with one parcel: the seller's ship page and the storefront's
 * {@code POST /api/v1/shipments} record it while the order waits for shipment, and refuse a further one once it has
 * shipped, been delivered or been cancelled ({@link OrderNotAwaitingShipment}, answered 409 with a code by the API).
 * The same parcel reported again is recognised and changes nothing. The only further outbound parcel is the one a
 * seller enters on a NO_TRACKING case to replace a number flagged as fake ({@link #registerLeg}); returns and
 * reshipments are parcels of their claims. Every parcel is recorded under the order's lock
 * ({@link OrderManagement#lock(long)}), so reports arriving at the same moment are answered one after the other.
 */
@Service
@Transactional
public class ShippingManagement {

    private final ShipmentRepository shipments;
    private final OrderManagement orders;
    private final CatalogManagement catalog;
    private final Clock clock;

    ShippingManagement(ShipmentRepository shipments, OrderManagement orders, CatalogManagement catalog,
            Clock clock) {
        this.shipments = shipments;
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The seller ships an order of their shop with one parcel.
     *
     * @throws NotFound               when the order is not the seller's
     * @throws InvalidTrackingNumber  when the number does not fit the carrier's format
     * @throws TrackingNumberInUse    when the number is already recorded on another parcel
     * @throws OrderNotAwaitingShipment when the order was cancelled or is already shipped
     */
    public ShipmentView ship(long orderId, CurrentUser seller, Carrier carrier, String trackingNumber) {
        orders.lock(orderId);
        OrderDetails order = orders.details(orderId, seller);
        if (!seller.isSellerOf(order.shopId())) {
            throw new NotFound("Order", orderId);
        }
        if (order.status() != OrderStatus.AWAITING_SHIPMENT) {
            throw new OrderNotAwaitingShipment(order.status());
        }
        String number = validNumber(carrier, trackingNumber);
        Instant now = clock.instant();
        Shipment shipment = register(orderId, ShipmentDirection.OUTBOUND, carrier, number, now, "SELLER", null);
        orders.markShipped(orderId, now, "SELLER");
        return view(shipment);
    }

    /**
     * The storefront reports the order's parcel. Reporting the same parcel of the same order again changes nothing;
     * a different parcel for an order that has shipped, was delivered or was cancelled is refused.
     *
     * @return the parcel and whether it was new
     * @throws OrderNotAwaitingShipment when the order no longer takes an outbound parcel
     */
    public Registration registerFromStorefront(String orderNumber, Carrier carrier, String trackingNumber,
            Instant reportedShippedAt) {
        Instant shippedAt = reportedShippedAt == null ? clock.instant() : reportedShippedAt;
        OrderDetails order = orders.details(orders.lockByNumber(orderNumber));
        String number = validNumber(carrier, trackingNumber);
        Optional<Shipment> existing = shipments.findByTrackingNumber(number);
        if (existing.isPresent()) {
            Shipment shipment = existing.get();
            if (shipment.orderId() != order.id() || shipment.carrier() != carrier) {
                throw new TrackingNumberInUse(number);
            }
            return new Registration(view(shipment), false);
        }
        if (order.status() != OrderStatus.AWAITING_SHIPMENT) {
            throw new OrderNotAwaitingShipment(order.status());
        }
        Shipment shipment = register(order.id(), ShipmentDirection.OUTBOUND, carrier, number, shippedAt,
                "STOREFRONT", null);
        orders.markShipped(order.id(), shippedAt, "STOREFRONT");
        return new Registration(view(shipment), true);
    }

    /**
     * Records a parcel of another direction (a return or a reshipment within a claim).
     */
    public ShipmentView registerLeg(long orderId, ShipmentDirection direction, Carrier carrier,
            String trackingNumber, String registeredBy, long claimId) {
        orders.lock(orderId);
        String number = validNumber(carrier, trackingNumber);
        return view(register(orderId, direction, carrier, number, clock.instant(), registeredBy, claimId));
    }

    private Shipment register(long orderId, ShipmentDirection direction, Carrier carrier, String number,
            Instant shippedAt, String registeredBy, Long claimId) {
        if (shipments.findByTrackingNumber(number).isPresent()) {
            throw new TrackingNumberInUse(number);
        }
        Shipment shipment;
        try {
            shipment = shipments.saveAndFlush(new Shipment(orderId, direction, carrier, number, shippedAt,
                    registeredBy, claimId, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // the same number recorded for another order at this very moment
            throw new TrackingNumberInUse(number);
        }
        return shipments.save(shipment.announceRegistered());
    }

    private static String validNumber(Carrier carrier, String trackingNumber) {
        String number = Carrier.normalize(trackingNumber);
        if (!carrier.accepts(number)) {
            throw new InvalidTrackingNumber(carrier, number);
        }
        return number;
    }

    /**
     * A carrier scan. The same scan twice (same event id, or same time, kind and place) is recorded once.
     * When every outbound parcel of an order is delivered, the order is delivered.
     *
     * @return whether the scan was new
     */
    public boolean recordEvent(String trackingNumber, ScanReport scan) {
        // scans of an order's parcels are recorded one after the other, under the order's lock
        String normalized = Carrier.normalize(trackingNumber);
        orders.lock(shipments.orderIdsByTrackingNumber(normalized).stream().findFirst()
                .orElseThrow(() -> new UnknownReference("trackingNumber", "No parcel " + trackingNumber)));
        Shipment shipment = shipments.findByTrackingNumber(normalized)
                .orElseThrow(() -> new UnknownReference("trackingNumber", "No parcel " + trackingNumber));
        String key = scan.eventId() != null && !scan.eventId().isBlank() ? "id:" + scan.eventId().trim()
                : scan.occurredAt() + "|" + scan.kind() + "|" + (scan.location() == null ? "" : scan.location());
        if (key.length() > 128) {
            key = key.substring(0, 128);
        }
        boolean added = shipment.record(key, scan.occurredAt(), scan.kind(), scan.location(), scan.description(),
                scan.weightGrams(), clock.instant());
        shipments.save(shipment);
        if (added && shipment.direction() == ShipmentDirection.OUTBOUND) {
            List<Shipment> outbound = shipments.findByOrderIdWithEvents(shipment.orderId()).stream()
                    .filter(s -> s.direction() == ShipmentDirection.OUTBOUND).toList();
            if (scan.kind() != TrackingEventKind.DELIVERED) {
                orders.markShipped(shipment.orderId(), shipment.shippedAt(), "CARRIER");
            } else if (outbound.stream().allMatch(s -> s.deliveredAt().isPresent())) {
                Instant last = outbound.stream().map(s -> s.deliveredAt().orElseThrow()).max(Instant::compareTo)
                        .orElse(scan.occurredAt());
                orders.markDelivered(shipment.orderId(), last);
            }
        }
        return added;
    }

    @Transactional(readOnly = true)
    public List<ShipmentView> shipmentsOf(long orderId) {
        return shipments.findByOrderIdWithEvents(orderId).stream().map(this::view).toList();
    }

    /** The parcels of the order a page shows, read once for the whole page. */
    public List<ShipmentView> shipmentsOf(long orderId, OrderPageReads page) {
        return page.once(PARCELS, () -> shipmentsOf(orderId));
    }

    private static final OrderPageReads.Key<List<ShipmentView>> PARCELS = new OrderPageReads.Key<>("parcels");

    @Transactional(readOnly = true)
    public Optional<ShipmentView> byTrackingNumber(String trackingNumber) {
        return shipments.findByTrackingNumber(Carrier.normalize(trackingNumber)).map(this::view);
    }

    /** Every parcel of these orders, grouped by order: one query however many orders. */
    @Transactional(readOnly = true)
    public Map<Long, List<ShipmentView>> shipmentsOf(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return shipments.findByOrderIdInWithEvents(orderIds).stream().map(this::view)
                .collect(Collectors.groupingBy(ShipmentView::orderId));
    }

    @Transactional(readOnly = true)
    public List<Long> orderIdsByTrackingNumber(String trackingNumber) {
        return shipments.orderIdsByTrackingNumber(Carrier.normalize(trackingNumber));
    }

    public Duration stallPeriod() {
        return catalog.platformPolicy().trackingStall();
    }

    ShipmentView view(Shipment s) {
        Instant now = clock.instant();
        List<ShipmentView.Scan> scans = s.events().stream()
                .map(e -> new ShipmentView.Scan(e.occurredAt(), e.kind(), e.location(), e.description(),
                        e.weightGrams()))
                .toList();
        return new ShipmentView(s.id(), s.orderId(), s.direction(), s.carrier(), s.trackingNumber(), s.shippedAt(),
                s.measuredWeightGrams(), s.status(now, stallPeriod()), s.lastMovementAt(),
                s.deliveredAt().orElse(null), s.claimId(), scans);
    }

    /** A parcel recorded, and whether by this request. */
    public record Registration(ShipmentView shipment, boolean created) {
    }

    /**
     * A carrier scan as reported.
     *
     * @param eventId the carrier's id of the scan, if it has one
     */
    public record ScanReport(String eventId, Instant occurredAt, TrackingEventKind kind, String location,
            String description, Integer weightGrams) {
    }
}
