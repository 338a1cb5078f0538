package dev.aftersales.claims.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

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
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.demo.DemoDataStep;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;

/**
 * Sunny Orchard's automation rules: a saved greeting and "accept refund-only claims up to ¥30.00". Made after every
 * other demo claim (so they change none of the demo's stories), then a new buyer's delivered order and its small
 * refund-only claim, which both rules answer as soon as the demo data is committed.
 */
@Component
@Profile("demo")
class ShopRulesDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(ShopRulesDemoData.class);

    private final ShopRules rules;
    private final ClaimManagement claims;
    private final OrderManagement orders;
    private final AccountManagement accounts;
    private final ShippingManagement shipping;
    private final Clock clock;

    ShopRulesDemoData(ShopRules rules, ClaimManagement claims, OrderManagement orders, AccountManagement accounts,
            ShippingManagement shipping, Clock clock) {
        this.rules = rules;
        this.claims = claims;
        this.orders = orders;
        this.accounts = accounts;
        this.shipping = shipping;
        this.clock = clock;
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
        CurrentUser seller = accounts.byUsername("seller").orElseThrow().toCurrentUser();
        rules.create(seller, "Greeting (demo)", ShopRuleKind.REPLY, null,
                "您好 {buyer}，我们已收到售后单 {claim}（订单 {order}），会尽快处理。Hello {buyer}, we have your claim "
                        + "{claim} for order {order} and are on it.");
        rules.create(seller, "Small refunds up to ¥30 (demo)", ShopRuleKind.ACCEPT_SMALL_REFUND, Money.fen(3000), null);
        // a new buyer's delivered order of a 5 kg box of apples, so the buyer's standing is normal
        Instant now = clock.instant();
        Instant paidAt = now.minus(Duration.ofDays(4));
        String number = "SO-RULES-1";
        orders.upsert(new StorefrontOrder(number, "sunny-orchard", "demo-rules-buyer", "林静 Lin Jing", "13900001234",
                "CNY", 5990, 0, paidAt, "林静 Lin Jing", "13900001234", "杭州市西湖区文三路 90 号",
                List.of(new StorefrontOrder.Line("FUJI-5KG", "Fuji apples, 5 kg box 红富士苹果", 1, 5990, null))));
        String tracking = "SF7000000009001";
        shipping.registerFromStorefront(number, Carrier.SF, tracking, paidAt.plus(Duration.ofHours(8)));
        shipping.recordEvent(tracking, new ScanReport(null, paidAt.plus(Duration.ofHours(10)),
                TrackingEventKind.PICKED_UP, "Hangzhou 杭州", "picked up by courier 快递员已揽收", 5_600));
        shipping.recordEvent(tracking, new ScanReport(null, paidAt.plus(Duration.ofHours(40)),
                TrackingEventKind.DELIVERED, "Parcel locker 快递柜", "delivered to parcel locker 已放入快递柜", null));
        OrderDetails order = orders.byNumber(number).orElseThrow();
        CurrentUser buyer = accounts.account(order.buyerId()).toCurrentUser();
        long id = claims.file(new FileClaim(order.id(), ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                "两个苹果有压伤。Two apples were bruised.", Map.of(order.lines().get(0).id(), 1), Money.fen(2500),
                UUID.randomUUID().toString(), List.of()), buyer);
        log.info("Demo claim {} for Sunny Orchard's rules", id);
    }
}
