package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.CancelLines;
import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.LedgerInvariants.Ledger;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/**
 * The storefront cancels an oversold order while the buyer chooses the refund of a line the seller cancelled and
 * the storefront reports the parcel, all at once: whatever comes first, everything paid is refunded exactly once (the
 * cancelled line by its case, the rest by the ORDER_CANCELLED case), each compensation is paid once, and the API never
 * answers 500.
 */
@AftersalesIntegrationTest
class OrderCancellationRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
    @Autowired
    SystemCases systemCases;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    World world;
    OrderDetails order;
    ApiCalls api;
    long delistedCase;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
        // 2 × A (¥60.00) and 1 × B (¥50.00) with ¥8.00 shipping: ¥118.00 paid, not shipped
        order = orders.upsert(new StorefrontOrder(Fixtures.unique("OS"), world.shop().code(),
                world.buyer().externalRef(), world.buyer().displayName(), world.buyer().phone(), "CNY", 11800, 800,
                clock.instant().minus(Duration.ofHours(1)), world.buyer().displayName(), world.buyer().phone(),
                "Test Road 1, Hangzhou", List.of(new StorefrontOrder.Line("A", null, 2, 3000, null),
                        new StorefrontOrder.Line("B", null, 1, 5000, null)))).order();
        api = new ApiCalls(port, apiClients.create(Fixtures.unique("storefront-")).key());
        // the seller cancels one A as out of stock: the buyer is to choose refund or nothing else
        delistedCase = systemCases.cancelLines(new CancelLines(order.id(), Map.of(Fixtures.lineId(order, "A"), 1),
                CancellationReason.OUT_OF_STOCK, null, null), world.sellerUser());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oversoldCancellationsRacingTheBuyersRefundChoiceRefundEverythingPaidOnce() {
        List<Outcome<Object>> outcomes = Race.run(30, i -> i % 2 == 0
                ? () -> api.cancel(order.orderNumber(), "OVERSOLD")
                : () -> {
                    systemCases.choose(delistedCase, world.buyerUser(), null, Remedy.REFUND);
                    return "chosen";
                });

        assertThat(Race.unexpected(outcomes, TransitionRejected.class, ClaimChanged.class)).isEmpty();
        List<ApiCalls.Response> answers = outcomes.stream().filter(o -> o.value() instanceof ApiCalls.Response)
                .map(o -> (ApiCalls.Response) o.value()).toList();
        assertThat(answers).hasSize(15).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("one cancellation").hasSize(1);

        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(statusOf(delistedCase)).as("the cancelled line's case").isIn(ClaimStatus.REFUND_PENDING,
                ClaimStatus.RESOLVED);
        assertThat(casesOfType("ORDER_CANCELLED")).as("one ORDER_CANCELLED case").isEqualTo(1);
        Ledger money = ledger.assertHold(order.id());
        ledger.assertUnitsClaimedAtMostOnce(order.id());
        assertThat(money.netRefundedMinor()).as("everything paid is refunded").isEqualTo(11800);
        assertThat(money.count("REFUND", "UNAVAILABLE")).as("the cancelled line refunded once").isEqualTo(1);
        assertThat(money.count("REFUND", "ORDER_CANCELLED")).as("the rest refunded once").isEqualTo(1);
        assertThat(money.count("COMPENSATION", "OVERSOLD")).isEqualTo(1);
        assertThat(money.count("COMPENSATION", "OUT_OF_STOCK")).isEqualTo(1);
    }

    @Test
    void cancellationRefundChoiceAndParcelFromTheApiAtOnceEndConsistently() {
        List<Outcome<Object>> outcomes = Race.run(30, i -> switch (i % 3) {
            case 0 -> () -> api.cancel(order.orderNumber(), "OVERSOLD");
            case 1 -> () -> api.ship(order.orderNumber(), "SF", Fixtures.trackingNumber());
            default -> () -> {
                systemCases.choose(delistedCase, world.buyerUser(), null, Remedy.REFUND);
                return "chosen";
            };
        });

        assertThat(Race.unexpected(outcomes, TransitionRejected.class, ClaimChanged.class)).isEmpty();
        List<ApiCalls.Response> answers = outcomes.stream().filter(o -> o.value() instanceof ApiCalls.Response)
                .map(o -> (ApiCalls.Response) o.value()).toList();
        assertThat(answers).hasSize(20).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201, 409));
        assertThat(answers.stream().filter(a -> a.status() == 409)).allSatisfy(a -> assertThat(a.problem()).isTrue());
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("one cancellation or one parcel").hasSize(1);

        OrderStatus status = orders.details(order.id()).status();
        Ledger money = ledger.assertHold(order.id());
        ledger.assertUnitsClaimedAtMostOnce(order.id());
        int parcels = jdbc.queryForObject("select count(*) from shipments where order_id = ?", Integer.class,
                order.id());
        if (status == OrderStatus.CANCELLED) {
            assertThat(parcels).isZero();
            assertThat(casesOfType("ORDER_CANCELLED")).isEqualTo(1);
            assertThat(money.netRefundedMinor()).isEqualTo(11800);
            assertThat(money.count("COMPENSATION", "OVERSOLD")).isEqualTo(1);
        } else {
            assertThat(status).isEqualTo(OrderStatus.SHIPPED);
            assertThat(parcels).as("one outbound parcel").isEqualTo(1);
            assertThat(casesOfType("ORDER_CANCELLED")).isZero();
            assertThat(money.count("COMPENSATION", "OVERSOLD")).isZero();
        }
        assertThat(money.count("REFUND", "UNAVAILABLE")).as("the cancelled line refunded at most once")
                .isLessThanOrEqualTo(1);
        assertThat(money.count("COMPENSATION", "OUT_OF_STOCK")).isEqualTo(1);
    }

    ClaimStatus statusOf(long claimId) {
        return ClaimStatus.valueOf(jdbc.queryForObject("select status from claims where id = ?", String.class,
                claimId));
    }

    int casesOfType(String type) {
        return jdbc.queryForObject("select count(*) from claims where order_id = ? and type = ?", Integer.class,
                order.id(), type);
    }
}
