package dev.aftersales.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.EarlierWorkParked;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.WebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Which desk events reach an endpoint, and with what data: from real stories on PostgreSQL. */
@AftersalesIntegrationTest
class WebhookEventsIntegrationTests {

    static final List<String> ALL = List.of("claim.filed", "claim.moved", "claim.due_soon", "claim.escalated",
            "claim.decided", "claim.refunded", "claim.closed", "order.cancelled", "claim.no_tracking_opened");

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    OrderManagement orders;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    WebhookManagement webhooks;
    @Autowired
    WebhookSender sender;
    @Autowired
    WebhookDueSoonSweep dueSoon;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;

    WebhookReceiver receiver;
    World world;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        provider.recover();
        EarlierWorkParked.park(jdbc);
        receiver = new WebhookReceiver();
        world = fixtures.world();
        webhooks.register(world.sellerUser(), receiver.url(), ALL);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private long fileMissing(OrderDetails order) {
        return claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
    }

    private List<JsonNode> bodies() {
        return receiver.received().stream().map(r -> json.readTree(r.body())).toList();
    }

    @Test
    void anAcceptedClaimIsFiledMovedRefundedAndClosedWithItsMoney() {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        long id = fileMissing(order);
        claims.accept(id, world.sellerUser(), null);

        sender.sendDue();

        List<JsonNode> sent = bodies();
        assertThat(sent).extracting(b -> b.get("type").asString())
                .containsExactlyInAnyOrder("claim.filed", "claim.moved", "claim.refunded", "claim.closed");
        assertThat(sent.get(0).get("type").asString()).isEqualTo("claim.filed");
        assertThat(sent).allSatisfy(b -> {
            assertThat(b.get("data").get("claimId").asLong()).isEqualTo(id);
            assertThat(b.get("data").get("orderNumber").asString()).isEqualTo(order.orderNumber());
        });
        JsonNode refunded = sent.stream().filter(b -> b.get("type").asString().equals("claim.refunded")).findFirst()
                .orElseThrow();
        assertThat(refunded.get("data").get("amountFen").asLong()).isEqualTo(3000);
        assertThat(refunded.get("data").get("currency").asString()).isEqualTo("CNY");
        JsonNode closed = sent.stream().filter(b -> b.get("type").asString().equals("claim.closed")).findFirst()
                .orElseThrow();
        assertThat(closed.get("data").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(closed.get("data").get("action").asString()).isEqualTo("REFUND_PAID");
    }

    @Test
    void anEscalatedClaimDecidedByAnAgentIsSentAsEscalatedThenDecidedWithItsOutcome() {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        long id = fileMissing(order);
        claims.reject(id, world.sellerUser(), null, "the parcel weighed what was ordered", List.of());
        claims.escalate(id, world.buyerUser(), null, "it was not in the parcel");
        CurrentUser agent = Fixtures.user(fixtures.account(Role.AGENT, null));
        arbitration.take(id, agent);
        arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.FULL_REFUND, null,
                "the parcel weight shows the box missing", "R-3.2"));

        sender.sendDue();

        List<String> types = bodies().stream().map(b -> b.get("type").asString()).toList();
        assertThat(types.subList(0, 3)).containsExactly("claim.filed", "claim.moved", "claim.escalated");
        // the refund is confirmed right after the decision commits, before the decision's event is written
        assertThat(types.subList(3, types.size())).containsExactlyInAnyOrder("claim.decided", "claim.refunded");
        JsonNode decided = bodies().stream().filter(b -> b.get("type").asString().equals("claim.decided"))
                .findFirst().orElseThrow().get("data");
        assertThat(decided.get("outcome").asString()).isEqualTo("FULL_REFUND");
        assertThat(decided.get("refundFen").asLong()).isEqualTo(3000);
        assertThat(decided.get("appeal").asBoolean()).isFalse();
        assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("orderNumber").asString()).isEqualTo(order.orderNumber());
    }

    @Test
    void anOversoldCancellationTellsTheShopOfTheOrderAndOfTheCaseItOpens() {
        OrderDetails order = fixtures.paidOrder(world);
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "sold out in a flash sale", "STOREFRONT");

        sender.sendDue();

        List<JsonNode> sent = bodies();
        JsonNode cancelled = sent.stream().filter(b -> b.get("type").asString().equals("order.cancelled"))
                .findFirst().orElseThrow();
        assertThat(cancelled.get("data").get("orderNumber").asString()).isEqualTo(order.orderNumber());
        assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("OVERSOLD");
        assertThat(cancelled.get("data").get("paidFen").asLong()).isEqualTo(11000);
        assertThat(sent).anySatisfy(b -> {
            assertThat(b.get("type").asString()).isEqualTo("claim.filed");
            assertThat(b.get("data").get("claimType").asString()).isEqualTo("ORDER_CANCELLED");
        });
    }

    @Test
    void aStorefrontsOwnCancellationIsNotSent() {
        OrderDetails order = fixtures.paidOrder(world);
        orders.cancel(order.orderNumber(), CancellationReason.BUYER_REQUEST, null, "STOREFRONT");
        sender.sendDue();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aDueTimeComingSoonIsAnnouncedOncePerDueTime() {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        long id = fileMissing(order);
        sender.sendDue();
        assertThat(bodies()).extracting(b -> b.get("type").asString()).containsExactly("claim.filed");

        clock.advance(Duration.ofHours(35));
        dueSoon.runDue();
        sender.sendDue();
        assertThat(receiver.received()).as("48 h to answer: not yet within 12 h").hasSize(1);

        clock.advance(Duration.ofHours(2));
        dueSoon.runDue();
        dueSoon.runDue();
        sender.sendDue();
        assertThat(bodies()).extracting(b -> b.get("type").asString()).containsExactly("claim.filed",
                "claim.due_soon");
        JsonNode due = bodies().get(1).get("data");
        assertThat(due.get("claimId").asLong()).isEqualTo(id);
        assertThat(due.get("ballInCourt").asString()).isEqualTo("SELLER");
        assertThat(bodies().get(0).get("data").get("dueAt")).isEqualTo(due.get("dueAt"));
    }
}
