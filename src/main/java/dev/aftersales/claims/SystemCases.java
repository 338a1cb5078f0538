package dev.aftersales.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.claims.internal.ShopIncidents;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.PolicyDefaults;
import dev.aftersales.catalog.Product;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPageReads;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.payments.PaymentOrder;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.TrackingWatch;

/**
 * The cases the system and the seller open (docs/system-cases.md): NO_TRACKING when the ship-by time passed without
 * valid tracking (by the watcher, or the buyer), DELISTED when the seller cancels lines, ORDER_CANCELLED when the
 * platform cancels an oversold order. Their moves (tracking supplied, the buyer's choice) and the incidents they put on
 * the shop's record.
 */
@Service
public class SystemCases {

    private final ClaimRepository claims;
    private final ClaimManagement management;
    private final ClaimLedger ledger;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final TrackingWatch tracking;
    private final CatalogManagement catalog;
    private final PaymentManagement payments;
    private final ShopIncidents incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SystemCases(ClaimRepository claims, ClaimManagement management, OrderManagement orders,
            ShippingManagement shipping, TrackingWatch tracking, CatalogManagement catalog,
            PaymentManagement payments, ShopIncidents incidents, ApplicationEventPublisher events, Clock clock,
            ClaimLedger ledger) {
        this.ledger = ledger;
        this.claims = claims;
        this.management = management;
        this.orders = orders;
        this.shipping = shipping;
        this.tracking = tracking;
        this.catalog = catalog;
        this.payments = payments;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ NO_TRACKING

    /**
     * Whether a NO_TRACKING case may be opened on the order now: no such case is open, and either the order is
     * unshipped past its ship-by time, or it was "shipped" only with tracking numbers flagged as fake (never scanned).
     */
    @Transactional(readOnly = true)
    public boolean missingTrackingDue(OrderDetails order) {
        return missingTrackingDue(order, new OrderPageReads());
    }

    /** The same for the order a page shows, with the page's parcels. */
    @Transactional(readOnly = true)
    public boolean missingTrackingDue(OrderDetails order, OrderPageReads page) {
        Instant now = clock.instant();
        if (!now.isAfter(order.shipBy())) {
            return false;
        }
        if (claims.findByOrderIdOrderByCreatedAtAsc(order.id()).stream()
                .anyMatch(c -> c.type() == ClaimType.NO_TRACKING && c.status().isOpen())) {
            return false;
        }
        if (order.status() == OrderStatus.AWAITING_SHIPMENT) {
            return true;
        }
        if (order.status() != OrderStatus.SHIPPED || tracking.flagsOf(order.id()).isEmpty()) {
            return false;
        }
        return shipping.shipmentsOf(order.id(), page).stream()
                .noneMatch(p -> p.direction() == ShipmentDirection.OUTBOUND && !p.scans().isEmpty());
    }

    /** Where a fake-tracking flag on an order stands, for the ship-by watcher. */
    enum FlagCheck {
        /** Ship-by has passed, nothing was scanned, no NO_TRACKING case is open: a case is due. */
        DUE,
        /** Not yet: ship-by has not passed, or a NO_TRACKING case is still open. */
        NOT_YET,
        /** Nothing more to do: a parcel was scanned after all, or the order was delivered or cancelled. */
        SETTLED
    }

    @Transactional(readOnly = true)
    FlagCheck fakeTrackingCheck(long orderId) {
        OrderDetails order = orders.details(orderId);
        if (order.status() != OrderStatus.SHIPPED || shipping.shipmentsOf(orderId).stream()
                .anyMatch(p -> p.direction() == ShipmentDirection.OUTBOUND && !p.scans().isEmpty())) {
            return FlagCheck.SETTLED;
        }
        if (!clock.instant().isAfter(order.shipBy()) || claims.findByOrderIdOrderByCreatedAtAsc(orderId).stream()
                .anyMatch(c -> c.type() == ClaimType.NO_TRACKING && c.status().isOpen())) {
            return FlagCheck.NOT_YET;
        }
        return FlagCheck.DUE;
    }

    /** The buyer reports that the order has no valid tracking after its ship-by time. */
    @Transactional
    public long reportMissingTracking(long orderId, CurrentUser buyer) {
        orders.lock(orderId);
        OrderDetails order = orders.details(orderId, buyer);
        if (!buyer.isBuyer(order.buyerId())) {
            throw new NotFound("Order", orderId);
        }
        Optional<Claim> open = claims.findByOrderIdOrderByCreatedAtAsc(orderId).stream()
                .filter(c -> c.type() == ClaimType.NO_TRACKING && c.status().isOpen()).findFirst();
        if (open.isPresent()) {
            throw new DuplicateClaim(open.get().id(), open.get().claimNumber());
        }
        if (!missingTrackingDue(order)) {
            throw new ClaimNotAllowed(null, "watchers.noTracking.notYet", order.shipBy());
        }
        return openNoTracking(order, Actor.of(buyer), "buyer-reported")
                .orElseThrow(() -> new ClaimNotAllowed(null, "watchers.noTracking.nothingLeft"));
    }

    /** The ship-by watcher: opens the NO_TRACKING case of one order if it is still due (in the caller's transaction). */
    @Transactional
    Optional<Long> openNoTrackingIfDue(long orderId) {
        return openNoTrackingIfDue(orderId, null);
    }

    /**
     * As {@link #openNoTrackingIfDue(long)}; with {@code held} given, the case's events are held there instead of
     * being published, for the caller to publish them with the rest of its chunk ({@link HeldEvents}).
     */
    @Transactional
    Optional<Long> openNoTrackingIfDue(long orderId, HeldEvents held) {
        orders.lock(orderId);
        OrderDetails order = orders.details(orderId);
        if (!missingTrackingDue(order)) {
            return Optional.empty();
        }
        return openNoTracking(order, Actor.SYSTEM,
                order.status() == OrderStatus.AWAITING_SHIPMENT ? "ship-by" : "fake-tracking", held);
    }

    private Optional<Long> openNoTracking(OrderDetails order, Actor opener, String rule) {
        return openNoTracking(order, opener, rule, null);
    }

    private Optional<Long> openNoTracking(OrderDetails order, Actor opener, String rule, HeldEvents held) {
        Instant now = clock.instant();
        PolicyDefaults policy = catalog.platformPolicy();
        Map<Long, Integer> unavailable = unitsCancelled(order.id());
        List<ClaimDraft.Line> lines = new ArrayList<>();
        for (OrderDetails.Line line : order.lines()) {
            int units = line.quantity() - unavailable.getOrDefault(line.id(), 0);
            if (units > 0) {
                lines.add(new ClaimDraft.Line(line.id(), line.sku(), line.title(), units, line.unitWeightGrams(),
                        line.paidFor(units)));
            }
        }
        Money refundable = payments.refundable(order.id());
        if (lines.isEmpty() || !refundable.isPositive()) {
            return Optional.empty();
        }
        ClaimDraft draft = new ClaimDraft("AS" + claims.nextClaimNumber(), order.id(), order.orderNumber(),
                order.shopId(), order.buyerId(), ClaimType.NO_TRACKING, ClaimReason.NO_VALID_TRACKING,
                Remedy.SUPPLY_TRACKING, null, refundable, lines, null, null);
        Claim claim = Claim.open(draft, opener, ClaimStatus.AWAITING_TRACKING, now.plus(policy.trackingSupply()), rule,
                now);
        claim.offer(new Money(policy.lateShipmentCompensationFen(), order.paid().currency()), null, null);
        claim = claims.saveAndFlush(claim);
        claim.announceFiled();
        if (held != null) {
            claim.takeEvents().forEach(held::hold);
        }
        ledger.save(claim, opener);
        incidents.record(order.shopId(), IncidentKind.LATE_SHIPMENT, order.id(), claim.id(),
                "late-shipment:order:" + order.id(), now, held == null ? events::publishEvent : held::hold);
        return Optional.of(claim.id());
    }

    /** Units of each line the seller cancelled (DELISTED cases not ended by a substitute or a withdrawal). */
    private Map<Long, Integer> unitsCancelled(long orderId) {
        Map<Long, Integer> units = new HashMap<>();
        for (Claim c : claims.findByOrderIdOrderByCreatedAtAsc(orderId)) {
            if (c.type() == ClaimType.DELISTED && c.outcome() != Outcome.SUBSTITUTED
                    && c.status() != ClaimStatus.WITHDRAWN) {
                c.lines().forEach(l -> units.merge(l.orderLineId(), l.quantity(), Integer::sum));
            }
        }
        return units;
    }

    /**
     * The seller supplies a valid tracking number on the NO_TRACKING case: an unshipped order ships with it; an order
     * "shipped" with a fake number gets a new outbound parcel.
     */
    @Transactional
    public void supplyTracking(long claimId, CurrentUser seller, Long expectedVersion, Carrier carrier,
            String trackingNumber) {
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        if (!seller.isSellerOf(claim.shopId())) {
            throw new NotFound("Claim", claimId);
        }
        if (expectedVersion != null && expectedVersion != claim.version()) {
            throw new ClaimChanged();
        }
        claim.check(ClaimAction.SUPPLY_TRACKING);
        OrderDetails order = orders.details(claim.orderId());
        ShipmentView parcel = order.status() == OrderStatus.AWAITING_SHIPMENT
                ? shipping.ship(order.id(), seller, carrier, trackingNumber)
                : shipping.registerLeg(order.id(), ShipmentDirection.OUTBOUND, carrier, trackingNumber, "SELLER",
                        claim.id());
        claim.trackingSupplied(Actor.of(seller), parcel.trackingNumber(), clock.instant());
        ledger.save(claim, Actor.of(seller));
    }

    /**
     * The order shipped (ship page, storefront): its open NO_TRACKING case is resolved. Shipped after the ship-by time,
     * the buyer gets the late-shipment compensation (once per order, with or without a case) and the shop an incident.
     */
    @Transactional
    void onShipped(long orderId, boolean late) {
        orders.lock(orderId);
        String number = shipping.shipmentsOf(orderId).stream()
                .filter(p -> p.direction() == ShipmentDirection.OUTBOUND).reduce((a, b) -> b)
                .map(ShipmentView::trackingNumber).orElse(null);
        for (Claim claim : claims.findByOrderIdOrderByCreatedAtAsc(orderId)) {
            if (claim.type() == ClaimType.NO_TRACKING && claim.status() == ClaimStatus.AWAITING_TRACKING) {
                claim.trackingSupplied(Actor.SYSTEM, number, clock.instant());
                ledger.save(claim, Actor.SYSTEM);
            }
        }
        if (late) {
            OrderDetails order = orders.details(orderId);
            Instant now = clock.instant();
            Money compensation = new Money(catalog.platformPolicy().lateShipmentCompensationFen(),
                    order.paid().currency());
            if (compensation.isPositive()) {
                // the same key as a NO_TRACKING case's compensation: paid once per order
                payments.request(new PaymentOrder(orderId, null, MovementKind.COMPENSATION, compensation, List.of(),
                        "order-" + orderId + "-late-shipment", CostBearer.SELLER, "LATE_SHIPMENT",
                        order.orderNumber(), Actor.SYSTEM.ledgerName()));
            }
            incidents.record(order.shopId(), IncidentKind.LATE_SHIPMENT, orderId, null,
                    "late-shipment:order:" + orderId, now);
        }
    }

    /** A NO_TRACKING case was refunded by its deadline: an order still unshipped is cancelled, so it never ships. */
    @Transactional
    void onNoTrackingRefunded(long orderId) {
        OrderDetails order = orders.details(orderId);
        if (order.status() == OrderStatus.AWAITING_SHIPMENT) {
            orders.cancel(order.orderNumber(), CancellationReason.OTHER,
                    "no valid tracking by the deadline; refunded", "SYSTEM");
        }
    }

    /**
     * A DELISTED case's refund was granted: when no unit of the order is left to ship, the unshipped order is
     * cancelled for the case's reason, so it leaves the seller's list to ship (and stays in the buyer's list).
     */
    @Transactional
    void onCancelledLinesRefunded(long claimId) {
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow();
        OrderDetails order = orders.details(claim.orderId());
        if (order.status() != OrderStatus.AWAITING_SHIPMENT) {
            return;
        }
        Map<Long, Integer> refunded = payments.refundedUnits(order.id());
        boolean nothingLeft = order.lines().stream()
                .allMatch(l -> refunded.getOrDefault(l.id(), 0) >= l.quantity());
        if (nothingLeft) {
            boolean outOfStock = claim.timeline().stream().anyMatch(t -> "out-of-stock".equals(t.rule()));
            orders.cancel(order.orderNumber(),
                    outOfStock ? CancellationReason.OUT_OF_STOCK : CancellationReason.DELISTED,
                    "every line cancelled by the seller and refunded (" + claim.claimNumber() + ")", "SELLER");
        }
    }

    /** A tracking number was flagged as fake: it counts on the shop's record. */
    @Transactional
    void onFakeTracking(long shopId, long orderId, long shipmentId, Instant at) {
        incidents.record(shopId, IncidentKind.FAKE_TRACKING, orderId, null, "fake-tracking:shipment:" + shipmentId,
                at);
    }

    // ------------------------------------------------------------------------------------------ DELISTED

    /**
     * The seller cancels units of lines of a paid, unshipped order as delisted or out of stock, optionally offering a
     * substitute: a DELISTED case waits for the buyer's choice (72 h; silence means refund), the policy's
     * compensation is paid, and the cancellation counts on the shop's record.
     *
     * @return the case's id
     */
    @Transactional
    public long cancelLines(CancelLines command, CurrentUser seller) {
        orders.lock(command.orderId());
        OrderDetails order = orders.details(command.orderId(), seller);
        if (!seller.isSellerOf(order.shopId())) {
            throw new NotFound("Order", command.orderId());
        }
        if (order.status() != OrderStatus.AWAITING_SHIPMENT) {
            throw new ClaimNotAllowed(null, "watchers.cancel.error.notAwaiting");
        }
        if (command.reason() != CancellationReason.DELISTED && command.reason() != CancellationReason.OUT_OF_STOCK) {
            throw new ClaimNotAllowed("reason", "watchers.cancel.error.reason");
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > 500) {
            throw new ClaimNotAllowed("note", "watchers.cancel.error.note", 500);
        }
        Product substitute = null;
        if (command.substituteSku() != null && !command.substituteSku().isBlank()) {
            substitute = catalog.product(order.shopId(), command.substituteSku().strip())
                    .orElseThrow(() -> new ClaimNotAllowed("substituteSku", "watchers.cancel.error.substitute"));
        }
        OrderFacts facts = management.facts(order);
        Map<Long, ClaimRepository.OpenClaim> open = claims.openClaimsByLine(order.id(), ClaimType.DELISTED);
        for (Long lineId : command.units().keySet()) {
            if (order.line(lineId).isEmpty()) {
                throw new NotFound("Order line", lineId);
            }
        }
        List<ClaimDraft.Line> lines = new ArrayList<>();
        for (OrderDetails.Line line : order.lines()) {
            int wanted = command.units().getOrDefault(line.id(), 0);
            if (wanted <= 0) {
                continue;
            }
            if (open.containsKey(line.id())) {
                throw new ClaimNotAllowed("units", "watchers.cancel.error.open", line.title(),
                        open.get(line.id()).claimNumber());
            }
            int claimable = facts.claimableUnits().getOrDefault(line.id(), 0);
            if (wanted > claimable) {
                throw new ClaimNotAllowed("units", "watchers.cancel.error.units", line.title(), claimable);
            }
            if (substitute != null && substitute.sku().equals(line.sku())) {
                throw new ClaimNotAllowed("substituteSku", "watchers.cancel.error.sameSku");
            }
            lines.add(new ClaimDraft.Line(line.id(), line.sku(), line.title(), wanted, line.unitWeightGrams(),
                    line.paidFor(wanted)));
        }
        if (lines.isEmpty()) {
            throw new ClaimNotAllowed("units", "watchers.cancel.error.noUnits");
        }
        Instant now = clock.instant();
        Money value = lines.stream().map(ClaimDraft.Line::amount).reduce(Money.zero(order.paid().currency()),
                Money::plus);
        Money requested = value.min(payments.refundable(order.id()));
        boolean outOfStock = command.reason() == CancellationReason.OUT_OF_STOCK;
        ClaimDraft draft = new ClaimDraft("AS" + claims.nextClaimNumber(), order.id(), order.orderNumber(),
                order.shopId(), order.buyerId(), ClaimType.DELISTED, ClaimReason.UNAVAILABLE, Remedy.REFUND, note,
                requested, lines, null, null);
        Actor actor = Actor.of(seller);
        Claim claim = Claim.open(draft, actor, ClaimStatus.AWAITING_BUYER_CHOICE, now.plus(ClaimClock.BUYER_CHOICE),
                outOfStock ? "out-of-stock" : "delisted", now);
        claim.offer(new Money(catalog.platformPolicy().outOfStockCompensationFen(), order.paid().currency()),
                substitute == null ? null : substitute.sku(), substitute == null ? null : substitute.title());
        claim = claims.saveAndFlush(claim);
        claim.announceFiled();
        claim.compensateCancellation(outOfStock ? "OUT_OF_STOCK" : "DELISTED");
        ledger.save(claim, actor);
        incidents.record(order.shopId(),
                outOfStock ? IncidentKind.OUT_OF_STOCK_CANCELLATION : IncidentKind.DELISTED_CANCELLATION, order.id(),
                claim.id(), "cancelled-lines:claim:" + claim.id(), now);
        events.publishEvent(new NoticeRequested("lines-cancelled:claim:" + claim.id(), order.buyerId(), null,
                "watchers.notice.linesCancelled", List.of(order.orderNumber(), claim.claimNumber()),
                "/buyer/claims/" + claim.id(), null, now));
        return claim.id();
    }

    /** What the seller's cancel-lines page offers: each line with the units still cancellable, the shop's SKUs. */
    @Transactional(readOnly = true)
    public CancelLinesForm cancelLinesForm(long orderId, CurrentUser seller) {
        OrderDetails order = orders.details(orderId, seller);
        if (!seller.isSellerOf(order.shopId())) {
            throw new NotFound("Order", orderId);
        }
        OrderFacts facts = management.facts(order);
        List<CancelLinesForm.Line> lines = order.lines().stream().map(l -> new CancelLinesForm.Line(l.id(), l.sku(),
                l.title(), l.quantity(), facts.claimableUnits().getOrDefault(l.id(), 0), l.paidPerUnit())).toList();
        List<CancelLinesForm.Sku> skus = catalog.productsOf(order.shopId()).stream()
                .map(p -> new CancelLinesForm.Sku(p.sku(), p.title())).toList();
        return new CancelLinesForm(order, order.status() == OrderStatus.AWAITING_SHIPMENT, lines, skus,
                new Money(catalog.platformPolicy().outOfStockCompensationFen(), order.paid().currency()),
                ClaimClock.BUYER_CHOICE);
    }

    /** The buyer chooses the refund or the substitute on a DELISTED case; the refund is paid at once. */
    @Transactional
    public void choose(long claimId, CurrentUser buyer, Long expectedVersion, Remedy choice) {
        management.lockOrderOf(claimId);
        Claim claim = claims.findById(claimId).orElseThrow(() -> new NotFound("Claim", claimId));
        if (!buyer.isBuyer(claim.buyerId())) {
            throw new NotFound("Claim", claimId);
        }
        if (expectedVersion != null && expectedVersion != claim.version()) {
            throw new ClaimChanged();
        }
        Actor actor = Actor.of(buyer);
        if (choice == Remedy.REFUND) {
            claim.chooseRefund(actor, management.clockOf(claim), clock.instant());
        } else if (choice == Remedy.SUBSTITUTE) {
            claim.chooseSubstitute(actor, clock.instant());
        } else {
            throw new TransitionRejected("watchers.rejected.choice");
        }
        ledger.save(claim, actor);
    }

    // ------------------------------------------------------------------------------------------ ORDER_CANCELLED

    /**
     * The platform cancelled a paid order as oversold: an ORDER_CANCELLED case refunds everything still refundable at
     * once, pays the oversold compensation and tells the buyer. Reporting the cancellation again, or this reaction
     * running again (a resubmitted event), opens nothing.
     * <p>
     * Under the order's lock: a DELISTED case still waiting for the buyer's choice is refunded first (no substitute
     * ships with a cancelled order), then the case covers, per line, the units and the money no refund has covered
     * yet, and the rest of what was paid (the shipping fee).
     */
    @Transactional
    Optional<Long> onOrderCancelled(OrderCancelled cancelled) {
        if (cancelled.reason() != CancellationReason.OVERSOLD) {
            return Optional.empty();
        }
        orders.lock(cancelled.orderId());
        List<Claim> existing = claims.findByOrderIdOrderByCreatedAtAsc(cancelled.orderId());
        if (existing.stream().anyMatch(c -> c.type() == ClaimType.ORDER_CANCELLED)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (Claim waiting : existing) {
            if (waiting.type() == ClaimType.DELISTED && waiting.status() == ClaimStatus.AWAITING_BUYER_CHOICE) {
                waiting.orderCancelled(management.clockOf(waiting), now);
                ledger.save(waiting, Actor.SYSTEM);
            }
        }
        OrderDetails order = orders.details(cancelled.orderId());
        Map<Long, PaymentManagement.LineRefunds> refunded = payments.refundedPerLine(order.id());
        List<ClaimDraft.Line> lines = new ArrayList<>();
        for (OrderDetails.Line l : order.lines()) {
            PaymentManagement.LineRefunds done = refunded.get(l.id());
            int units = l.quantity() - (done == null ? 0 : done.units());
            long left = l.paid().minor() - (done == null ? 0 : done.amount().minor());
            if (units > 0) {
                lines.add(new ClaimDraft.Line(l.id(), l.sku(), l.title(), units, l.unitWeightGrams(),
                        new Money(Math.max(left, 0), l.paid().currency())));
            }
        }
        if (lines.isEmpty()) {
            // every unit was refunded already: the case names the order's lines, and its refund (what is left of
            // the shipping fee, if anything) goes on none of them
            order.lines().forEach(l -> lines.add(new ClaimDraft.Line(l.id(), l.sku(), l.title(), l.quantity(),
                    l.unitWeightGrams(), Money.zero(l.paid().currency()))));
        }
        Money refund = payments.refundable(order.id());
        ClaimDraft draft = new ClaimDraft("AS" + claims.nextClaimNumber(), order.id(), order.orderNumber(),
                order.shopId(), order.buyerId(), ClaimType.ORDER_CANCELLED, ClaimReason.PLATFORM_CANCELLED,
                Remedy.REFUND, cancelled.note(), refund, lines, null, null);
        Claim claim = Claim.open(draft, Actor.SYSTEM, ClaimStatus.REFUND_PENDING, now.plus(ClaimClock.REFUND_PAYOUT),
                "oversold", now);
        Money compensation = new Money(catalog.platformPolicy().oversoldCompensationFen(), order.paid().currency());
        claim.offer(compensation, null, null);
        claim = claims.saveAndFlush(claim);
        claim.announceFiled();
        claim.settleCancellation();
        ledger.save(claim, Actor.SYSTEM);
        // The buyer is told by the notifications module: the cancellation (OrderCancelled), then the refund and the
        // compensation as each is paid (PaymentExecuted). A notice here would tell the cancellation twice.
        return Optional.of(claim.id());
    }
}
