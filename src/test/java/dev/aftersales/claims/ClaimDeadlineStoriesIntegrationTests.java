package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.payments.PaymentOrder;
import dev.aftersales.payments.MovementView;
import dev.aftersales.shared.Money;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * Each claim type to its end on PostgreSQL, and every consequence of docs/rules.md#deadlines these types meet, moved
 * by the clock.
 */
@AftersalesIntegrationTest
class ClaimDeadlineStoriesIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ClaimDeadlineSweep sweep;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    PaymentManagement payments;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
        order = fixtures.paidOrder(world);
    }


    long file(ClaimType type, ClaimReason reason, Remedy remedy, Map<Long, Integer> units, Money partial) {
        return claims.file(new FileClaim(order.id(), type, reason, remedy, "details", units, partial,
                UUID.randomUUID().toString(), List.of()), world.buyerUser());
    }

    ClaimView view(long id) {
        return views.detail(id, world.buyerUser());
    }

    void passTime(Duration duration) {
        clock.advance(duration);
        sweep.runDue();
    }

    @Test
    void notReceivedOpensOnAStalledParcelAndRefundsTheWholeOrderIncludingShipping() {
        OrderDetails withFee = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 1, 3000, null)),
                clock.instant());
        order = withFee;
        String tracking = fixtures.ship(order);
        shipping.recordEvent(tracking, new ScanReport(null, clock.instant(), TrackingEventKind.PICKED_UP, "Hangzhou",
                null, 700));
        assertThat(claims.availability(order.id(), world.buyerUser())).filteredOn(a -> a.type() == ClaimType.NOT_RECEIVED)
                .singleElement().satisfies(a -> {
                    assertThat(a.available()).isFalse();
                    assertThat(a.opensAt()).isEqualTo(clock.instant().plus(Duration.ofHours(72)));
                });
        clock.advance(Duration.ofHours(73));
        long id = claims.file(new FileClaim(order.id(), ClaimType.NOT_RECEIVED, ClaimReason.TRACKING_STALLED,
                Remedy.REFUND, "no update for three days", Map.of(), null, null, List.of()), world.buyerUser());
        ClaimView filed = view(id);
        assertThat(filed.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
        assertThat(filed.requestedAmount()).isEqualTo(Money.fen(3000));
        assertThat(filed.weightCheck().verdict()).isEqualTo(WeightVerdict.INCONCLUSIVE);
        passTime(Duration.ofHours(49));
        ClaimView done = view(id);
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.refunds()).extracting(MovementView::amount).containsExactly(Money.fen(3000));
    }

    @Test
    void refundOnlyWithAPartialAmountTheSellerAccepts() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND, Map.of(Fixtures.lineId(order, "B"), 1),
                Money.fen(2500));
        assertThat(view(id).requestedAmount()).isEqualTo(Money.fen(2500));
        claims.accept(id, world.sellerUser(), null);
        assertThat(view(id).refunds()).extracting(MovementView::amount).containsExactly(Money.fen(2500));
        assertThat(view(id).status()).isEqualTo(ClaimStatus.RESOLVED);
    }

    @Test
    void aSmallRefundOnlyClaimFromAGoodBuyerIsRefundedAtOnceWithTheRuleShown() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.REFUND_ONLY, ClaimReason.DAMAGED, Remedy.REFUND, Map.of(Fixtures.lineId(order, "A"), 1),
                Money.fen(1500));
        ClaimView view = view(id);
        assertThat(view.fastTracked()).isTrue();
        assertThat(view.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(view.timeline()).extracting(ClaimView.TimelineView::action)
                .containsExactly("FILED", "FAST_TRACKED", "REFUND_PAID");
        assertThat(view.fastTrackRule()).contains("¥15.00", "¥20.00", "claim.standing.good");
    }

    @Test
    void aCorroboratedMissingItemIsRecordedWithItsWeightVerdict() {
        // goods 2,000 g; both A units (1,000 g) claimed missing; parcel weighed 1,200 g = B + packaging
        fixtures.deliver(order, 1_200);
        long id = file(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.REFUND, Map.of(Fixtures.lineId(order, "A"), 2), null);
        ClaimView view = view(id);
        assertThat(view.weightCheck().verdict()).isEqualTo(WeightVerdict.CORROBORATES);
        assertThat(view.weightCheck().measuredGrams()).isEqualTo(1_200);
        assertThat(view.weightCheck().expectedAllGrams()).isEqualTo(2_000 + 150 + 100);
    }

    @Test
    void exchangeGoesBackAndForthToItsEnd() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.EXCHANGE, ClaimReason.WRONG_ITEM, Remedy.EXCHANGE, Map.of(Fixtures.lineId(order, "B"), 1), null);
        claims.accept(id, world.sellerUser(), null);
        String back = Fixtures.trackingNumber();
        claims.shipReturn(id, world.buyerUser(), null, Carrier.SF, back);
        fixtures.deliverLeg(back);
        claims.confirmReturn(id, world.sellerUser(), null, InspectionResult.AS_SOLD, null, null, List.of());
        assertThat(view(id).status()).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);
        String replacement = Fixtures.trackingNumber();
        claims.reship(id, world.sellerUser(), null, Carrier.SF, replacement);
        fixtures.deliverLeg(replacement);
        ClaimView done = view(id);
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.EXCHANGED);
        assertThat(done.timeline()).last().satisfies(t -> assertThat(t.action()).isEqualTo("RESHIPMENT_DELIVERED"));
        assertThat(done.refunds()).isEmpty();
    }

    @Test
    void aBuyerWhoDoesNotAnswerAProposalWithinSevenDaysWithdrawsAndTheUnitsAreFreeAgain() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.REFUND, Map.of(Fixtures.lineId(order, "A"), 1), null);
        claims.propose(id, world.sellerUser(), null, Remedy.RESHIP, null, "we will resend");
        passTime(Duration.ofDays(7).minusMinutes(1));
        assertThat(view(id).status()).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
        passTime(Duration.ofMinutes(2));
        ClaimView expired = view(id);
        assertThat(expired.status()).isEqualTo(ClaimStatus.WITHDRAWN);
        assertThat(expired.timeline()).last().satisfies(t -> {
            assertThat(t.rule()).isEqualTo("buyer-answer");
            assertThat(t.actorRole()).isEqualTo(ActorRole.SYSTEM);
        });
        assertThat(claims.form(order.id(), ClaimType.REFUND_ONLY, world.buyerUser()).lines())
                .filteredOn(l -> l.sku().equals("A")).singleElement()
                .satisfies(l -> assertThat(l.claimable()).isEqualTo(2));
    }

    @Test
    void aReturnNotShippedWithinSevenDaysWithdrawsTheClaim() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.RETURN_REFUND, ClaimReason.NO_REASON, Remedy.RETURN_AND_REFUND,
                Map.of(Fixtures.lineId(order, "B"), 1), null);
        claims.accept(id, world.sellerUser(), null);
        passTime(Duration.ofDays(7).plusMinutes(1));
        assertThat(view(id).status()).isEqualTo(ClaimStatus.WITHDRAWN);
        assertThat(view(id).timeline()).last().satisfies(t -> assertThat(t.rule()).isEqualTo("buyer-return-shipment"));
    }

    @Test
    void aDeliveredReturnTheSellerDoesNotConfirmWithinSevenDaysIsRefunded() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.RETURN_REFUND, ClaimReason.NO_REASON, Remedy.RETURN_AND_REFUND,
                Map.of(Fixtures.lineId(order, "B"), 1), null);
        claims.accept(id, world.sellerUser(), null);
        String back = Fixtures.trackingNumber();
        claims.shipReturn(id, world.buyerUser(), null, Carrier.SF, back);
        clock.advance(Duration.ofDays(2));
        fixtures.deliverLeg(back);
        passTime(Duration.ofDays(7).plusMinutes(1));
        ClaimView done = view(id);
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.refunds()).extracting(MovementView::amount).containsExactly(Money.fen(5000));
        assertThat(done.timeline()).anySatisfy(t -> assertThat(t.rule()).isEqualTo("seller-return-confirmation"));
    }

    @Test
    void aReshipmentNotSentWithin48HoursIsRefunded() {
        fixtures.deliver(order, 1_200);
        long id = file(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.RESHIP, Map.of(Fixtures.lineId(order, "A"), 1), null);
        claims.accept(id, world.sellerUser(), null);
        passTime(Duration.ofHours(48).plusMinutes(1));
        ClaimView done = view(id);
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.refunds()).extracting(MovementView::amount).containsExactly(Money.fen(3000));
        assertThat(done.timeline()).anySatisfy(t -> assertThat(t.rule()).isEqualTo("seller-reshipment"));
    }

    @Test
    void aReturnParcelThatNeverArrivesGoesToThePlatform() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.RETURN_REFUND, ClaimReason.QUALITY, Remedy.RETURN_AND_REFUND,
                Map.of(Fixtures.lineId(order, "B"), 1), null);
        claims.accept(id, world.sellerUser(), null);
        claims.shipReturn(id, world.buyerUser(), null, Carrier.SF, Fixtures.trackingNumber());
        passTime(Duration.ofDays(10).plusMinutes(1));
        ClaimView escalated = view(id);
        assertThat(escalated.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(escalated.timeline()).last().satisfies(t -> assertThat(t.rule()).isEqualTo("return-not-delivered"));
    }

    @Test
    void aDeadlineWhoseRefundNoLongerFitsGoesToThePlatformInsteadOfWaitingForever() {
        fixtures.deliver(order, 2_150);
        long id = file(ClaimType.RETURN_REFUND, ClaimReason.QUALITY, Remedy.RETURN_AND_REFUND,
                Map.of(Fixtures.lineId(order, "B"), 1), null);
        claims.accept(id, world.sellerUser(), null);
        String back = Fixtures.trackingNumber();
        claims.shipReturn(id, world.buyerUser(), null, Carrier.SF, back);
        fixtures.deliverLeg(back);
        // meanwhile ¥80.00 of the ¥110.00 was refunded another way: the ¥50.00 for the return no longer fits
        payments.request(new PaymentOrder(order.id(), null, MovementKind.REFUND, Money.fen(8000), List.of(),
                Fixtures.unique("other-"), CostBearer.PLATFORM, "GOODWILL", null, "AGENT:1"));
        passTime(Duration.ofDays(7).plusMinutes(1));
        ClaimView escalated = view(id);
        assertThat(escalated.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(escalated.timeline()).last().satisfies(t -> assertThat(t.rule()).isEqualTo("consequence-failed"));
        assertThat(escalated.refunds()).isEmpty();
        assertThat(sweep.runDue()).isZero();
    }
}
