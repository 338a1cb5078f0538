package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Product;
import dev.aftersales.claims.CancelLines;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.demo.DemoDataStep;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;

/**
 * Orders of {@code buyer} at Sunny Orchard on which each system-opened story can be played
 * (docs/system-cases.md#trying-the-watchers-locally): {@code SO900001} unshipped just past its ship-by time (the
 * ship-by watcher opens NO_TRACKING on its first pass), {@code SO900002} "shipped" 30 h ago with a tracking number never scanned (flagged as fake, then
 * NO_TRACKING), {@code SO900003} with a line cancelled as out of stock and a substitute offered (the buyer's choice
 * is pending), {@code SO900004} paid and unshipped, for the oversold cancellation through the API. The foundation's
 * oversold orders get their ORDER_CANCELLED cases and refunds from the same reaction as a live cancellation.
 */
@Component
@Profile("demo")
class WatchersDemoData implements DemoDataStep {

    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final SystemCases cases;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EntityManager entities;

    WatchersDemoData(CatalogManagement catalog, AccountManagement accounts, OrderManagement orders,
            ShippingManagement shipping, SystemCases cases, JdbcTemplate jdbc, Clock clock, EntityManager entities) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.orders = orders;
        this.shipping = shipping;
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
        this.entities = entities;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String name() {
        return "watchers";
    }

    @Override
    public void load() {
        Instant now = clock.instant();
        UserAccount buyer = accounts.byUsername("buyer").orElseThrow();
        CurrentUser seller = accounts.byUsername("seller").orElseThrow().toCurrentUser();
        String shop = "sunny-orchard";
        long shopId = catalog.shopByCode(shop).orElseThrow().id();
        Duration shipBy = catalog.policyFor(shopId).shipBy();

        order("SO900001", shop, buyer, now.minus(shipBy).minus(Duration.ofMinutes(5)), line(shopId, "FUJI-5KG", 1));

        Instant entered = now.minus(Duration.ofHours(30));
        order("SO900002", shop, buyer, entered.minus(Duration.ofHours(10)), line(shopId, "NAVEL-3KG", 2));
        String tracking = FoundationDemoData.trackingNumber(Carrier.YTO, 900_002);
        shipping.registerFromStorefront("SO900002", Carrier.YTO, tracking, entered);
        // the demo is loaded now: date the number's entry back to when the storefront says it shipped (after the
        // pending writes, so that none of them puts the entry time back)
        entities.flush();
        jdbc.update("update shipments set created_at = ? where tracking_number = ?", Timestamp.from(entered),
                tracking);

        OrderDetails partly = order("SO900003", shop, buyer, now.minus(Duration.ofHours(2)),
                line(shopId, "KIWI-12", 2), line(shopId, "HONEY-500", 1));
        long honey = partly.lines().stream().filter(l -> l.sku().equals("HONEY-500")).findFirst().orElseThrow().id();
        cases.cancelLines(new CancelLines(partly.id(), Map.of(honey, 1), CancellationReason.OUT_OF_STOCK,
                "WALNUT-1KG", "蜂蜜售罄，可改发纸皮核桃。The honey sold out; walnuts instead?"), seller);

        order("SO900004", shop, buyer, now.minus(Duration.ofHours(3)), line(shopId, "MANGO-DRY-500", 2));
    }

    private StorefrontOrder.Line line(long shopId, String sku, int quantity) {
        Product p = catalog.product(shopId, sku).orElseThrow();
        return new StorefrontOrder.Line(p.sku(), p.title(), quantity, p.price().minor(), null);
    }

    private OrderDetails order(String number, String shopCode, UserAccount buyer, Instant paidAt,
            StorefrontOrder.Line... lines) {
        long paid = List.of(lines).stream().mapToLong(l -> l.unitPriceMinor() * l.quantity()).sum();
        String address = accounts.addressesOf(buyer.id()).get(0).address();
        return orders.upsert(new StorefrontOrder(number, shopCode, buyer.externalRef(), buyer.displayName(),
                buyer.phone(), "CNY", paid, 0, paidAt, buyer.displayName(), buyer.phone(), address, List.of(lines)))
                .order();
    }
}
