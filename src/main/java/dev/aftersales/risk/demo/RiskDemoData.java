package dev.aftersales.risk.demo;

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
import dev.aftersales.catalog.Shop;
import dev.aftersales.claims.Availability;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.risk.internal.Ratings;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.demo.DemoDataStep;
import dev.aftersales.shipping.Carrier;

/**
 * The risk part of the demo, played through the same moves buyers and sellers make: {@code buyer8} is a
 * professional returner (returns inspected as used, damaged or the wrong item, missing-item claims the parcel weight
 * contradicts: "review"), Bamboo Home has a bad after-sales history (many claims, rejected and escalated, poor
 * ratings: under supervision), a few ended claims are rated. {@code buyer9} and {@code buyer10} already share a
 * phone and an address. The demo loader runs a step in one transaction, so the events reach the risk read model
 * only afterwards: the step ends by rebuilding it from the claims and orders, and a second step files one more
 * claim of the returner, which is marked for agent review at filing.
 */
@Component
@Profile("demo")
class RiskDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(RiskDemoData.class);

    private final ClaimManagement claims;
    private final OrderManagement orders;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;
    private final Ratings ratings;
    private final RiskManagement risk;

    RiskDemoData(ClaimManagement claims, OrderManagement orders, AccountManagement accounts,
            CatalogManagement catalog, Ratings ratings, RiskManagement risk) {
        this.claims = claims;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
        this.ratings = ratings;
        this.risk = risk;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public String name() {
        return "risk";
    }

    @Override
    public void load() {
        Map<Long, CurrentUser> sellers = sellers();
        returner(sellers);
        badShop(sellers);
        rateSunnyOrchard();
        log.info("Risk read model rebuilt for {} buyers", risk.rebuild());
    }

    private Map<Long, CurrentUser> sellers() {
        Map<Long, CurrentUser> sellers = new HashMap<>();
        for (String username : List.of("seller", "seller2", "seller3")) {
            CurrentUser seller = accounts.byUsername(username).orElseThrow().toCurrentUser();
            sellers.put(seller.shopId(), seller);
        }
        return sellers;
    }

    /** buyer8: four returns found used, damaged or the wrong item, three missing-item claims the weight contradicts. */
    private void returner(Map<Long, CurrentUser> sellers) {
        CurrentUser buyer = accounts.byUsername("buyer8").orElseThrow().toCurrentUser();
        List<OrderDetails> delivered = delivered(buyer);
        int missing = 0;
        for (OrderDetails order : delivered) {
            if (missing < 3 && file(order, buyer, ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.RESHIP,
                    "One item was not in the parcel. 包裹里少了一件。", null) != null) {
                missing++;
            }
        }
        InspectionResult[] found = { InspectionResult.USED, InspectionResult.DAMAGED, InspectionResult.WRONG_ITEM,
                InspectionResult.USED };
        int returns = 0;
        for (OrderDetails order : delivered) {
            if (returns >= found.length) {
                break;
            }
            Long filed = file(order, buyer, ClaimType.RETURN_REFUND, ClaimReason.DAMAGED, Remedy.RETURN_AND_REFUND,
                    "Arrived damaged, returning it. 收到时已损坏，申请退货。", null);
            if (filed == null) {
                continue;
            }
            long id = filed;
            CurrentUser seller = sellers.get(order.shopId());
            claims.accept(id, seller, null);
            claims.shipReturn(id, buyer, null, Carrier.YTO, "YT" + String.format("%013d", 5_600_000_000_000L + id));
            claims.confirmReturn(id, seller, null, found[returns],
                    "The returned item shows clear signs of use / is not what we sent. 退回商品有明显使用痕迹或非原商品。",
                    Money.fen(0), List.of());
            returns++;
        }
        log.info("Demo returner buyer8: {} missing-item claims, {} returns inspected as not as sold ({} delivered "
                + "orders)", missing, returns, delivered.size());
    }

    /** Bamboo Home: claims on most delivered orders, rejected, many escalated, the withdrawn ones rated poorly. */
    private void badShop(Map<Long, CurrentUser> sellers) {
        Shop bamboo = catalog.shopByCode("bamboo-home").orElseThrow();
        CurrentUser seller = sellers.get(bamboo.id());
        List<OrderSummary> rows = orders.shopOrders(bamboo.id(), false, PageRequest.of(0, 500)).getContent();
        int filed = 0;
        int[] stars = { 1, 2, 2 };
        int rated = 0;
        for (OrderSummary row : rows) {
            if (filed >= 16) {
                break;
            }
            OrderDetails order = orders.details(row.id());
            if (order.status() != OrderStatus.DELIVERED) {
                continue;
            }
            CurrentUser buyer = accounts.account(order.buyerId()).toCurrentUser();
            if ("buyer".equals(buyer.username())) {
                continue;
            }
            Long filedId = file(order, buyer, ClaimType.REFUND_ONLY, ClaimReason.NOT_AS_DESCRIBED, Remedy.REFUND,
                    "Much smaller and thinner than in the photos. 实物比图片小很多、也薄很多。", null);
            if (filedId == null) {
                continue;
            }
            long id = filedId;
            if (claims.claim(id, seller).status() != dev.aftersales.claims.ClaimStatus.AWAITING_SELLER) {
                continue; // fast-tracked: a small claim from a buyer in good standing
            }
            claims.reject(id, seller, null, "Our products match the listing. 商品与描述一致。", List.of());
            if (filed % 5 < 2) {
                claims.escalate(id, buyer, null, "The seller refuses without looking at my photos. 商家不看照片直接拒绝。");
            } else if (rated < stars.length && filed % 5 == 2) {
                claims.withdraw(id, buyer, null, "Gave up. 算了。");
                ratings.rate(id, buyer, stars[rated], "The shop would not even look at my photos. 商家完全不看照片。");
                rated++;
            }
            filed++;
        }
        log.info("Demo shop under supervision: Bamboo Home with {} claims, {} rated", filed, rated);
    }

    /** Sunny Orchard's withdrawn demo claim is rated well. */
    private void rateSunnyOrchard() {
        long shopId = catalog.shopByCode("sunny-orchard").orElseThrow().id();
        claims.shopClaims(shopId, List.of(dev.aftersales.claims.ClaimStatus.WITHDRAWN), PageRequest.of(0, 5))
                .forEach(c -> {
                    CurrentUser buyer = accounts.account(c.buyerId()).toCurrentUser();
                    if (ratings.of(c.id()).isEmpty()) {
                        ratings.rate(c.id(), buyer, 5, "Friendly and quick. 商家回复很快，态度很好。");
                    }
                });
    }

    private List<OrderDetails> delivered(CurrentUser buyer) {
        List<OrderDetails> delivered = new ArrayList<>();
        for (OrderSummary row : orders.buyerOrders(buyer.accountId(), PageRequest.of(0, 200)).getContent()) {
            OrderDetails order = orders.details(row.id());
            if (order.status() == OrderStatus.DELIVERED) {
                delivered.add(order);
            }
        }
        return delivered;
    }

    /**
     * Files a claim on the first line that can still be claimed, as the order's buyer; {@code null} when the type is
     * not available for the order (window, units already claimed) so that nothing is refused halfway.
     */
    private Long file(OrderDetails order, CurrentUser buyer, ClaimType type, ClaimReason reason, Remedy remedy,
            String description, Money amount) {
        boolean available = claims.availability(order.id(), buyer).stream().filter(a -> a.type() == type)
                .anyMatch(Availability::available);
        if (!available) {
            return null;
        }
        Long lineId = claims.form(order.id(), type, buyer).lines().stream()
                .filter(l -> l.selectable() && (reason != ClaimReason.NO_REASON || l.returnable()))
                .filter(l -> amount == null || !amount.greaterThan(l.paidPerUnit()))
                .map(dev.aftersales.claims.ClaimForm.LineChoice::orderLineId).findFirst().orElse(null);
        if (lineId == null) {
            return null;
        }
        return claims.file(new FileClaim(order.id(), type, reason, remedy, description, Map.of(lineId, 1), amount,
                UUID.randomUUID().toString(), List.of()), buyer);
    }

    /**
     * After the history is in the read model (the step above committed and was rebuilt), the returner files one
     * more claim: fast-track is off and the claim is marked for agent review.
     */
    @Component
    @Profile("demo")
    static class ReviewedClaim implements DemoDataStep {

        private final RiskDemoData data;

        ReviewedClaim(RiskDemoData data) {
            this.data = data;
        }

        @Override
        public int order() {
            return 810;
        }

        @Override
        public String name() {
            return "risk-review";
        }

        @Override
        public void load() {
            CurrentUser buyer = data.accounts.byUsername("buyer8").orElseThrow().toCurrentUser();
            for (OrderDetails order : data.delivered(buyer)) {
                Long id = data.file(order, buyer, ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                        "Tastes stale. 味道不新鲜。", Money.fen(900));
                if (id != null) {
                    log.info("Demo claim of the returner marked for agent review: {} (score {})", id,
                            data.risk.buyerRisk(buyer.accountId()).score());
                    return;
                }
            }
        }
    }
}
