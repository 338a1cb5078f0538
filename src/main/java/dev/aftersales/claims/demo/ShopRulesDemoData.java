package dev.aftersales.claims.demo;

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
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.ShopRuleKind;
import dev.aftersales.claims.ShopRules;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.demo.DemoDataStep;

/**
 * Sunny Orchard's automation rules: a saved greeting and "accept refund-only claims up to ¥30.00". Made after every
 * other demo claim (so they change none of the demo's stories), then one new small refund-only claim from a buyer
 * without claims, which both rules answer as soon as the demo data is committed.
 */
@Component
@Profile("demo")
class ShopRulesDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(ShopRulesDemoData.class);

    private final ShopRules rules;
    private final ClaimManagement claims;
    private final OrderManagement orders;
    private final AccountManagement accounts;
    private final CatalogManagement catalog;

    ShopRulesDemoData(ShopRules rules, ClaimManagement claims, OrderManagement orders, AccountManagement accounts,
            CatalogManagement catalog) {
        this.rules = rules;
        this.claims = claims;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public String name() {
        return "shop-rules";
    }

    @Override
    public void load() {
        long shopId = catalog.shopByCode("sunny-orchard").orElseThrow().id();
        CurrentUser seller = accounts.byUsername("seller").orElseThrow().toCurrentUser();
        rules.create(seller, "Greeting (demo)", ShopRuleKind.REPLY, null,
                "您好 {buyer}，我们已收到售后单 {claim}（订单 {order}），会尽快处理。Hello {buyer}, we have your claim "
                        + "{claim} for order {order} and are on it.");
        rules.create(seller, "Small refunds up to ¥30 (demo)", ShopRuleKind.ACCEPT_SMALL_REFUND, Money.fen(3000), null);
        for (OrderSummary row : orders.shopOrders(shopId, false, PageRequest.of(0, 500)).getContent()) {
            OrderDetails order = orders.details(row.id());
            if (order.status() != OrderStatus.DELIVERED || !claims.claimsOfOrder(order.id()).isEmpty()
                    || claims.buyerClaims(order.buyerId(), PageRequest.of(0, 1)).getTotalElements() > 0) {
                continue;
            }
            CurrentUser buyer = accounts.account(order.buyerId()).toCurrentUser();
            var line = order.lines().stream().filter(l -> l.paid().minor() >= 2500).findFirst();
            boolean open = claims.availability(order.id(), buyer).stream()
                    .anyMatch(a -> a.type() == ClaimType.REFUND_ONLY && a.available());
            if (line.isPresent() && open) {
                long id = claims.file(new FileClaim(order.id(), ClaimType.REFUND_ONLY, ClaimReason.QUALITY,
                        Remedy.REFUND, "两个苹果有压伤。Two apples were bruised.", Map.of(line.get().id(), 1),
                        Money.fen(2500), UUID.randomUUID().toString(), List.of()), buyer);
                log.info("Demo claim {} for Sunny Orchard's rules", id);
                return;
            }
        }
        log.warn("No delivered Sunny Orchard order without claims: the demo's shop rules wait for the next claim");
    }
}
