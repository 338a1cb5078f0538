package dev.aftersales.claims.demo;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.claims.Availability;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.demo.DemoDataStep;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;

/**
 * Demo claims in every state of the lifecycle, on Sunny Orchard's orders (the shop {@code seller} works for), played
 * through the same moves a buyer and a seller make. A few of {@code buyer}'s delivered orders are left without
 * claims so that a visitor can file one.
 */
@Component
@Profile("demo")
class ClaimsDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(ClaimsDemoData.class);

    private final ClaimManagement claims;
    private final OrderManagement orders;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final ShippingManagement shipping;

    ClaimsDemoData(ClaimManagement claims, OrderManagement orders, AccountManagement accounts,
            CatalogManagement catalog, ShippingManagement shipping) {
        this.claims = claims;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
        this.shipping = shipping;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String name() {
        return "claims";
    }

    @Override
    public void load() {
        long shopId = catalog.shopByCode("sunny-orchard").orElseThrow().id();
        CurrentUser seller = accounts.byUsername("seller").orElseThrow().toCurrentUser();
        UserAccount demoBuyer = accounts.byUsername("buyer").orElseThrow();
        List<OrderSummary> shopOrders = orders.shopOrders(shopId, false, PageRequest.of(0, 500)).getContent();
        Deque<OrderDetails> delivered = new java.util.ArrayDeque<>();
        Deque<OrderDetails> light = new java.util.ArrayDeque<>();
        Deque<OrderDetails> stalled = new java.util.ArrayDeque<>();
        List<OrderDetails> keepForVisitor = new ArrayList<>();
        for (OrderSummary row : shopOrders) {
            OrderDetails order = orders.details(row.id());
            if (order.status() == OrderStatus.DELIVERED) {
                if (order.buyerId() == demoBuyer.id() && keepForVisitor.size() < 1) {
                    keepForVisitor.add(order);
                } else if (lighterThanExpected(order)) {
                    // the first missing-item claims go where the scale can tell the missing unit
                    if (weighable(order)) {
                        light.addFirst(order);
                    } else {
                        light.addLast(order);
                    }
                } else {
                    delivered.add(order);
                }
            } else if (order.status() == OrderStatus.SHIPPED) {
                stalled.add(order);
            }
        }
        Map<String, Long> made = new LinkedHashMap<>();
        made.put("awaiting seller (missing item, refund)", file(light, ClaimType.MISSING_ITEM,
                ClaimReason.ITEMS_MISSING, Remedy.REFUND, "打开箱子只有一盒，少了一盒。Only one box inside.", null));
        Long proposal = file(delivered, ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                "Several fruits were bruised. 有几个水果碰伤了。", null);
        if (proposal != null) {
            long id = proposal;
            claims.propose(id, seller, null, Remedy.REFUND, Money.fen(1000),
                    "We are sorry: we offer ¥10.00 for the bruised fruit. 抱歉，补偿 10 元。");
        }
        made.put("proposal pending", proposal);
        Long rejected = file(delivered, ClaimType.REFUND_ONLY, ClaimReason.NOT_AS_DESCRIBED, Remedy.REFUND,
                "The size is smaller than the photo. 比图片小。", null);
        if (rejected != null) {
            long id = rejected;
            claims.reject(id, seller, null,
                    "The listing states the size range; these are within it. 规格在描述范围内。", List.of());
        }
        made.put("rejected by seller", rejected);
        Long awaitingReturn = file(delivered, ClaimType.RETURN_REFUND, ClaimReason.NO_REASON,
                Remedy.RETURN_AND_REFUND, "Changed my mind. 不想要了。", null);
        if (awaitingReturn != null) {
            long id = awaitingReturn;
            claims.accept(id, seller, null);
        }
        made.put("awaiting return shipment", awaitingReturn);
        Long returnOnItsWay = file(delivered, ClaimType.RETURN_REFUND, ClaimReason.DAMAGED,
                Remedy.RETURN_AND_REFUND, "The jar lid was cracked. 罐盖裂了。", null);
        String returnTracking = null;
        if (returnOnItsWay != null) {
            long id = returnOnItsWay;
            CurrentUser buyer = buyerOf(id);
            claims.accept(id, seller, null);
            returnTracking = "YT" + String.format("%013d", 5_300_000_000_000L + id);
            String tracking = returnTracking;
            claims.shipReturn(id, buyer, null, Carrier.YTO, tracking);
        }
        made.put("return in transit", returnOnItsWay);
        Long returnArrived = file(delivered, ClaimType.RETURN_REFUND, ClaimReason.QUALITY, Remedy.RETURN_AND_REFUND,
                "Honey crystallised and smells off. 蜂蜜有异味。", null);
        if (returnArrived != null) {
            long id = returnArrived;
            CurrentUser buyer = buyerOf(id);
            claims.accept(id, seller, null);
            String tracking = "YT" + String.format("%013d", 5_400_000_000_000L + id);
            claims.shipReturn(id, buyer, null, Carrier.YTO, tracking);
            shipping.recordEvent(tracking, new ScanReport(null, java.time.Instant.now(),
                    TrackingEventKind.DELIVERED, "Sunny Orchard warehouse", "signed by the shop", null));
        }
        made.put("awaiting return confirmation", returnArrived);
        Long reship = fileEither(light, delivered, ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.RESHIP,
                "A bag of walnuts was missing. 少了一袋核桃。", null);
        if (reship != null) {
            long id = reship;
            claims.accept(id, seller, null);
        }
        made.put("awaiting reshipment", reship);
        Long reshipped = fileEither(light, delivered, ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.RESHIP,
                "One item missing. 少发一件。", null);
        if (reshipped != null) {
            long id = reshipped;
            claims.accept(id, seller, null);
            claims.reship(id, seller, null, Carrier.SF,
                    "SF" + String.format("%013d", 5_500_000_000_000L + id));
        }
        made.put("reshipment in transit", reshipped);
        Long resolved = fileEither(light, delivered, ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.REFUND,
                "Short by one unit. 少了一件。", null);
        if (resolved != null) {
            long id = resolved;
            claims.accept(id, seller, null);
        }
        made.put("resolved by refund", resolved);
        Long withdrawn = file(delivered, ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                "Looked damaged, but it is fine. 看错了。", null);
        if (withdrawn != null) {
            long id = withdrawn;
            claims.withdraw(id, buyerOf(id), null, "It was fine after all. 没问题了。");
        }
        made.put("withdrawn", withdrawn);
        Long escalated = file(delivered, ClaimType.REFUND_ONLY, ClaimReason.WRONG_ITEM, Remedy.REFUND,
                "Received dried mango instead of jujubes. 发错货了。", null);
        if (escalated != null) {
            long id = escalated;
            claims.reject(id, seller, null, "Our packing record shows jujubes. 打包记录为红枣。",
                    List.of());
            claims.escalate(id, buyerOf(id), null,
                    "The seller sent the wrong item and refuses. 商家发错货还拒绝处理。");
        }
        made.put("escalated to the platform", escalated);
        made.put("not received (stalled parcel)", file(stalled, ClaimType.NOT_RECEIVED, ClaimReason.TRACKING_STALLED,
                Remedy.REFUND, "No tracking update for days. 物流多日未更新。", null));
        made.put("fast-tracked", file(delivered, ClaimType.REFUND_ONLY, ClaimReason.DAMAGED, Remedy.REFUND,
                "One kiwi was squashed. 一个猕猴桃压坏了。", Money.fen(500)));
        // last, so that the buyer's contradicted claim does not change the standing the claims above were filed with
        Deque<OrderDetails> complete = new java.util.ArrayDeque<>(delivered.stream().filter(ClaimsDemoData::weighable)
                .toList());
        made.put("awaiting seller, contradicted by the parcel weight", file(complete, ClaimType.MISSING_ITEM,
                ClaimReason.ITEMS_MISSING, Remedy.REFUND, "One unit was not in the box. 箱子里少了一件。", null));
        made.forEach((state, id) -> log.info("Demo claim {}: {}", state, id == null ? "no eligible order" : id));
    }

    /**
     * Whether one unit of the order's last line (the unit the demo claims are about) weighs enough for the parcel
     * weight check to tell it apart: a quarter of the goods or more, where the check's tolerance is about 5 % of the
     * parcel.
     */
    private static boolean weighable(OrderDetails order) {
        OrderDetails.Line last = order.lines().get(order.lines().size() - 1);
        return last.unitWeightGrams() * 4 >= order.expectedWeightGrams();
    }

    /** The carrier weighed the parcel clearly lighter than its goods (the demo's short shipments). */
    private boolean lighterThanExpected(OrderDetails order) {
        Integer measured = shipping.shipmentsOf(order.id()).stream()
                .map(dev.aftersales.shipping.ShipmentView::measuredWeightGrams).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        return measured != null && measured < order.expectedWeightGrams();
    }

    private Long fileEither(Deque<OrderDetails> preferred, Deque<OrderDetails> fallback, ClaimType type,
            ClaimReason reason, Remedy remedy, String description, Money partialAmount) {
        Long id = file(preferred, type, reason, remedy, description, partialAmount);
        return id != null ? id : file(fallback, type, reason, remedy, description, partialAmount);
    }

    /** Files a claim on the first order of the queue for which the type is available, as that order's buyer. */
    private Long file(Deque<OrderDetails> queue, ClaimType type, ClaimReason reason, Remedy remedy,
            String description, Money partialAmount) {
        while (!queue.isEmpty()) {
            OrderDetails order = queue.poll();
            CurrentUser buyer = accounts.account(order.buyerId()).toCurrentUser();
            boolean available = claims.availability(order.id(), buyer).stream()
                    .filter(a -> a.type() == type).anyMatch(Availability::available);
            if (!available) {
                continue;
            }
            Map<Long, Integer> units = new LinkedHashMap<>();
            OrderDetails.Line line = order.lines().get(order.lines().size() - 1);
            units.put(line.id(), 1);
            return claims.file(new FileClaim(order.id(), type, reason, remedy, description, units, partialAmount,
                    UUID.randomUUID().toString(), List.of()), buyer);
        }
        return null;
    }

    private CurrentUser buyerOf(long claimId) {
        return accounts.account(claims.claim(claimId, systemReader()).buyerId()).toCurrentUser();
    }

    private static CurrentUser systemReader() {
        return new CurrentUser(0, "system", "System", dev.aftersales.shared.Role.AGENT, null);
    }
}
