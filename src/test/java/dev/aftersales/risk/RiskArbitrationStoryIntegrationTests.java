package dev.aftersales.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.arbitration.PenaltyKind;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;

/**
 * The whole story through the real modules on PostgreSQL: an agent decides a claim seller-at-fault with a penalty and
 * flags the buyer for abuse (through {@link ArbitrationManagement}); after commit the events reach risk, whose score
 * shows the flag and whose scorecard shows the seller-at-fault decision; the next case's workspace shows both, with
 * the penalty. (Tests run the event listeners on a synchronous executor, so they have run when the call returns.)
 */
@AftersalesIntegrationTest
class RiskArbitrationStoryIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    RiskManagement risk;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    World world;
    UserAccount agent;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        agent = fixtures.account(Role.AGENT, null);
    }

    long escalated() {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_500);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"), world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "the parcel was light");
        return id;
    }

    @Test
    void aSellerAtFaultDecisionWithAPenaltyAndAnAbuseFlagReachTheScoreAndTheScorecard() throws Exception {
        long id = escalated();
        BuyerRisk before = risk.buyerRisk(world.buyer().id());
        assertThat(signal(before, "FLAGS").points()).isZero();
        assertThat(risk.scorecard(world.shop().id()).last30().sellerAtFault()).isZero();

        arbitration.take(id, Fixtures.user(agent));
        arbitration.decide(id, Fixtures.user(agent), null, new DecisionCommand(DecisionOutcome.FULL_REFUND, null,
                "the parcel weight shows both boxes missing", "R-3.2", null, PenaltyKind.WARNING, 0, null,
                "second short shipment this month", "claims missing items on every order"));

        BuyerRisk after = risk.buyerRisk(world.buyer().id());
        BuyerRisk.Signal flags = signal(after, "FLAGS");
        assertThat(flags.args()).containsExactly(1);
        assertThat(flags.points()).isEqualTo(20);
        assertThat(after.score()).isEqualTo(before.score() + 20);
        assertThat(risk.storedScores(List.of(world.buyer().id())).get(world.buyer().id()).score())
                .isEqualTo(after.score());
        ShopScorecard card = risk.scorecard(world.shop().id());
        assertThat(card.last30().sellerAtFault()).isEqualTo(1);
        assertThat(card.last90().sellerAtFault()).isEqualTo(1);

        // the next case of the same buyer and shop: the agent sees the flag, the decision and the penalty
        long next = escalated();
        String html = mvc.perform(get("/agent/cases/" + next).with(FormLogin.signIn(mvc, agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("1 abuse flags by agents", "second short shipment this month",
                "claims missing items on every order");
        int metric = html.indexOf("data-metric=\"sellerAtFault\"");
        assertThat(metric).isPositive();
        assertThat(html.substring(metric, html.indexOf("</tr>", metric)))
                .containsPattern("<td class=\"text-end\">1</td><td class=\"text-end\">1</td>");
    }

    @Test
    void aFakeTrackingIncidentFromTheClaimsModuleCountsOnTheScorecardOnceEvenIfDeliveredTwice() {
        OrderDetails order = fixtures.paidOrder(world);
        assertThat(risk.scorecard(world.shop().id()).last30().noTrackingIncidents()).isZero();
        var event = new dev.aftersales.claims.ShopIncidentRecorded(world.shop().id(),
                dev.aftersales.claims.IncidentKind.FAKE_TRACKING, order.id(), null, clock.instant());
        for (int i = 0; i < 2; i++) {
            new org.springframework.transaction.support.TransactionTemplate(transactions)
                    .executeWithoutResult(s -> publisher.publishEvent(event));
        }
        // late shipments and cancellations keep their own sources: a LATE_SHIPMENT incident adds nothing
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s -> publisher
                .publishEvent(new dev.aftersales.claims.ShopIncidentRecorded(world.shop().id(),
                        dev.aftersales.claims.IncidentKind.LATE_SHIPMENT, order.id(), null, clock.instant())));
        ShopScorecard card = risk.scorecard(world.shop().id());
        assertThat(card.last30().noTrackingIncidents()).isEqualTo(1);
        assertThat(card.last30().lateShipments()).isZero();
        assertThat(risk.scorecards(List.of(world.shop().id())).get(world.shop().id()).last30().noTrackingIncidents())
                .isEqualTo(1);
    }

    static BuyerRisk.Signal signal(BuyerRisk risk, String code) {
        return risk.signals().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
