package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.aftersales.claims.internal.ShopIncidents;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.ShippingManagement.ScanReport;
import dev.aftersales.shipping.TrackingEventKind;
import dev.aftersales.shipping.TrackingWatch;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** The system-opened cases told as stories on PostgreSQL, every watcher and timeout moved by the clock. */
@AftersalesIntegrationTest
@RecordApplicationEvents
class SystemCaseStoriesIntegrationTests {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Fixtures fixtures;
    @Autowired
    SystemCases cases;
    @Autowired
    ShipByWatcher shipBy;
    @Autowired
    TrackingWatch tracking;
    @Autowired
    ClaimDeadlineSweep deadlines;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ShopIncidents incidents;
    @Autowired
    OrderManagement orders;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    PaymentManagement payments;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;
    Instant start;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        start = clock.instant();
        order = fixtures.paidOrder(world);
    }

    List<Claim> casesOf(ClaimType type) {
        return claims.claimsOfOrder(order.id()).stream().filter(c -> c.type() == type).toList();
    }

    List<MovementView> movements(MovementKind kind) {
        return payments.movementsOfOrder(order.id()).stream().filter(m -> m.kind() == kind).toList();
    }

    List<NoticeRequested> notices(String code) {
        return events.stream(NoticeRequested.class).filter(n -> n.messageCode().equals(code)).toList();
    }

    void pass(Duration duration) {
        clock.advance(duration);
        shipBy.runDue();
        tracking.flagScanless();
        tracking.noticeStalls();
        deadlines.runDue();
    }

    // ------------------------------------------------------------------------------------------ ship-by watcher

    @Test
    void theShipByWatcherOpensOneNoTrackingCaseOnlyOnceShipByHasPassed() {
        pass(Duration.ofHours(46));
        assertThat(casesOf(ClaimType.NO_TRACKING)).isEmpty();
        pass(Duration.ofHours(2));
        assertThat(casesOf(ClaimType.NO_TRACKING)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
            assertThat(c.partyToAct()).isEqualTo(Party.SELLER);
            assertThat(c.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
            assertThat(views.detail(c.id(), world.buyerUser()).timeline().get(0).rule()).isEqualTo("ship-by");
        });
        shipBy.runDue();
        shipBy.runDue();
        assertThat(casesOf(ClaimType.NO_TRACKING)).hasSize(1);
        assertThat(incidents.counts(world.shop().id(), start.minus(Duration.ofDays(1))))
                .containsEntry(IncidentKind.LATE_SHIPMENT, 1L);
    }

    @Test
    void twoNodesSweepingAtOnceOpenOneCase() throws Exception {
        clock.advance(Duration.ofHours(49));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var started = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    started.await();
                    return shipBy.runDue();
                }));
            }
            started.countDown();
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(casesOf(ClaimType.NO_TRACKING)).hasSize(1);
        assertThat(incidents.of(world.shop().id(), start.minus(Duration.ofDays(1)))).hasSize(1);
    }

    @Test
    void theSellerSupplyingTrackingResolvesTheCaseAndPaysTheLateCompensationOnce() {
        pass(Duration.ofHours(49));
        Claim open = casesOf(ClaimType.NO_TRACKING).get(0);
        cases.supplyTracking(open.id(), world.sellerUser(), open.version(), Carrier.SF, Fixtures.trackingNumber());
        ClaimView done = views.detail(open.id(), world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.TRACKING_SUPPLIED);
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(movements(MovementKind.COMPENSATION)).singleElement().satisfies(m -> {
            assertThat(m.amount()).isEqualTo(Money.fen(300));
            assertThat(m.reason()).isEqualTo("LATE_SHIPMENT");
        });
        assertThat(movements(MovementKind.REFUND)).isEmpty();
        pass(Duration.ofDays(3));
        assertThat(movements(MovementKind.COMPENSATION)).hasSize(1);
    }

    @Test
    void shippingFromTheShipPageAlsoResolvesTheCase() {
        pass(Duration.ofHours(49));
        shipping.ship(order.id(), world.sellerUser(), Carrier.SF, Fixtures.trackingNumber());
        assertThat(casesOf(ClaimType.NO_TRACKING)).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.TRACKING_SUPPLIED));
        assertThat(movements(MovementKind.COMPENSATION)).extracting(MovementView::amount)
                .containsExactly(Money.fen(300));
    }

    @Test
    void shippingLateBeforeTheWatcherRunsStillCompensatesOnceAndCounts() {
        clock.advance(Duration.ofHours(46).plusMinutes(59));
        shipping.ship(order.id(), world.sellerUser(), Carrier.SF, Fixtures.trackingNumber());
        assertThat(movements(MovementKind.COMPENSATION)).isEmpty();
        OrderDetails late = fixtures.paidOrder(world);
        order = late;
        clock.advance(Duration.ofHours(48));
        shipping.ship(late.id(), world.sellerUser(), Carrier.SF, Fixtures.trackingNumber());
        assertThat(movements(MovementKind.COMPENSATION)).singleElement().satisfies(m -> {
            assertThat(m.amount()).isEqualTo(Money.fen(300));
            assertThat(m.reason()).isEqualTo("LATE_SHIPMENT");
            assertThat(m.succeeded()).isTrue();
        });
        pass(Duration.ofHours(1));
        assertThat(casesOf(ClaimType.NO_TRACKING)).isEmpty();
        assertThat(incidents.counts(world.shop().id(), start.minus(Duration.ofDays(1))))
                .containsEntry(IncidentKind.LATE_SHIPMENT, 1L);
    }

    @Test
    void withoutTrackingByTheDeadlineTheBuyerIsRefundedAndCompensatedAndTheOrderCancelled() {
        pass(Duration.ofHours(49));
        Claim open = casesOf(ClaimType.NO_TRACKING).get(0);
        pass(Duration.ofHours(47));
        assertThat(movements(MovementKind.REFUND)).isEmpty();
        pass(Duration.ofHours(2));
        ClaimView done = views.detail(open.id(), world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(done.timeline()).anySatisfy(t -> {
            assertThat(t.action()).isEqualTo("AUTO_REFUNDED");
            assertThat(t.rule()).isEqualTo("tracking-supply");
        });
        assertThat(movements(MovementKind.REFUND)).extracting(MovementView::amount).containsExactly(Money.fen(11000));
        assertThat(movements(MovementKind.COMPENSATION)).extracting(MovementView::amount)
                .containsExactly(Money.fen(300));
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        pass(Duration.ofDays(2));
        assertThat(casesOf(ClaimType.NO_TRACKING)).hasSize(1);
        assertThat(movements(MovementKind.COMPENSATION)).hasSize(1);
    }

    @Test
    void theBuyerMayReportMissingTrackingOnlyAfterShipBy() {
        assertThatThrownBy(() -> cases.reportMissingTracking(order.id(), world.buyerUser()))
                .isInstanceOf(ClaimNotAllowed.class);
        clock.advance(Duration.ofHours(48));
        long id = cases.reportMissingTracking(order.id(), world.buyerUser());
        ClaimView opened = views.detail(id, world.buyerUser());
        assertThat(opened.type()).isEqualTo(ClaimType.NO_TRACKING);
        assertThat(opened.status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
        assertThat(opened.timeline().get(0).actorRole()).isEqualTo(ActorRole.BUYER);
        assertThatThrownBy(() -> cases.reportMissingTracking(order.id(), world.buyerUser()))
                .isInstanceOf(DuplicateClaim.class);
        shipBy.runDue();
        assertThat(casesOf(ClaimType.NO_TRACKING)).hasSize(1);
        var stranger = fixtures.world();
        assertThatThrownBy(() -> cases.reportMissingTracking(order.id(), stranger.buyerUser()))
                .isInstanceOf(dev.aftersales.shared.NotFound.class);
    }

    // ------------------------------------------------------------------------------------------ fake tracking

    @Test
    void aTrackingNumberWithoutAScanFor24HoursIsFlaggedAndOpensNoTrackingOnceShipByHasRunOut() {
        String number = fixtures.ship(order);
        pass(Duration.ofHours(23));
        assertThat(tracking.flagsOf(order.id())).isEmpty();
        pass(Duration.ofHours(2));
        assertThat(tracking.flagsOf(order.id())).singleElement()
                .satisfies(f -> assertThat(f.trackingNumber()).isEqualTo(number));
        assertThat(incidents.counts(world.shop().id(), start.minus(Duration.ofDays(1))))
                .containsEntry(IncidentKind.FAKE_TRACKING, 1L);
        assertThat(notices("watchers.notice.fakeTracking")).singleElement().satisfies(n -> {
            assertThat(n.shopId()).isEqualTo(world.shop().id());
            assertThat(n.buyerId()).isNull();
            assertThat(n.sellerLink()).isEqualTo("/seller/orders/" + order.id());
        });
        assertThat(events.stream(dev.aftersales.shipping.FakeTrackingFlagged.class)).hasSize(1);
        assertThat(casesOf(ClaimType.NO_TRACKING)).isEmpty();
        pass(Duration.ofHours(24));
        assertThat(casesOf(ClaimType.NO_TRACKING)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
            assertThat(views.detail(c.id(), world.buyerUser()).timeline().get(0).rule()).isEqualTo("fake-tracking");
        });
        pass(Duration.ofHours(1));
        assertThat(tracking.flagsOf(order.id())).hasSize(1);
        assertThat(casesOf(ClaimType.NO_TRACKING)).hasSize(1);
        Claim open = casesOf(ClaimType.NO_TRACKING).get(0);
        cases.supplyTracking(open.id(), world.sellerUser(), null, Carrier.SF, Fixtures.trackingNumber());
        assertThat(casesOf(ClaimType.NO_TRACKING).get(0).outcome()).isEqualTo(Outcome.TRACKING_SUPPLIED);
        assertThat(shipping.shipmentsOf(order.id())).hasSize(2);
    }

    @Test
    void aScanWithin24HoursMeansNoFlag() {
        String number = fixtures.ship(order);
        clock.advance(Duration.ofHours(20));
        shipping.recordEvent(number, new ScanReport(null, clock.instant(), TrackingEventKind.PICKED_UP, "Hangzhou",
                null, 2100));
        pass(Duration.ofHours(30));
        assertThat(tracking.flagsOf(order.id())).isEmpty();
        assertThat(casesOf(ClaimType.NO_TRACKING)).isEmpty();
    }

    @Test
    void theBuyerMayReportMissingTrackingOnAFlaggedOrderPastShipBy() {
        fixtures.ship(order);
        pass(Duration.ofHours(25));
        assertThat(cases.missingTrackingDue(orders.details(order.id()))).isFalse();
        clock.advance(Duration.ofHours(23));
        assertThat(cases.missingTrackingDue(orders.details(order.id()))).isTrue();
        long id = cases.reportMissingTracking(order.id(), world.buyerUser());
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
    }

    // ------------------------------------------------------------------------------------------ stalled tracking

    @Test
    void aStalledParcelIsNoticedOnceAndNotReceivedIsOffered() {
        String number = fixtures.ship(order);
        shipping.recordEvent(number, new ScanReport(null, clock.instant(), TrackingEventKind.PICKED_UP, "Hangzhou",
                null, 2100));
        pass(Duration.ofHours(71));
        assertThat(tracking.stallsOf(order.id())).isEmpty();
        assertThat(claims.availability(order.id(), world.buyerUser())).filteredOn(a -> a.type() == ClaimType.NOT_RECEIVED)
                .singleElement().satisfies(a -> assertThat(a.available()).isFalse());
        pass(Duration.ofHours(2));
        assertThat(tracking.stallsOf(order.id())).singleElement()
                .satisfies(s -> assertThat(s.lastMovementAt()).isEqualTo(start));
        assertThat(notices("watchers.notice.trackingStalled")).singleElement().satisfies(n -> {
            assertThat(n.buyerId()).isEqualTo(world.buyer().id());
            assertThat(n.args()).containsExactly(order.orderNumber(), number);
            assertThat(n.link()).isEqualTo("/buyer/orders/" + order.id());
        });
        pass(Duration.ofHours(2));
        assertThat(tracking.stallsOf(order.id())).hasSize(1);
        assertThat(claims.availability(order.id(), world.buyerUser())).filteredOn(a -> a.type() == ClaimType.NOT_RECEIVED)
                .singleElement().satisfies(a -> assertThat(a.available()).isTrue());
        shipping.recordEvent(number, new ScanReport(null, clock.instant(), TrackingEventKind.IN_TRANSIT, "Shanghai",
                null, null));
        pass(Duration.ofHours(73));
        assertThat(tracking.stallsOf(order.id())).hasSize(2);
        assertThat(notices("watchers.notice.trackingStalled")).hasSize(2).extracting(NoticeRequested::key)
                .doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------------------------------ cancelled lines

    long cancelB(CancellationReason reason, String substitute) {
        return cases.cancelLines(new CancelLines(order.id(), Map.of(Fixtures.lineId(order, "B"), 1), reason,
                substitute, "sold out at the warehouse"), world.sellerUser());
    }

    @Test
    void theBuyerTakesTheSubstitute() {
        long id = cancelB(CancellationReason.OUT_OF_STOCK, "C");
        ClaimView offered = views.detail(id, world.buyerUser());
        assertThat(offered.status()).isEqualTo(ClaimStatus.AWAITING_BUYER_CHOICE);
        assertThat(offered.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(72)));
        assertThat(offered.proposalRemedy()).isEqualTo(Remedy.SUBSTITUTE);
        assertThat(offered.proposalNote()).contains("Cable").contains("C");
        assertThat(offered.actions()).contains(ClaimAction.CHOOSE);
        assertThat(notices("watchers.notice.linesCancelled")).singleElement().satisfies(n -> {
            assertThat(n.buyerId()).isEqualTo(world.buyer().id());
            assertThat(n.link()).isEqualTo("/buyer/claims/" + id);
        });
        assertThat(events.stream(ShopIncidentRecorded.class)).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(IncidentKind.OUT_OF_STOCK_CANCELLATION));
        assertThat(movements(MovementKind.COMPENSATION)).extracting(MovementView::amount)
                .containsExactly(Money.fen(500));
        cases.choose(id, world.buyerUser(), offered.version(), Remedy.SUBSTITUTE);
        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.SUBSTITUTED);
        assertThat(movements(MovementKind.REFUND)).isEmpty();
        assertThat(incidents.counts(world.shop().id(), start.minus(Duration.ofDays(1))))
                .containsEntry(IncidentKind.OUT_OF_STOCK_CANCELLATION, 1L);
    }

    @Test
    void theBuyerChoosesTheRefundAndItIsPaidAtOnce() {
        long id = cancelB(CancellationReason.DELISTED, "C");
        cases.choose(id, world.buyerUser(), null, Remedy.REFUND);
        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(movements(MovementKind.REFUND)).singleElement().satisfies(m -> {
            assertThat(m.amount()).isEqualTo(Money.fen(5000));
            assertThat(m.succeeded()).isTrue();
        });
        assertThatThrownBy(() -> cases.choose(id, world.buyerUser(), null, Remedy.SUBSTITUTE))
                .isInstanceOf(TransitionRejected.class);
        assertThat(incidents.counts(world.shop().id(), start.minus(Duration.ofDays(1))))
                .containsEntry(IncidentKind.DELISTED_CANCELLATION, 1L);
    }

    @Test
    void silenceFor72HoursMeansRefundByTheNamedRule() {
        long id = cancelB(CancellationReason.OUT_OF_STOCK, null);
        assertThatThrownBy(() -> cases.choose(id, world.buyerUser(), null, Remedy.SUBSTITUTE))
                .isInstanceOf(TransitionRejected.class);
        clock.advance(Duration.ofHours(71));
        deadlines.runDue();
        assertThat(movements(MovementKind.REFUND)).isEmpty();
        clock.advance(Duration.ofHours(2));
        deadlines.runDue();
        ClaimView done = views.detail(id, world.buyerUser());
        assertThat(done.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(done.timeline()).anySatisfy(t -> {
            assertThat(t.action()).isEqualTo("CHOICE_DEFAULTED");
            assertThat(t.rule()).isEqualTo("buyer-choice");
        });
        assertThat(movements(MovementKind.REFUND)).extracting(MovementView::amount).containsExactly(Money.fen(5000));
    }

    @Test
    void whenEveryLineIsCancelledAndRefundedTheOrderIsCancelledAndStaysListed() {
        long id = cases.cancelLines(new CancelLines(order.id(), Map.of(Fixtures.lineId(order, "A"), 2,
                Fixtures.lineId(order, "B"), 1), CancellationReason.DELISTED, null, null), world.sellerUser());
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
        cases.choose(id, world.buyerUser(), null, Remedy.REFUND);
        OrderDetails after = orders.details(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.cancellationReason()).isEqualTo(CancellationReason.DELISTED);
        assertThat(movements(MovementKind.REFUND)).extracting(MovementView::amount).containsExactly(Money.fen(11000));
        assertThat(orders.buyerOrders(world.buyer().id(), PageRequest.of(0, 20)).getContent())
                .extracting(OrderSummary::orderNumber).contains(order.orderNumber());
        pass(Duration.ofHours(49));
        assertThat(casesOf(ClaimType.NO_TRACKING)).isEmpty();
    }

    @Test
    void aPartialCancellationLeavesTheOrderToShip() {
        long id = cancelB(CancellationReason.OUT_OF_STOCK, null);
        cases.choose(id, world.buyerUser(), null, Remedy.REFUND);
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
    }

    @Test
    void cancelledLinesAreLeftOutOfALaterNoTrackingCase() {
        cancelB(CancellationReason.OUT_OF_STOCK, null);
        pass(Duration.ofHours(49));
        assertThat(casesOf(ClaimType.NO_TRACKING)).singleElement().satisfies(c -> assertThat(
                views.detail(c.id(), world.buyerUser()).lines()).singleElement().satisfies(l -> {
                    assertThat(l.sku()).isEqualTo("A");
                    assertThat(l.quantity()).isEqualTo(2);
                }));
    }

    @Test
    void cancellingMoreUnitsThanTheLineHasOrTwiceIsRefused() {
        assertThatThrownBy(() -> cases.cancelLines(new CancelLines(order.id(), Map.of(Fixtures.lineId(order, "A"), 3),
                CancellationReason.OUT_OF_STOCK, null, null), world.sellerUser()))
                .isInstanceOfSatisfying(ClaimNotAllowed.class, e -> assertThat(e.field()).isEqualTo("units"));
        cancelB(CancellationReason.OUT_OF_STOCK, null);
        assertThatThrownBy(() -> cancelB(CancellationReason.DELISTED, null))
                .isInstanceOfSatisfying(ClaimNotAllowed.class, e -> assertThat(e.field()).isEqualTo("units"));
        assertThatThrownBy(() -> cancelB(CancellationReason.OVERSOLD, null))
                .isInstanceOfSatisfying(ClaimNotAllowed.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    // ------------------------------------------------------------------------------------------ oversold

    @Test
    void anOversoldCancellationRefundsEverythingCompensatesAndTheOrderStaysInTheBuyersList() {
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "flash sale", "STOREFRONT");
        orders.cancel(order.orderNumber(), CancellationReason.OVERSOLD, "flash sale", "STOREFRONT");
        assertThat(casesOf(ClaimType.ORDER_CANCELLED)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ClaimStatus.RESOLVED);
            assertThat(c.outcome()).isEqualTo(Outcome.REFUNDED);
        });
        assertThat(movements(MovementKind.REFUND)).singleElement().satisfies(m -> {
            assertThat(m.amount()).isEqualTo(Money.fen(11000));
            assertThat(m.succeeded()).isTrue();
        });
        assertThat(movements(MovementKind.COMPENSATION)).extracting(MovementView::amount)
                .containsExactly(Money.fen(1000));
        assertThat(orders.buyerOrders(world.buyer().id(), PageRequest.of(0, 20)).getContent())
                .extracting(OrderSummary::orderNumber).contains(order.orderNumber());
        OrderDetails after = orders.details(order.id(), world.buyerUser());
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.cancellationReason()).isEqualTo(CancellationReason.OVERSOLD);
        pass(Duration.ofDays(3));
        assertThat(casesOf(ClaimType.NO_TRACKING)).isEmpty();
        assertThat(movements(MovementKind.REFUND)).hasSize(1);
    }
}
