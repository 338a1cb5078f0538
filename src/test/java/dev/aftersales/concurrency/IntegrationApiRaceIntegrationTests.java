package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/**
 * The storefront calling the integration API for one order from several threads at once: calls on one order are
 * served one after the other, so the answer is the one the order's state gives (201, 200 for a repeat, 409 with a
 * code for a genuine conflict) and never a 500; an order keeps one outbound parcel.
 */
@AftersalesIntegrationTest
class IntegrationApiRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
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

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
        order = fixtures.paidOrder(world);
        api = new ApiCalls(port, apiClients.create(Fixtures.unique("storefront-")).key());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void parcelsWithDifferentNumbersPostedAtOnceRecordOneAndRefuseTheRestWithACode() {
        List<Outcome<ApiCalls.Response>> outcomes = Race.runSame(12,
                () -> api.ship(order.orderNumber(), "SF", Fixtures.trackingNumber()));

        List<ApiCalls.Response> answers = answers(outcomes);
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201)).hasSize(11).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(409);
            assertThat(a.problem()).isTrue();
            assertThat(a.body()).contains("\"code\":\"order-already-shipped\"");
        });
        assertThat(outboundParcels()).isEqualTo(1);
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void theSameParcelPostedAtOnceIsRecordedOnce() {
        String tracking = Fixtures.trackingNumber();
        List<ApiCalls.Response> answers = answers(Race.runSame(12, () -> api.ship(order.orderNumber(), "SF",
                tracking)));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(11);
        assertThat(outboundParcels()).isEqualTo(1);
    }

    @Test
    void cancellationsPostedAtOnceCancelOnceAndAnswerTheRepeatsWith200() {
        List<ApiCalls.Response> answers = answers(Race.runSame(16, () -> api.cancel(order.orderNumber(),
                "OVERSOLD")));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(15);
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(jdbc.queryForObject("select count(*) from claims where order_id = ? and type = 'ORDER_CANCELLED'",
                Integer.class, order.id())).isEqualTo(1);
        var money = ledger.assertHold(order.id());
        assertThat(money.netRefundedMinor()).isEqualTo(order.paid().minor());
        assertThat(money.count("COMPENSATION", "OVERSOLD")).isEqualTo(1);
    }

    @Test
    void cancellationsAndParcelsAtOnceEitherCancelOrShipNeverBoth() {
        List<ApiCalls.Response> answers = answers(Race.run(16, i -> i % 2 == 0
                ? () -> api.cancel(order.orderNumber(), "OVERSOLD")
                : () -> api.ship(order.orderNumber(), "SF", Fixtures.trackingNumber())));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).allSatisfy(a -> assertThat(a.problem()).isTrue());
        OrderStatus status = orders.details(order.id()).status();
        if (status == OrderStatus.CANCELLED) {
            assertThat(outboundParcels()).isZero();
            assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(7);
            assertThat(answers.stream().filter(a -> a.status() == 409))
                    .allSatisfy(a -> assertThat(a.body()).contains("\"code\":\"order-cancelled\""));
        } else {
            assertThat(status).isEqualTo(OrderStatus.SHIPPED);
            assertThat(outboundParcels()).isEqualTo(1);
            assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(15);
        }
        ledger.assertHold(order.id());
    }

    private int outboundParcels() {
        return jdbc.queryForObject("select count(*) from shipments where order_id = ? and direction = 'OUTBOUND'",
                Integer.class, order.id());
    }

    private static List<ApiCalls.Response> answers(List<Outcome<ApiCalls.Response>> outcomes) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        List<ApiCalls.Response> answers = outcomes.stream().map(Outcome::value).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("no 5xx: %s", a.body()).isLessThan(500));
        return answers;
    }
}
