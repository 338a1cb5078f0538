package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.payments.MovementStatus;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.payments.internal.PaymentRetrySweep;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** Whole claim stories on PostgreSQL, from filing to their end, with deadlines driven by the clock. */
@AftersalesIntegrationTest
class ClaimStoriesIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ClaimDeadlineSweep sweep;
    @Autowired
    PaymentManagement payments;
    @Autowired
    PaymentRetrySweep paymentRetries;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    private long fileMissing(Remedy remedy, int unitsOfA) {
        return claims.file(ClaimFilings.missing(order, "A", unitsOfA, remedy, "one apple box was not in the parcel"),
                world.buyerUser());
    }

    @Test
    void missingItemAcceptedBySellerIsRefundedAndResolved() {
        fixtures.deliver(order, 2_000);
        long id = fileMissing(Remedy.REFUND, 1);
        ClaimView filed = views.detail(id, world.sellerUser());
        assertThat(filed.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(filed.partyToAct()).isEqualTo(Party.SELLER);
        assertThat(filed.requestedAmount()).isEqualTo(Money.fen(3000));

        claims.accept(id, world.sellerUser(), filed.version());

        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(done.refunds()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(Money.fen(3000));
            assertThat(r.status()).isEqualTo(MovementStatus.SUCCEEDED);
        });
        assertThat(done.timeline()).extracting(ClaimView.TimelineView::action)
                .containsExactly("FILED", "ACCEPTED", "REFUND_PAID");
        assertThat(payments.refundable(order.id())).isEqualTo(Money.fen(8000));
    }

    @Test
    void sellerSilenceFor48HoursAcceptsTheRequestAutomaticallyNamingTheRule() {
        fixtures.deliver(order, 2_000);
        long id = fileMissing(Remedy.REFUND, 2);

        clock.advance(Duration.ofHours(47));
        sweep.runDue();
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        sweep.runDue();
        ClaimView view = views.detail(id, world.buyerUser());
        assertThat(view.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(view.timeline()).anySatisfy(t -> {
            assertThat(t.action()).isEqualTo("AUTO_ACCEPTED");
            assertThat(t.actorRole()).isEqualTo(ActorRole.SYSTEM);
            assertThat(t.rule()).isEqualTo("seller-first-response");
        });
        assertThat(view.refunds()).extracting(MovementView::amount).containsExactly(Money.fen(6000));
        // a second pass changes nothing
        assertThat(sweep.runDue()).isZero();
        assertThat(views.detail(id, world.buyerUser()).refunds()).hasSize(1);
    }

    @Test
    void aSecondOpenClaimOfTheSameTypeOnALineIsRefusedWithALinkToTheFirst() {
        fixtures.deliver(order, 2_000);
        long first = fileMissing(Remedy.REFUND, 1);
        assertThatThrownBy(() -> fileMissing(Remedy.RESHIP, 1)).isInstanceOfSatisfying(DuplicateClaim.class,
                e -> assertThat(e.claimId()).isEqualTo(first));
    }

    @Test
    void theSameSubmissionTwiceFilesOneClaim() {
        fixtures.deliver(order, 2_000);
        String key = UUID.randomUUID().toString();
        FileClaim command = new FileClaim(order.id(), ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING,
                Remedy.REFUND, null, Map.of(Fixtures.lineId(order, "A"), 1), null, key, List.of());
        long first = claims.file(command, world.buyerUser());
        long second = claims.file(command, world.buyerUser());
        assertThat(second).isEqualTo(first);
        assertThat(claims.claimsOfOrder(order.id())).hasSize(1);
    }

    @Test
    void reshipmentStory() {
        fixtures.deliver(order, 2_000);
        long id = fileMissing(Remedy.REFUND, 1);
        claims.propose(id, world.sellerUser(), null, Remedy.RESHIP, null, "we will send it again today");
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
        claims.acceptProposal(id, world.buyerUser(), null);
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);
        String tracking = Fixtures.trackingNumber();
        claims.reship(id, world.sellerUser(), null, Carrier.SF, tracking);
        ClaimView inTransit = views.detail(id, world.buyerUser());
        assertThat(inTransit.status()).isEqualTo(ClaimStatus.RESHIPMENT_IN_TRANSIT);
        assertThat(inTransit.reshipment().trackingNumber()).isEqualTo(tracking);
        claims.confirmReceived(id, world.buyerUser(), null);
        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.RESHIPPED);
        assertThat(done.refunds()).isEmpty();
    }

    @Test
    void returnAndRefundThroughInspection() {
        fixtures.deliver(order, 2_000);
        long id = claims.file(ClaimFilings.returnWithoutReason(order, "B", 1), world.buyerUser());
        claims.accept(id, world.sellerUser(), null);
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_RETURN_SHIPMENT);
        String tracking = Fixtures.trackingNumber();
        claims.shipReturn(id, world.buyerUser(), null, Carrier.SF, tracking);
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.RETURN_IN_TRANSIT);
        fixtures.deliverLeg(tracking);
        ClaimView delivered = views.detail(id, world.sellerUser());
        assertThat(delivered.status()).isEqualTo(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        assertThat(delivered.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        claims.confirmReturn(id, world.sellerUser(), null, InspectionResult.AS_SOLD, null, null, List.of());
        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.refunds()).extracting(MovementView::amount).containsExactly(Money.fen(5000));
    }

    @Test
    void aFailedRefundIsRetriedAndPaidOnce() {
        fixtures.deliver(order, 2_000);
        long id = fileMissing(Remedy.REFUND, 1);
        provider.failNext(1);
        claims.accept(id, world.sellerUser(), null);
        ClaimView pending = views.detail(id, world.buyerUser());
        assertThat(pending.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        MovementView refund = pending.refunds().get(0);
        assertThat(refund.status()).isEqualTo(MovementStatus.PENDING);
        assertThat(refund.lastError()).contains("timed out");

        clock.advance(Duration.ofMinutes(2));
        paymentRetries.retryDue();
        paymentRetries.retryDue();

        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(provider.transfersFor(refund.idempotencyKey())).isEqualTo(1);
    }
}
