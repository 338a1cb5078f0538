package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShipmentDelivered;
import dev.aftersales.shipping.ShipmentDirection;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.TestConfig;

/**
 * How the claims module reacts when the shipping module reports a claim's parcel delivered, with only the modules
 * claims depends on: a delivered return puts the seller's inspection due, a delivered reshipment resolves the claim.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ TestConfig.class, Fixtures.class, LedgerInvariants.class })
class ParcelDeliveredModuleIntegrationTests {

    private final Fixtures fixtures;
    private final ClaimManagement claims;
    private final ClaimViews views;
    private final LedgerInvariants ledger;
    private final MutableClock clock;

    private World world;
    private OrderDetails order;

    ParcelDeliveredModuleIntegrationTests(Fixtures fixtures, ClaimManagement claims, ClaimViews views,
            LedgerInvariants ledger, MutableClock clock) {
        this.fixtures = fixtures;
        this.claims = claims;
        this.views = views;
        this.ledger = ledger;
        this.clock = clock;
    }

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
    }

    @Test
    void aDeliveredReturnPutsTheSellersInspectionDue(Scenario scenario) {
        long id = claims.file(ClaimFilings.returnWithoutReason(order, "B", 1), world.buyerUser());
        claims.accept(id, world.sellerUser(), null);
        String tracking = Fixtures.trackingNumber();
        claims.shipReturn(id, world.buyerUser(), null, Carrier.SF, tracking);
        assertThat(views.detail(id, world.sellerUser()).partyToAct()).isEqualTo(Party.CARRIER);

        scenario.stimulate(() -> fixtures.deliverLeg(tracking))
                .andWaitForEventOfType(ShipmentDelivered.class)
                .matching(delivered -> Long.valueOf(id).equals(delivered.claimId()))
                .toArriveAndVerify(delivered -> assertThat(delivered.direction())
                        .isEqualTo(ShipmentDirection.RETURN));

        ClaimView delivered = views.detail(id, world.sellerUser());
        assertThat(delivered.status()).isEqualTo(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        assertThat(delivered.partyToAct()).isEqualTo(Party.SELLER);
        assertThat(delivered.actingPartyKey()).isEqualTo("claim.party.you");
        assertThat(delivered.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(delivered.timeline()).last().satisfies(step -> {
            assertThat(step.action()).isEqualTo("RETURN_DELIVERED");
            assertThat(step.actorRole()).isEqualTo(ActorRole.CARRIER);
            assertThat(step.from()).isEqualTo(ClaimStatus.RETURN_IN_TRANSIT);
            assertThat(step.to()).isEqualTo(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        });
        assertThat(delivered.refunds()).as("nothing is refunded before the seller inspects the return").isEmpty();
        assertThat(ledger.assertHold(order.id()).netRefundedMinor()).isZero();
    }

    @Test
    void aDeliveredReshipmentResolvesTheClaimWithoutARefund(Scenario scenario) {
        long id = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
        claims.propose(id, world.sellerUser(), null, Remedy.RESHIP, null, "we will send it again today");
        claims.acceptProposal(id, world.buyerUser(), null);
        String tracking = Fixtures.trackingNumber();
        claims.reship(id, world.sellerUser(), null, Carrier.SF, tracking);
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.RESHIPMENT_IN_TRANSIT);

        scenario.stimulate(() -> fixtures.deliverLeg(tracking))
                .andWaitForStateChange(() -> views.detail(id, world.buyerUser()),
                        view -> view.status() == ClaimStatus.RESOLVED)
                .andVerify(done -> {
                    assertThat(done.outcome()).isEqualTo(Outcome.RESHIPPED);
                    assertThat(done.partyToAct()).isEqualTo(Party.NONE);
                    assertThat(done.reshipment().trackingNumber()).isEqualTo(tracking);
                    assertThat(done.refunds()).isEmpty();
                    assertThat(done.refundedAmount()).isEqualTo(Money.fen(0));
                    assertThat(done.timeline()).last().satisfies(step -> {
                        assertThat(step.action()).isEqualTo("RESHIPMENT_DELIVERED");
                        assertThat(step.actorRole()).isEqualTo(ActorRole.CARRIER);
                    });
                });
        assertThat(ledger.assertHold(order.id()).netRefundedMinor()).isZero();
    }
}
