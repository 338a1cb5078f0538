package dev.aftersales.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.arbitration.AgentDecided;
import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * What each party finds in the inbox after real moves: a refund granted and paid, a cancelled order, a decision, a
 * case coming back to the agent who holds it.
 */
@AftersalesIntegrationTest
class NotificationStoriesIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    OrderManagement orders;
    @Autowired
    InboxManagement inbox;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ArbitrationManagement arbitration;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    List<String> texts(UserAccount account, Locale locale) {
        return inbox.page(account.toCurrentUser(), PageRequest.of(0, 50), locale).getContent().stream()
                .map(InboxManagement.InboxEntry::text).toList();
    }

    @Test
    void anAcceptedClaimTellsTheBuyerOfTheAcceptanceAndTheRefundByTextMessageAndTheSellerOfTheEnd() {
        fixtures.deliver(order, 2_000);
        long claimId = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
        String number = claims.claim(claimId, world.buyerUser()).claimNumber();

        claims.accept(claimId, world.sellerUser(), null);

        assertThat(texts(world.buyer(), Locale.ENGLISH)).containsExactlyInAnyOrder(
                "A refund of ¥30.00 for order " + order.orderNumber() + " has been paid to you.",
                "The seller accepted claim " + number + ": Refund being paid.");
        assertThat(texts(world.buyer(), Locale.SIMPLIFIED_CHINESE))
                .contains("订单 " + order.orderNumber() + " 的退款 ¥30.00 已到账。");
        assertThat(texts(world.seller(), Locale.ENGLISH)).as("newest first").hasSize(2).first()
                .isEqualTo("Claim " + number + " is resolved.");
        assertThat(texts(world.seller(), Locale.ENGLISH).get(1)).startsWith("New claim " + number);
        assertThat(jdbc.sql("""
                select d.channel || ':' || d.status || ':' || d.address from notification_deliveries d
                join inbox_items i on i.id = d.item_id where i.recipient_id = :id""")
                .param("id", world.buyer().id()).query(String.class).list())
                .as("the refund is urgent: a text message; the buyer has no email address")
                .containsExactly("SMS:SENT:" + world.buyer().phone());
    }

    @Test
    void aCancelledOrderTellsTheBuyerWhyAndHowMuchComesBack() {
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "sold out twice", "storefront");
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "sold out twice", "storefront");

        assertThat(texts(world.buyer(), Locale.ENGLISH)).contains("Order " + order.orderNumber()
                + ": Cancelled by the platform (oversold). ¥110.00 is refunded to you.")
                .filteredOn(t -> t.startsWith("Order ")).hasSize(1);
        assertThat(inbox.page(world.buyerUser(), PageRequest.of(0, 50), Locale.ENGLISH).getContent())
                .filteredOn(i -> i.text().startsWith("Order ")).singleElement()
                .satisfies(i -> assertThat(i.link()).isEqualTo("/buyer/orders/" + order.id()));
    }

    @Test
    void aDecisionTellsBothPartiesWithTheOutcomeAndTheRefund() {
        UserAccount secondStaff = fixtures.account(dev.aftersales.shared.Role.SELLER, world.shop().id());
        AgentDecided decided = new AgentDecided(987_654_321L, "AS-DECIDED", order.id(), world.shop().id(),
                world.buyer().id(), 1L, DecisionOutcome.PARTIAL_REFUND, CostBearer.SELLER, true, false, 1500L,
                "policy 4.2", clock.instant());
        transaction.executeWithoutResult(tx -> events.publishEvent(decided));

        String expected = "The platform decided claim AS-DECIDED: partial refund, ¥15.00 to the buyer.";
        assertThat(texts(world.buyer(), Locale.ENGLISH)).containsExactly(expected);
        assertThat(texts(world.seller(), Locale.ENGLISH)).containsExactly(expected);
        assertThat(texts(secondStaff, Locale.ENGLISH)).containsExactly(expected);
        assertThat(texts(world.buyer(), Locale.SIMPLIFIED_CHINESE))
                .containsExactly("平台已对售后单 AS-DECIDED 作出决定：部分退款，向买家支付 ¥15.00。");
    }

    @Test
    void theAgentHoldingACaseIsToldWhenTheEvidenceArrivesAndQueuedCasesTellNoAgent() {
        fixtures.deliver(order, 2_000);
        UserAccount agent = fixtures.account(Role.AGENT, null);
        UserAccount otherAgent = fixtures.account(Role.AGENT, null);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"), world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "the parcel was light");
        assertThat(texts(agent, Locale.ENGLISH)).as("waiting in the queue: no agent is told").isEmpty();

        arbitration.take(id, Fixtures.user(agent));
        arbitration.requestEvidence(id, Fixtures.user(agent), null, Party.BUYER,
                "a photo of the parcel's label", Duration.ofHours(72));
        assertThat(texts(agent, Locale.ENGLISH)).as("the agent's own move").isEmpty();
        arbitration.answerEvidence(id, world.buyerUser(), null, "here is the label", List.of());

        String number = claims.claim(id, world.buyerUser()).claimNumber();
        assertThat(texts(agent, Locale.ENGLISH)).singleElement().asString()
                .startsWith("Claim " + number + " is back with you: ");
        assertThat(inbox.page(Fixtures.user(agent), PageRequest.of(0, 10), Locale.ENGLISH).getContent())
                .singleElement().satisfies(i -> assertThat(i.link()).isEqualTo("/agent/cases/" + id));
        assertThat(texts(otherAgent, Locale.ENGLISH)).isEmpty();
    }
}
