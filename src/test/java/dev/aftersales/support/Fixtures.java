package dev.aftersales.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Product;
import dev.aftersales.catalog.Shop;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.NewAccount;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;

/**
 * Builds test data through the modules' own services, with unique names so that test classes sharing the database
 * never collide: a shop with products, its seller, buyers, and orders in a chosen shipping state.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "secret-pass-1";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final MutableClock clock;
    private final LocalPaymentProvider provider;
    private final List<dev.aftersales.shared.Recounted.Keeper> keptFigures;

    Fixtures(CatalogManagement catalog, AccountManagement accounts, OrderManagement orders,
            ShippingManagement shipping, MutableClock clock, LocalPaymentProvider provider,
            List<dev.aftersales.shared.Recounted.Keeper> keptFigures) {
        this.keptFigures = keptFigures;
        this.catalog = catalog;
        this.accounts = accounts;
        this.orders = orders;
        this.shipping = shipping;
        this.clock = clock;
        this.provider = provider;
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /**
     * Where a story starts: the clock back at its start, no figure kept from an earlier story (it may have been
     * counted at a time ahead of this story's clock), the payment provider answering (an earlier test may have left it
     * down), and a new {@link #world()}.
     */
    public World freshWorld() {
        clock.reset();
        keptFigures.forEach(dev.aftersales.shared.Recounted.Keeper::forget);
        provider.recover();
        return world();
    }

    /** A shop with three products: 500 g at ¥30.00, 1,000 g at ¥50.00, 50 g at ¥9.90. */
    public World world() {
        Shop shop = catalog.createShop(unique("shop"), "Test Shop " + UUID.randomUUID().toString().substring(0, 6));
        Product a = catalog.createProduct(shop.id(), "A", "Apple box", Money.fen(3000), 500, true);
        Product b = catalog.createProduct(shop.id(), "B", "Bamboo board", Money.fen(5000), 1000, true);
        Product c = catalog.createProduct(shop.id(), "C", "Cable", Money.fen(990), 50, false);
        UserAccount seller = account(Role.SELLER, shop.id());
        UserAccount buyer = account(Role.BUYER, null);
        return new World(shop, List.of(a, b, c), seller, buyer);
    }

    public UserAccount account(Role role, Long shopId) {
        String username = unique(role.name().toLowerCase());
        return accounts.create(new NewAccount(username, PASSWORD, role, "Name of " + username, null,
                "138" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000), shopId,
                role == Role.BUYER ? "ext-" + username : null));
    }

    public static CurrentUser user(UserAccount account) {
        return account.toCurrentUser();
    }

    /** A paid order of the world's buyer: 2 × A and 1 × B (¥110.00, goods 2,000 g), paid an hour ago. */
    public OrderDetails paidOrder(World world) {
        return paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3000, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null)), clock.instant().minus(Duration.ofHours(1)));
    }

    public OrderDetails paidOrder(World world, List<StorefrontOrder.Line> lines, Instant paidAt) {
        long paid = lines.stream().mapToLong(l -> l.paidMinor() != null ? l.paidMinor() : l.unitPriceMinor() * l.quantity())
                .sum();
        return orders.upsert(new StorefrontOrder(unique("T"), world.shop().code(), world.buyer().externalRef(),
                world.buyer().displayName(), world.buyer().phone(), "CNY", paid, 0, paidAt,
                world.buyer().displayName(), world.buyer().phone(), "Test Road 1, Hangzhou", lines)).order();
    }

    /** Ships the order now with a fresh SF number and returns the tracking number. */
    public String ship(OrderDetails order) {
        String tracking = trackingNumber();
        shipping.registerFromStorefront(order.orderNumber(), Carrier.SF, tracking, clock.instant());
        return tracking;
    }

    /** Ships, scans (with the measured weight) and delivers the order now. */
    public String deliver(OrderDetails order, Integer measuredGrams) {
        String tracking = ship(order);
        Instant now = clock.instant();
        shipping.recordEvent(tracking, new ScanReport(null, now, TrackingEventKind.PICKED_UP, "Hangzhou", null,
                measuredGrams));
        shipping.recordEvent(tracking, new ScanReport(null, now, TrackingEventKind.DELIVERED, "Locker", null, null));
        return tracking;
    }

    public String deliverLeg(String tracking) {
        shipping.recordEvent(tracking, new ScanReport(null, clock.instant(), TrackingEventKind.DELIVERED, "Shop",
                null, null));
        return tracking;
    }

    public static String trackingNumber() {
        return "SF" + String.format("%013d", SEQUENCE.incrementAndGet() * 7 % 10_000_000_000_000L);
    }

    /** The id of the order's line with this SKU. */
    public static long lineId(OrderDetails order, String sku) {
        return order.lines().stream().filter(l -> l.sku().equals(sku)).findFirst().orElseThrow().id();
    }

    public OrderDetails reload(OrderDetails order) {
        return orders.details(order.id());
    }

    /** A shop, its products, its seller and a buyer. */
    /** A real 1 × 1 PNG, recognised as an image by its content. */
    public static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
            chunk(out, "IHDR", new byte[] { 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 });
            Deflater deflater = new Deflater();
            deflater.setInput(new byte[] { 0, (byte) 200, 50, 50 });
            deflater.finish();
            byte[] buffer = new byte[64];
            int length = deflater.deflate(buffer);
            byte[] data = new byte[length];
            System.arraycopy(buffer, 0, data, 0, length);
            chunk(out, "IDAT", data);
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
        out.write(new byte[] { (byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
                (byte) data.length });
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long value = crc.getValue();
        out.write(new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value });
    }

    public record World(Shop shop, List<Product> products, UserAccount seller, UserAccount buyer) {

        public CurrentUser sellerUser() {
            return seller.toCurrentUser();
        }

        public CurrentUser buyerUser() {
            return buyer.toCurrentUser();
        }

        public List<Long> ids() {
            return new ArrayList<>(products.stream().map(Product::id).toList());
        }
    }
}
