package dev.aftersales.quality.demo;

import java.util.ArrayList;
import java.util.HashMap;
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
import dev.aftersales.claims.ClaimForm;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.demo.DemoDataStep;

/**
 * The quality part of the demo: Sunny Orchard's kiwis ({@value #SKU}) arrive damaged, several buyers claim a refund
 * for one unit each and the seller refunds them, so that {@code seller} finds the product flagged on the quality page
 * (its 30-day quality-refund rate far above the shop's). Played through the same moves buyers and sellers make; the
 * quality counters follow from their events.
 */
@Component
@Profile("demo")
class QualityDemoData implements DemoDataStep {

    static final String SKU = "KIWI-12";
    static final int REFUNDS = 4;

    private static final Logger log = LoggerFactory.getLogger(QualityDemoData.class);

    private final ClaimManagement claims;
    private final OrderManagement orders;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;

    QualityDemoData(ClaimManagement claims, OrderManagement orders, AccountManagement accounts,
            CatalogManagement catalog) {
        this.claims = claims;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return 850;
    }

    @Override
    public String name() {
        return "quality";
    }

    @Override
    public void load() {
        long shopId = catalog.shopByCode("sunny-orchard").orElseThrow().id();
        CurrentUser seller = accounts.byUsername("seller").orElseThrow().toCurrentUser();
        Map<Long, CurrentUser> buyers = new HashMap<>();
        List<Long> refunded = new ArrayList<>();
        for (OrderSummary row : orders.shopOrders(shopId, false, PageRequest.of(0, 500)).getContent()) {
            if (refunded.size() >= REFUNDS) {
                break;
            }
            OrderDetails order = orders.details(row.id());
            if (order.status() != OrderStatus.DELIVERED || order.lines().stream().noneMatch(l -> l.sku().equals(SKU))) {
                continue;
            }
            CurrentUser buyer = buyers.computeIfAbsent(order.buyerId(), id -> accounts.account(id).toCurrentUser());
            if (buyer.username().equals("buyer") || buyer.username().equals("buyer8")) {
                continue; // the buyer of the walkthroughs, and the returner of the risk demo, keep their stories
            }
            Long id = file(order, buyer);
            if (id == null) {
                continue;
            }
            if (claims.claim(id, seller).status() == ClaimStatus.AWAITING_SELLER) {
                claims.accept(id, seller, null);
            }
            refunded.add(id);
        }
        log.info("Demo quality: {} refunds of damaged {} at Sunny Orchard (claims {})", refunded.size(), SKU,
                refunded);
    }

    /** A refund-only claim for one damaged unit of the SKU, or {@code null} when the order cannot take one. */
    private Long file(OrderDetails order, CurrentUser buyer) {
        boolean available = claims.availability(order.id(), buyer).stream()
                .filter(a -> a.type() == ClaimType.REFUND_ONLY).anyMatch(Availability::available);
        if (!available) {
            return null;
        }
        ClaimForm.LineChoice line = claims.form(order.id(), ClaimType.REFUND_ONLY, buyer).lines().stream()
                .filter(l -> l.sku().equals(SKU) && l.selectable()).findFirst().orElse(null);
        if (line == null) {
            return null;
        }
        return claims.file(new FileClaim(order.id(), ClaimType.REFUND_ONLY, ClaimReason.DAMAGED, Remedy.REFUND,
                "Half of the kiwis arrived crushed and leaking. 一半猕猴桃压烂了，还在渗汁。",
                Map.of(line.orderLineId(), 1), line.paidPerUnit(), UUID.randomUUID().toString(), List.of()), buyer);
    }
}
