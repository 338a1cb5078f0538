package dev.aftersales.platform.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.Product;
import dev.aftersales.catalog.Shop;
import dev.aftersales.catalog.ShopPromises;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.NewAccount;
import dev.aftersales.identity.SellerApiKeys;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.demo.DemoDataStep;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;

/**
 * The demo marketplace: three shops with twenty products, ten buyers, sellers, agents and an admin, an integration
 * API client, and 200 orders in every shipping state, dated relative to the moment the demo is loaded.
 * Order numbers are {@code SO100001} to {@code SO100200}; the first order of each state belongs to {@code buyer}
 * and to Sunny Orchard (whose staff signs in as {@code seller}).
 */
@Component
@Profile("demo")
class FoundationDemoData implements DemoDataStep {

    /** The shipping states of the demo orders and how many of each. */
    enum Scenario {
        UNSHIPPED_IN_TIME(25), UNSHIPPED_LATE(15), SHIPPED_NO_SCAN(15), IN_TRANSIT(40), STALLED(15),
        DELIVERED_WEIGHT_OK(70), DELIVERED_LIGHT(15), CANCELLED_OVERSOLD(5);

        final int count;

        Scenario(int count) {
            this.count = count;
        }
    }

    static final String DEMO_PASSWORD = "demo";
    static final String DEMO_API_KEY = "demo-storefront-key";
    /** Sunny Orchard's ERP key on the seller API, with every scope (docs/seller-api.md uses it). */
    static final String DEMO_SELLER_API_KEY = "ssk_demo_sunny_orchard_erp";
    private static final Carrier[] CARRIERS = { Carrier.SF, Carrier.YTO, Carrier.ZTO, Carrier.JD, Carrier.YUNDA,
            Carrier.JT, Carrier.STO, Carrier.EMS };

    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final ApiClientManagement apiClients;
    private final SellerApiKeys sellerApiKeys;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final Clock clock;

    FoundationDemoData(CatalogManagement catalog, AccountManagement accounts, ApiClientManagement apiClients,
            SellerApiKeys sellerApiKeys, OrderManagement orders, ShippingManagement shipping, Clock clock) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.apiClients = apiClients;
        this.sellerApiKeys = sellerApiKeys;
        this.orders = orders;
        this.shipping = shipping;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String name() {
        return "foundation";
    }

    @Override
    public void load() {
        List<Shop> shops = shopsAndProducts();
        List<UserAccount> buyers = people(shops);
        apiClients.register("demo-storefront", DEMO_API_KEY);
        orders(shops, buyers);
    }

    private List<Shop> shopsAndProducts() {
        Shop sunny = catalog.createShop("sunny-orchard", "Sunny Orchard 阳光果园");
        catalog.promise(sunny.id(), new ShopPromises(24, null, null, null, null, null, null));
        product(sunny, "FUJI-5KG", "Fuji apples, 5 kg box 红富士苹果", 5990, 5200, false);
        product(sunny, "NAVEL-3KG", "Gannan navel oranges, 3 kg 赣南脐橙", 4500, 3100, false);
        product(sunny, "KIWI-12", "Golden kiwi, 12 pieces 黄心猕猴桃", 3990, 1300, false);
        product(sunny, "MANGO-DRY-500", "Dried mango, 500 g 芒果干", 2990, 560, true);
        product(sunny, "WALNUT-1KG", "Paper-shell walnuts, 1 kg 纸皮核桃", 4900, 1050, true);
        product(sunny, "HONEY-500", "Wildflower honey, 500 g jar 百花蜂蜜", 6800, 780, true);
        product(sunny, "JUJUBE-1KG", "Xinjiang red jujubes, 1 kg 新疆红枣", 3500, 1050, true);

        Shop bamboo = catalog.createShop("bamboo-home", "Bamboo Home 竹居家居");
        product(bamboo, "BOARD-BAMBOO", "Bamboo cutting board 竹砧板", 8900, 950, true);
        product(bamboo, "MUG-SET-4", "Ceramic mug set of 4 陶瓷马克杯四件套", 12800, 1600, true);
        product(bamboo, "TOWEL-2", "Cotton towels, pair 纯棉毛巾两条装", 5900, 480, true);
        product(bamboo, "BOX-3", "Storage boxes, set of 3 收纳箱三件套", 7900, 1200, true);
        product(bamboo, "CHOPSTICKS-10", "Bamboo chopsticks, 10 pairs 竹筷十双", 1990, 220, true);
        product(bamboo, "PILLOW", "Buckwheat pillow 荞麦枕", 9900, 900, true);

        Shop pixel = catalog.createShop("pixel-gadgets", "Pixel Gadgets 像素数码");
        product(pixel, "CABLE-C-1M", "USB-C cable, 1 m 数据线", 2900, 60, true);
        product(pixel, "POWERBANK-10K", "Power bank 10000 mAh 充电宝", 12900, 230, true);
        product(pixel, "EARBUDS-W", "Wireless earbuds 无线耳机", 19900, 120, true);
        product(pixel, "CASE-P15", "Phone case 手机壳", 3900, 40, true);
        product(pixel, "GLASS-2", "Screen protector, 2 pack 钢化膜两片", 2500, 30, true);
        product(pixel, "SPEAKER-BT", "Bluetooth speaker 蓝牙音箱", 15900, 480, true);
        product(pixel, "BAND-S", "Smart band 智能手环", 22900, 80, true);
        return List.of(sunny, bamboo, pixel);
    }

    private void product(Shop shop, String sku, String title, long priceFen, int grams, boolean returnable) {
        catalog.createProduct(shop.id(), sku, title, Money.fen(priceFen), grams, returnable);
    }

    private List<UserAccount> people(List<Shop> shops) {
        String[][] buyers = {
                { "buyer", "李娜 Li Na", "13800000001", "杭州市西湖区文三路 100 号 1 幢 501" },
                { "buyer2", "王伟 Wang Wei", "13800000002", "上海市浦东新区世纪大道 200 号 12 楼" },
                { "buyer3", "张敏 Zhang Min", "13800000003", "苏州市姑苏区人民路 33 号" },
                { "buyer4", "刘洋 Liu Yang", "13800000004", "南京市鼓楼区中山路 18 号 2 单元 302" },
                { "buyer5", "陈静 Chen Jing", "13800000005", "武汉市武昌区中南路 7 号" },
                { "buyer6", "杨磊 Yang Lei", "13800000006", "长沙市岳麓区麓山路 66 号" },
                { "buyer7", "赵丽 Zhao Li", "13800000007", "广州市天河区体育西路 101 号" },
                { "buyer8", "黄强 Huang Qiang", "13800000008", "深圳市南山区科技园南区 9 栋" },
                // buyer9 and buyer10 share a phone and an address: a linked-account pair
                { "buyer9", "周杰 Zhou Jie", "13900000009", "成都市武侯区科华北路 12 号 3 单元 1101" },
                { "buyer10", "周婷 Zhou Ting", "13900000009", "成都市武侯区科华北路12号3单元1101" } };
        List<UserAccount> created = new ArrayList<>();
        for (String[] b : buyers) {
            UserAccount buyer = accounts.create(new NewAccount(b[0], DEMO_PASSWORD, Role.BUYER, b[1],
                    b[0] + "@example.com", b[2], null, "u-" + b[0]));
            accounts.recordAddress(buyer.id(), b[3]);
            created.add(buyer);
        }
        UserAccount sunnySeller = accounts.create(new NewAccount("seller", DEMO_PASSWORD, Role.SELLER,
                "王芳 Wang Fang (Sunny Orchard)", "seller@example.com", null, shops.get(0).id(), null));
        sellerApiKeys.register(sunnySeller.toCurrentUser(), "ERP (demo)", EnumSet.allOf(ApiScope.class),
                DEMO_SELLER_API_KEY);
        sellerApiKeys.create(sunnySeller.toCurrentUser(), "Helpdesk read-only (demo)", EnumSet.of(ApiScope.CLAIMS_READ));
        accounts.create(new NewAccount("seller2", DEMO_PASSWORD, Role.SELLER, "孙涛 Sun Tao (Bamboo Home)",
                "seller2@example.com", null, shops.get(1).id(), null));
        accounts.create(new NewAccount("seller3", DEMO_PASSWORD, Role.SELLER, "吴鹏 Wu Peng (Pixel Gadgets)",
                "seller3@example.com", null, shops.get(2).id(), null));
        accounts.create(new NewAccount("agent", DEMO_PASSWORD, Role.AGENT, "赵敏 Zhao Min (platform)",
                "agent@example.com", null, null, null));
        accounts.create(new NewAccount("agent2", DEMO_PASSWORD, Role.AGENT, "钱进 Qian Jin (platform)",
                "agent2@example.com", null, null, null));
        accounts.create(new NewAccount("admin", DEMO_PASSWORD, Role.ADMIN, "平台管理员 Platform admin",
                "admin@example.com", null, null, null));
        return created;
    }

    private void orders(List<Shop> shops, List<UserAccount> buyers) {
        Random random = new Random(20261123);
        Instant now = clock.instant();
        int sequence = 100_000;
        for (Scenario scenario : Scenario.values()) {
            for (int j = 0; j < scenario.count; j++) {
                sequence++;
                Shop shop = shops.get(j % shops.size());
                UserAccount buyer = buyers.get(j % buyers.size());
                List<Product> products = catalog.productsOf(shop.id());
                int lineCount = scenario == Scenario.DELIVERED_LIGHT ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
                List<StorefrontOrder.Line> lines = new ArrayList<>();
                List<Product> chosen = new ArrayList<>(products);
                java.util.Collections.shuffle(chosen, random);
                long paid = 0;
                int grams = 0;
                int lastUnitGrams = 0;
                for (int l = 0; l < lineCount; l++) {
                    Product p = chosen.get(l);
                    int quantity = 1 + random.nextInt(l == 0 ? 3 : 2);
                    lines.add(new StorefrontOrder.Line(p.sku(), p.title(), quantity, p.price().minor(), null));
                    paid += p.price().minor() * quantity;
                    grams += p.unitWeightGrams() * quantity;
                    lastUnitGrams = p.unitWeightGrams();
                }
                Instant paidAt = paidAt(scenario, random, now);
                String number = "SO" + sequence;
                String address = addressOf(buyer);
                orders.upsert(new StorefrontOrder(number, shop.code(), buyer.externalRef(), buyer.displayName(),
                        buyer.phone(), "CNY", paid, 0, paidAt, buyer.displayName(), buyer.phone(), address, lines));
                ship(scenario, number, sequence, paidAt, grams, lastUnitGrams, random, now);
            }
        }
    }

    private String addressOf(UserAccount buyer) {
        return accounts.addressesOf(buyer.id()).get(0).address();
    }

    private static Instant paidAt(Scenario scenario, Random random, Instant now) {
        long hours = switch (scenario) {
            case UNSHIPPED_IN_TIME -> 1 + random.nextInt(20);
            case UNSHIPPED_LATE -> 50 + random.nextInt(70);
            case SHIPPED_NO_SCAN -> 20 + random.nextInt(10);
            case IN_TRANSIT -> 30 + random.nextInt(30);
            case STALLED -> 24 * 6 + random.nextInt(48);
            case DELIVERED_WEIGHT_OK, DELIVERED_LIGHT -> 24 * 4 + random.nextInt(24 * 12);
            case CANCELLED_OVERSOLD -> 2 + random.nextInt(20);
        };
        return now.minus(Duration.ofHours(hours)).minus(Duration.ofMinutes(random.nextInt(60)));
    }

    /**
     * Ships the order as its scenario says. A parcel weighs its goods plus 150 g and 5 % of the goods for packing;
     * a light parcel ({@code DELIVERED_LIGHT}) lacks one unit of its last line, the unit its buyer reports missing.
     */
    private void ship(Scenario scenario, String number, int sequence, Instant paidAt, int grams, int lastUnitGrams,
            Random random, Instant now) {
        if (scenario == Scenario.UNSHIPPED_IN_TIME || scenario == Scenario.UNSHIPPED_LATE) {
            return;
        }
        if (scenario == Scenario.CANCELLED_OVERSOLD) {
            orders.cancel(number, CancellationReason.OVERSOLD, "sold out during a flash sale", "STOREFRONT");
            return;
        }
        Carrier carrier = CARRIERS[sequence % CARRIERS.length];
        String tracking = trackingNumber(carrier, sequence);
        Instant shippedAt = scenario == Scenario.SHIPPED_NO_SCAN ? now.minus(Duration.ofHours(2 + random.nextInt(15)))
                : paidAt.plus(Duration.ofHours(6 + random.nextInt(12)));
        shipping.registerFromStorefront(number, carrier, tracking, shippedAt);
        if (scenario == Scenario.SHIPPED_NO_SCAN) {
            return;
        }
        int packed = scenario == Scenario.DELIVERED_LIGHT ? grams - lastUnitGrams : grams;
        int measured = packed + 150 + packed / 20;
        Instant t = shippedAt.plus(Duration.ofHours(3));
        scan(tracking, t, TrackingEventKind.PICKED_UP, "Hangzhou 杭州", "picked up by courier 快递员已揽收", measured);
        if (scenario == Scenario.STALLED) {
            scan(tracking, t.plus(Duration.ofHours(9)), TrackingEventKind.IN_TRANSIT, "Jinhua hub 金华转运中心",
                    "arrived at sorting centre 到达分拣中心", null);
            return;
        }
        Instant hubTime = scenario == Scenario.IN_TRANSIT ? min(t.plus(Duration.ofHours(10)), now.minusSeconds(600))
                : t.plus(Duration.ofHours(10));
        scan(tracking, hubTime, TrackingEventKind.IN_TRANSIT, "Shanghai hub 上海转运中心",
                "departed sorting centre 离开分拣中心", null);
        if (scenario == Scenario.IN_TRANSIT) {
            return;
        }
        Instant out = t.plus(Duration.ofHours(30 + random.nextInt(20)));
        scan(tracking, out, TrackingEventKind.OUT_FOR_DELIVERY, "Local station 派送站", "out for delivery 派送中",
                null);
        scan(tracking, out.plus(Duration.ofHours(3)), TrackingEventKind.DELIVERED, "Parcel locker 快递柜",
                "delivered to parcel locker 已放入快递柜", null);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void scan(String tracking, Instant at, TrackingEventKind kind, String location, String description,
            Integer weight) {
        shipping.recordEvent(tracking, new ScanReport(null, at, kind, location, description, weight));
    }

    static String trackingNumber(Carrier carrier, int sequence) {
        String digits13 = String.format("%013d", 4_200_000_000_000L + sequence);
        String digits11 = String.format("%011d", 42_000_000_000L + sequence);
        return switch (carrier) {
            case SF -> "SF" + digits13;
            case YTO -> "YT" + digits13;
            case ZTO -> "7" + digits13;
            case STO -> "77" + digits11;
            case YUNDA -> "43" + digits11;
            case JD -> "JDVA" + digits11;
            case EMS -> "1" + String.format("%012d", 420_000_000_000L + sequence);
            case JT -> "JT" + digits13;
        };
    }
}
