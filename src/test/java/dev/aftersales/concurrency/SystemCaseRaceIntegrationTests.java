package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.CancelLines;
import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimDeadlineSweep;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.DuplicateClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.ShipByWatcher;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.shipping.Carrier;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.LedgerInvariants.Ledger;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/**
 * The cases the system and the seller open, raced: the watcher and the buyer reporting missing tracking at once, the
 * tracking deadline against the seller supplying a number, the seller cancelling the same units twice, the buyer's
 * choice against its deadline. One case, one outcome, each refund and compensation once.
 */
@AftersalesIntegrationTest
class SystemCaseRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
    @Autowired
    SystemCases systemCases;
    @Autowired
    ShipByWatcher watcher;
    @Autowired
    ClaimDeadlineSweep deadlines;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World world;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theWatcherAndTheBuyerReportingMissingTrackingAtOnceOpenOneCaseThenTheDeadlineAndTheSellerSettleItOnce() {
        // paid 50 hours ago: its 48-hour ship-by time has passed
        OrderDetails order = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3000, null)),
                clock.instant().minus(Duration.ofHours(50)));
        List<Outcome<Object>> opened = Race.run(12, i -> i % 6 == 0
                ? () -> watcher.runDue()
                : () -> systemCases.reportMissingTracking(order.id(), world.buyerUser()));
        assertThat(Race.unexpected(opened, DuplicateClaim.class, ClaimNotAllowed.class)).isEmpty();
        assertThat(casesOf(order.id(), "NO_TRACKING")).isEqualTo(1);
        long caseId = jdbc.queryForObject("select id from claims where order_id = ? and type = 'NO_TRACKING'",
                Long.class, order.id());

        // the tracking deadline passes while the seller supplies a number from several tabs
        clock.advance(Duration.ofHours(49));
        List<Outcome<Object>> settled = Race.run(8, i -> i % 2 == 0
                ? () -> deadlines.runDue()
                : () -> {
                    systemCases.supplyTracking(caseId, world.sellerUser(), null, Carrier.SF,
                            Fixtures.trackingNumber());
                    return "supplied";
                });
        assertThat(Race.unexpected(settled, ClaimChanged.class, TransitionRejected.class)).isEmpty();
        ClaimStatus status = ClaimStatus.valueOf(jdbc.queryForObject("select status from claims where id = ?",
                String.class, caseId));
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.count("COMPENSATION", "LATE_SHIPMENT")).as("late shipment compensated once").isEqualTo(1);
        // RESOLVED alone does not say who won: the deadline's refund, once paid, resolves the case too
        String outcome = jdbc.queryForObject("select outcome from claims where id = ?", String.class, caseId);
        if ("TRACKING_SUPPLIED".equals(outcome)) {
            assertThat(status).isEqualTo(ClaimStatus.RESOLVED);
            assertThat(money.sum("REFUND")).isZero();
            assertThat(jdbc.queryForObject("select count(*) from shipments where order_id = ?", Integer.class,
                    order.id())).isEqualTo(1);
        } else {
            assertThat(status).isIn(ClaimStatus.REFUND_PENDING, ClaimStatus.RESOLVED);
            assertThat(money.netRefundedMinor()).isEqualTo(6000);
            assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        }
    }

    @Test
    void theSellerCancellingTheSameUnitsAtOnceOpensOneCaseAndTheBuyersChoiceRacingItsDeadlinePaysOnce() {
        OrderDetails order = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3000, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null)), clock.instant().minus(Duration.ofHours(1)));
        long lineA = Fixtures.lineId(order, "A");
        List<Outcome<Long>> cancelled = Race.run(10, i -> () -> systemCases.cancelLines(new CancelLines(order.id(),
                Map.of(lineA, 1 + i % 2), CancellationReason.OUT_OF_STOCK, i % 3 == 0 ? "C" : null, null),
                world.sellerUser()));
        assertThat(Race.unexpected(cancelled, ClaimNotAllowed.class, DuplicateClaim.class)).isEmpty();
        List<Long> cases = cancelled.stream().filter(Outcome::succeeded).map(Outcome::value).distinct().toList();
        assertThat(cases).hasSize(1);
        ledger.assertUnitsClaimedAtMostOnce(order.id());
        long caseId = cases.get(0);

        // the 72-hour choice runs out while the buyer chooses
        clock.advance(Duration.ofHours(73));
        List<Outcome<Object>> chosen = Race.run(9, i -> switch (i % 3) {
            case 0 -> () -> deadlines.runDue();
            case 1 -> () -> {
                systemCases.choose(caseId, world.buyerUser(), null, Remedy.REFUND);
                return "refund";
            };
            default -> () -> {
                systemCases.choose(caseId, world.buyerUser(), null, Remedy.SUBSTITUTE);
                return "substitute";
            };
        });
        assertThat(Race.unexpected(chosen, ClaimChanged.class, TransitionRejected.class)).isEmpty();
        Ledger money = ledger.assertHold(order.id());
        ledger.assertUnitsClaimedAtMostOnce(order.id());
        assertThat(money.count("REFUND", "UNAVAILABLE")).isLessThanOrEqualTo(1);
        assertThat(money.count("COMPENSATION", "OUT_OF_STOCK")).isEqualTo(1);
        assertThat(money.line(lineA).refundedMinor()).isLessThanOrEqualTo(6000);
    }

    int casesOf(long orderId, String type) {
        return jdbc.queryForObject("select count(*) from claims where order_id = ? and type = ?", Integer.class,
                orderId, type);
    }
}
