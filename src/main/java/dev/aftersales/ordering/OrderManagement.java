package dev.aftersales.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Product;
import dev.aftersales.catalog.Shop;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.internal.Order;
import dev.aftersales.ordering.internal.OrderLine;
import dev.aftersales.ordering.internal.OrderRepository;
import dev.aftersales.shared.CappedCount;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.web.Keyset;

/**
 * Orders: recorded from the storefront, shipped and delivered through the shipping module, cancelled.
 * <p>
 * <b>The order lock.</b> Everything that changes what an order's buyer is owed or may still claim, or whether the
 * order ships, first takes the order's row lock through {@link #lock(long)}: cancellations and parcels here and in
 * the shipping module, every claim move in the claims module, every ledger entry in the payments module. Those
 * changes of one order therefore happen one after the other, each seeing what the one before it committed. To keep
 * two transactions from waiting on each other, the order lock is always taken first: order, then the claim, then the
 * payment account (see docs/money-and-concurrency.md).
 */
@Service
public class OrderManagement {

    private final OrderRepository orders;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final ObjectProvider<OrderLookup> lookups;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final EntityManager em;

    OrderManagement(OrderRepository orders, CatalogManagement catalog, AccountManagement accounts,
            ObjectProvider<OrderLookup> lookups, Clock clock, PlatformTransactionManager transactionManager,
            EntityManager em) {
        this.em = em;
        this.orders = orders;
        this.catalog = catalog;
        this.accounts = accounts;
        this.lookups = lookups;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * Records a paid order, or confirms one already recorded. The same request twice gives the same result; two
     * identical requests at the same moment record one order. A request that contradicts the recorded lines or
     * payment is refused with {@link OrderConflict}.
     */
    public UpsertOutcome upsert(StorefrontOrder request) {
        try {
            return Objects.requireNonNull(tx.execute(status -> upsertOnce(request)));
        } catch (DataIntegrityViolationException raced) {
            // another request recorded the same order number a moment ago: now it is an update
            return Objects.requireNonNull(tx.execute(status -> upsertOnce(request)));
        }
    }

    private UpsertOutcome upsertOnce(StorefrontOrder request) {
        Shop shop = catalog.shopByCode(request.shopCode())
                .orElseThrow(() -> new UnknownReference("shopCode", "No shop with code " + request.shopCode()));
        Currency currency;
        try {
            currency = Currency.getInstance(request.currency());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidOrder("currency", "not an ISO 4217 currency code");
        }
        List<OrderLine> lines = lines(shop, request);
        long linesPaid = 0;
        try {
            for (OrderLine line : lines) {
                linesPaid = Math.addExact(linesPaid, line.paidMinor());
            }
            Math.addExact(linesPaid, request.shippingFeeMinor());
        } catch (ArithmeticException overflow) {
            throw new InvalidOrder("lines", "the lines' paid amounts add up to more than the desk records");
        }
        if (linesPaid + request.shippingFeeMinor() != request.paidMinor()) {
            throw new InvalidOrder("paidAmount", "the paid amount must equal the lines' paid amounts ("
                    + linesPaid + ") plus the shipping fee (" + request.shippingFeeMinor() + ")");
        }
        // an order already recorded is changed under its lock (a cancellation may be reported at the same moment)
        var existing = orders.lockRowByNumber(request.orderNumber()).flatMap(id -> orders.findById(id));
        if (existing.isPresent()) {
            Order order = existing.get();
            requireSame(order, shop, currency, request, lines);
            order.changeDelivery(request.recipientName(), request.recipientPhone(), request.address(),
                    clock.instant());
            accounts.recordAddress(order.buyerId(), request.address());
            return new UpsertOutcome(details(order), false);
        }
        UserAccount buyer = accounts.ensureBuyer(request.buyerRef(), request.buyerName(), request.buyerPhone());
        accounts.recordAddress(buyer.id(), request.address());
        Instant shipBy = request.paidAt().plus(catalog.policyFor(shop.id()).shipBy());
        Order order = new Order(request.orderNumber(), shop.id(), buyer.id(), currency, request.paidMinor(),
                request.shippingFeeMinor(), request.paidAt(), shipBy, request.recipientName(),
                request.recipientPhone(), request.address(), lines, clock.instant());
        order = orders.saveAndFlush(order);
        orders.save(order.announcePlaced());
        return new UpsertOutcome(details(order), true);
    }

    private List<OrderLine> lines(Shop shop, StorefrontOrder request) {
        Set<String> skus = new LinkedHashSet<>();
        request.lines().forEach(l -> skus.add(l.sku()));
        Map<String, Product> products = catalog.productsBySku(shop.id(), skus);
        List<OrderLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            StorefrontOrder.Line line = request.lines().get(i);
            Product product = products.get(line.sku());
            if (product == null) {
                throw new UnknownReference("lines[" + i + "].sku",
                        "No SKU " + line.sku() + " in shop " + shop.code());
            }
            if (!seen.add(line.sku())) {
                throw new InvalidOrder("lines[" + i + "].sku", "SKU " + line.sku() + " appears on two lines");
            }
            long paid;
            long full;
            try {
                full = Math.multiplyExact(line.unitPriceMinor(), (long) line.quantity());
                paid = line.effectivePaid();
            } catch (ArithmeticException overflow) {
                throw new InvalidOrder("lines[" + i + "].unitPrice", "quantity times unit price is more than the "
                        + "desk records");
            }
            if (paid > full) {
                throw new InvalidOrder("lines[" + i + "].paidAmount",
                        "a line cannot be paid more than quantity times unit price");
            }
            String title = line.title() == null || line.title().isBlank() ? product.title() : line.title();
            lines.add(new OrderLine(i + 1, product.id(), line.sku(), title, line.quantity(), line.unitPriceMinor(),
                    paid, product.unitWeightGrams()));
        }
        return lines;
    }

    private static void requireSame(Order order, Shop shop, Currency currency, StorefrontOrder request,
            List<OrderLine> lines) {
        if (order.shopId() != shop.id()) {
            throw new OrderConflict("shopCode", "the order belongs to another shop");
        }
        if (!order.currency().equals(currency) || order.paid().minor() != request.paidMinor()
                || order.shippingFee().minor() != request.shippingFeeMinor()) {
            throw new OrderConflict("paidAmount", "the recorded payment cannot change");
        }
        if (!order.paidAt().equals(request.paidAt())) {
            throw new OrderConflict("paidAt", "the recorded payment time cannot change");
        }
        List<OrderLine> recorded = order.lines();
        boolean same = recorded.size() == lines.size();
        for (int i = 0; same && i < lines.size(); i++) {
            same = recorded.get(i).sameAs(lines.get(i));
        }
        if (!same) {
            throw new OrderConflict("lines", "the recorded order lines cannot change");
        }
    }

    /**
     * Takes the order's lock for the rest of the caller's transaction (see the class comment); taking it again in the
     * same transaction is free. Called before the order, its claims or its money are read for a decision.
     *
     * @throws NotFound when there is no such order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long orderId) {
        orders.lockRow(orderId).orElseThrow(() -> new NotFound("Order", orderId));
    }

    /**
     * Takes the order's lock unless another transaction holds it (a sweep then leaves the order for its next pass).
     *
     * @return whether the lock is now held
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryLock(long orderId) {
        return orders.tryLockRow(orderId).isPresent();
    }

    /**
     * Takes the lock of the order with this number.
     *
     * @return the order's id
     * @throws UnknownReference when there is no such order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lockByNumber(String orderNumber) {
        return orders.lockRowByNumber(orderNumber)
                .orElseThrow(() -> new UnknownReference("orderNumber", "No order " + orderNumber));
    }

    /**
     * Cancels a paid, unshipped order (e.g. oversold). Reporting the same cancellation again changes nothing. Two
     * reports at the same moment are served one after the other under the order's lock: the second finds the order
     * cancelled (the same reason: nothing changes; another reason or shipped meanwhile: {@link OrderConflict}).
     */
    @Transactional
    public CancellationOutcome cancel(String orderNumber, CancellationReason reason, String note, String actor) {
        lockByNumber(orderNumber);
        Order order = orders.findByOrderNumber(orderNumber)
                .orElseThrow(() -> new UnknownReference("orderNumber", "No order " + orderNumber));
        boolean changed = order.cancel(reason, note, clock.instant(), actor);
        orders.save(order);
        return new CancellationOutcome(details(order), changed);
    }

    /** The shipping module reports the first parcel. */
    @Transactional
    public void markShipped(long orderId, Instant at, String actor) {
        lock(orderId);
        Order order = order(orderId);
        order.markShipped(at, actor);
        orders.save(order);
    }

    /** The shipping module reports that every outbound parcel arrived. */
    @Transactional
    public void markDelivered(long orderId, Instant at) {
        lock(orderId);
        Order order = order(orderId);
        order.markDelivered(at);
        orders.save(order);
    }

    /** The order, if this user may see it; otherwise {@link NotFound}, as if it did not exist. */
    @Transactional(readOnly = true)
    public OrderDetails details(long orderId, CurrentUser viewer) {
        Order order = order(orderId);
        if (!canView(order, viewer)) {
            throw new NotFound("Order", orderId);
        }
        return details(order);
    }

    /** The order for system use (other modules' services, which check access themselves). */
    @Transactional(readOnly = true)
    public OrderDetails details(long orderId) {
        return details(order(orderId));
    }

    /** What payments needs of the order: number, buyer, what was paid in all and per line. */
    @Transactional(readOnly = true)
    public PaidOrder paidOrder(long orderId) {
        Order order = order(orderId);
        var currency = order.currency();
        return new PaidOrder(order.id(), order.orderNumber(), order.buyerId(), order.paid(), order.lines().stream()
                .map(l -> new PaidOrder.Line(l.id(), l.quantity(), l.paid(currency))).toList());
    }

    @Transactional(readOnly = true)
    public java.util.Optional<OrderDetails> byNumber(String orderNumber) {
        return orders.findByOrderNumber(orderNumber).map(this::details);
    }

    static boolean canView(Order order, CurrentUser viewer) {
        return viewer != null && (viewer.isPlatformStaff() || viewer.isBuyer(order.buyerId())
                || viewer.isSellerOf(order.shopId()));
    }

    @Transactional(readOnly = true)
    public Page<OrderSummary> buyerOrders(long buyerId, Pageable pageable) {
        return summaries(orders.pageForBuyer(buyerId, pageable));
    }

    @Transactional(readOnly = true)
    public Page<OrderSummary> shopOrders(long shopId, boolean toShipOnly, Pageable pageable) {
        return summaries(toShipOnly ? orders.pageToShip(shopId, pageable) : orders.pageForShop(shopId, pageable));
    }

    /** How many of the shop's orders wait to be shipped, counted up to {@link CappedCount#CAP} + 1 from an index. */
    @Transactional(readOnly = true)
    public CappedCount countToShip(long shopId) {
        return CappedCount.of(orders.countToShipUpTo(shopId, CappedCount.CAP + 1));
    }

    private static final List<Keyset.Part> TIME_AND_ID = List.of(Keyset.Part.TIME, Keyset.Part.NUMBER);

    /** A buyer's orders, newest paid first, one keyset page (see docs/pages.md, "Paging"). */
    @Transactional(readOnly = true)
    public Keyset.Window<OrderSummary> buyerOrders(long buyerId, Keyset.Request request) {
        return window(Keyset.fetch(em, Order.class, "select o from Order o where o.buyerId = :buyerId",
                Map.of("buyerId", buyerId), List.of("o.paidAt", "o.id"), TIME_AND_ID, true, request,
                o -> List.of(o.paidAt(), o.id())));
    }

    /**
     * A shop's orders, one keyset page: those to ship by ship-by time, soonest first, or all of them, newest paid
     * first.
     */
    @Transactional(readOnly = true)
    public Keyset.Window<OrderSummary> shopOrders(long shopId, boolean toShipOnly, Keyset.Request request) {
        if (toShipOnly) {
            return window(Keyset.fetch(em, Order.class, "select o from Order o where o.shopId = :shopId"
                    + " and o.status = dev.aftersales.ordering.OrderStatus.AWAITING_SHIPMENT",
                    Map.of("shopId", shopId), List.of("o.shipBy", "o.id"), TIME_AND_ID, false, request,
                    o -> List.of(o.shipBy(), o.id())));
        }
        return window(Keyset.fetch(em, Order.class, "select o from Order o where o.shopId = :shopId",
                Map.of("shopId", shopId), List.of("o.paidAt", "o.id"), TIME_AND_ID, true, request,
                o -> List.of(o.paidAt(), o.id())));
    }

    /** What {@link #search(String, Keyset.Request)} found: one keyset page and how many orders match in all. */
    public record Found(Keyset.Window<OrderSummary> orders, long total) {
    }

    /**
     * Orders found by order number, buyer (name, login, phone, storefront id) or what other modules resolve, newest
     * paid first, one keyset page, with how many match (the matches are bounded: a few numbers, at most 50 buyers).
     */
    @Transactional(readOnly = true)
    public Found search(String query, Keyset.Request request) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return new Found(Keyset.Window.empty(), 0);
        }
        Set<Long> ids = new HashSet<>();
        orders.findByOrderNumber(q).ifPresent(o -> ids.add(o.id()));
        lookups.orderedStream().forEach(lookup -> ids.addAll(lookup.orderIdsMatching(q)));
        Set<Long> buyerIds = new HashSet<>();
        accounts.searchBuyers(q, 50).forEach(b -> buyerIds.add(b.id()));
        if (ids.isEmpty() && buyerIds.isEmpty()) {
            return new Found(Keyset.Window.empty(), 0);
        }
        ids.add(-1L);
        buyerIds.add(-1L);
        var page = window(Keyset.fetch(em, Order.class,
                "select o from Order o where (o.id in :ids or o.buyerId in :buyerIds)",
                Map.of("ids", ids, "buyerIds", buyerIds), List.of("o.paidAt", "o.id"), TIME_AND_ID, true, request,
                o -> List.of(o.paidAt(), o.id())));
        long total = page.first() && !page.hasNext() ? page.rows().size() : orders.countMatching(ids, buyerIds);
        return new Found(page, total);
    }

    private Keyset.Window<OrderSummary> window(Keyset.Window<Order> found) {
        return found.map(this::summaries);
    }

    private Page<OrderSummary> summaries(Page<Order> page) {
        List<Order> content = page.getContent();
        if (content.isEmpty()) {
            return new PageImpl<>(List.of(), page.getPageable(), page.getTotalElements());
        }
        return new PageImpl<>(summaries(content), page.getPageable(), page.getTotalElements());
    }

    private List<OrderSummary> summaries(List<Order> content) {
        // one query for all lines of the page, one for shops, one for buyers
        List<Long> ids = content.stream().map(Order::id).toList();
        Map<Long, Order> withLines = new java.util.HashMap<>();
        orders.findWithLines(ids).forEach(o -> withLines.put(o.id(), o));
        Map<Long, Shop> shops = catalog.shopsById(content.stream().map(Order::shopId).distinct().toList());
        Map<Long, UserAccount> buyers = accounts.accountsById(content.stream().map(Order::buyerId).distinct().toList());
        Instant now = clock.instant();
        List<OrderSummary> rows = content.stream().map(o -> {
            Order full = withLines.getOrDefault(o.id(), o);
            List<OrderLine> lines = full.lines();
            return new OrderSummary(o.id(), o.orderNumber(), nameOf(shops.get(o.shopId())),
                    buyers.containsKey(o.buyerId()) ? buyers.get(o.buyerId()).displayName() : "",
                    o.status(), o.paid(), o.paidAt(), o.shipBy(), o.isLate(now),
                    lines.isEmpty() ? "" : lines.get(0).title(), lines.size(), full.itemCount(),
                    lines.stream().map(l -> new OrderSummary.Item(l.title(), l.quantity())).toList(),
                    o.cancellationReason(), o.cancelledAt(), List.of());
        }).toList();
        return rows;
    }

    /** Adds other modules' notes to a page of rows, with one call per contributing module. */
    public static List<OrderSummary> withNotes(List<OrderSummary> rows, Collection<OrderListNotes> contributors,
            CurrentUser viewer) {
        if (rows.isEmpty() || contributors.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(OrderSummary::id).toList();
        Map<Long, List<OrderListNotes.OrderNote>> all = new java.util.HashMap<>();
        for (OrderListNotes contributor : contributors) {
            contributor.notesFor(ids, viewer).forEach((id, notes) -> all
                    .computeIfAbsent(id, k -> new ArrayList<>()).addAll(notes));
        }
        return rows.stream().map(r -> r.withNotes(all.getOrDefault(r.id(), List.of()))).toList();
    }

    private static String nameOf(Shop shop) {
        return shop == null ? "" : shop.name();
    }

    private Order order(long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new NotFound("Order", orderId));
    }

    private OrderDetails details(Order order) {
        Shop shop = catalog.shop(order.shopId());
        UserAccount buyer = accounts.account(order.buyerId());
        var currency = order.currency();
        List<OrderDetails.Line> lines = order.lines().stream()
                .map(l -> new OrderDetails.Line(l.id(), l.lineNo(), l.productId(), l.sku(), l.title(), l.quantity(),
                        l.unitPrice(currency), l.paid(currency), l.unitWeightGrams()))
                .toList();
        List<OrderDetails.StatusEntry> history = order.history().stream()
                .map(h -> new OrderDetails.StatusEntry(h.status(), h.changedAt(), h.actor(), h.note()))
                .toList();
        return new OrderDetails(order.id(), order.orderNumber(), order.shopId(), shop.name(), order.buyerId(),
                buyer.displayName(), order.status(), order.paid(), order.shippingFee(), order.paidAt(),
                order.shipBy(), order.shippedAt(), order.deliveredAt(), order.cancelledAt(),
                order.cancellationReason(), order.cancellationNote(), order.recipientName(), order.recipientPhone(),
                order.deliveryAddress(), order.isLate(clock.instant()), lines, history);
    }

    /** What an upsert did. */
    public record UpsertOutcome(OrderDetails order, boolean created) {
    }

    /** What a cancellation did. */
    public record CancellationOutcome(OrderDetails order, boolean changed) {
    }
}
