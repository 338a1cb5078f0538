package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.SweepSettings;
import dev.aftersales.shipping.TrackingWatch;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.EarlierWorkParked;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * The watchers and the deadline sweep drain everything due in one run, batch after batch, within the run's budget;
 * two of them running at once (two nodes: two threads, each with its own connections) act on every item exactly once.
 */
@AftersalesIntegrationTest
class SweepDrainIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ShipByWatcher shipBy;
    @Autowired
    TrackingWatch tracking;
    @Autowired
    ClaimDeadlineSweep deadlines;
    @Autowired
    ClaimManagement claims;
    @Autowired
    OrderManagement orders;
    @Autowired
    PaymentManagement payments;
    @Autowired
    SweepSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World world;
    int batchSize;
    int chunkSize;
    int maxItems;
    Duration maxRunTime;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        // each test drains what is due: what the previous one left is not its work
        EarlierWorkParked.park(jdbc);
        batchSize = settings.getBatchSize();
        chunkSize = settings.getChunkSize();
        maxItems = settings.getMaxItems();
        maxRunTime = settings.getMaxRunTime();
        // these tests are about batches and item budgets; a slow machine must not end a run on its time budget
        settings.setMaxRunTime(Duration.ofHours(1));
    }

    @AfterEach
    void restoreSettings() {
        settings.setBatchSize(batchSize);
        settings.setChunkSize(chunkSize);
        settings.setMaxItems(maxItems);
        settings.setMaxRunTime(maxRunTime);
    }

    List<OrderDetails> paidOrders(int n) {
        List<OrderDetails> placed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            placed.add(fixtures.paidOrder(world));
        }
        return placed;
    }

    List<Claim> noTrackingCases(OrderDetails order) {
        return claims.claimsOfOrder(order.id()).stream().filter(c -> c.type() == ClaimType.NO_TRACKING).toList();
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Runs the sweep on two threads released together, and returns what each run reported. */
    static List<Integer> twoAtOnce(Callable<Integer> sweep) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    together.await();
                    return sweep.call();
                }));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneRunOpensANoTrackingCaseForEveryLateOrderBatchAfterBatch() {
        // many batches in one run (a run used to take one fixed batch and stop)
        List<OrderDetails> late = paidOrders(30);
        settings.setBatchSize(4);
        clock.advance(Duration.ofHours(49));

        int opened = shipBy.runDue();

        assertThat(opened).isGreaterThanOrEqualTo(30);
        assertThat(late).allSatisfy(o -> assertThat(noTrackingCases(o)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_TRACKING)));
        assertThat(shipBy.runDue()).as("nothing is left for the next run").isZero();
    }

    long publications(String eventType) {
        return jdbc.queryForObject("select count(*) from event_publication where event_type = ?", Long.class,
                eventType);
    }

    @Test
    void aChunkOfLateOrdersOpensItsCasesTogetherAndEveryListenerActsOnEachCaseInOneRunForTheChunk() {
        List<OrderDetails> late = paidOrders(6);
        settings.setChunkSize(10);
        clock.advance(Duration.ofHours(49));
        long chunksBefore = publications(ClaimsTransitioned.class.getName());
        long singlesBefore = publications(ClaimTransitioned.class.getName());
        long incidentChunksBefore = publications(ShopIncidentsRecorded.class.getName());

        int opened = shipBy.runDue();

        assertThat(opened).isEqualTo(6);
        // one event for the chunk, delivered once to each of the six listeners of a claim's moves
        assertThat(publications(ClaimsTransitioned.class.getName()) - chunksBefore).isEqualTo(6);
        assertThat(publications(ClaimTransitioned.class.getName())).as("no event per case")
                .isEqualTo(singlesBefore);
        assertThat(publications(ShopIncidentsRecorded.class.getName()) - incidentChunksBefore).isEqualTo(1);
        assertThat(count("select count(*) from event_publication where completion_date is null")).isZero();
        // what each listener does for a case opened alone, it did for each case of the chunk
        assertThat(late).allSatisfy(o -> {
            Claim c = noTrackingCases(o).get(0);
            assertThat(jdbc.queryForObject("""
                    select count(*) from inbox_items where recipient_id = ? and link = ?
                      and message_code = 'notifications.claim.opened'""", Long.class, world.seller().id(),
                    "/seller/claims/" + c.id())).as("the seller is told of the case").isEqualTo(1L);
            assertThat(jdbc.queryForObject("""
                    select count(*) from inbox_items where recipient_id = ? and link = ?
                      and message_code = 'notifications.claim.opened.buyer'""", Long.class, world.buyer().id(),
                    "/buyer/claims/" + c.id())).as("the buyer is told of the case").isEqualTo(1L);
            assertThat(jdbc.queryForObject("select status from risk_claims where claim_id = ?", String.class,
                    c.id())).as("risk's read model holds the case").isEqualTo("AWAITING_TRACKING");
            assertThat(jdbc.queryForObject("""
                    select count(*) from shop_incidents where order_id = ? and kind = 'LATE_SHIPMENT'""", Long.class,
                    o.id())).isEqualTo(1L);
        });
    }

    @Test
    void aRunStopsAtItsBudgetAndTheNextRunContinues() {
        List<OrderDetails> late = paidOrders(20);
        clock.advance(Duration.ofHours(49));
        settings.setBatchSize(3);
        settings.setMaxItems(7);

        int first = shipBy.runDue();

        assertThat(first).isBetween(1, 7 + 7); // seven late orders, seven flags at most
        assertThat(late).filteredOn(o -> noTrackingCases(o).isEmpty()).as("left for the next runs").isNotEmpty();
        int runs = 1;
        while (shipBy.runDue() > 0) {
            runs++;
        }
        assertThat(runs).isGreaterThanOrEqualTo(3);
        assertThat(late).allSatisfy(o -> assertThat(noTrackingCases(o)).hasSize(1));
    }

    @Test
    void twoWatchersAtOnceOpenEveryCaseOnceAndTwoSweepsApplyEveryDeadlineOnce() throws Exception {
        List<OrderDetails> late = paidOrders(30);
        settings.setBatchSize(4);
        clock.advance(Duration.ofHours(49));
        long casesBefore = count("select count(*) from claims where type = 'NO_TRACKING'");

        List<Integer> opened = twoAtOnce(shipBy::runDue);

        long casesAfter = count("select count(*) from claims where type = 'NO_TRACKING'");
        assertThat(opened.get(0) + opened.get(1)).as("every case counted by the run that opened it")
                .isEqualTo(casesAfter - casesBefore);
        assertThat(late).allSatisfy(o -> assertThat(noTrackingCases(o)).hasSize(1));
        assertThat(jdbc.queryForObject("""
                select count(*) from claims where type = 'NO_TRACKING' and order_id = any (?)""", Long.class,
                (Object) late.stream().map(OrderDetails::id).toArray(Long[]::new))).isEqualTo(late.size());

        clock.advance(Duration.ofHours(49));
        long refundsBefore = count("select count(*) from payment_movements where kind = 'REFUND'");
        List<Integer> applied = twoAtOnce(deadlines::runDue);

        assertThat(late).allSatisfy(o -> {
            Claim c = noTrackingCases(o).get(0);
            assertThat(c.outcome()).isEqualTo(Outcome.REFUNDED);
            assertThat(jdbc.queryForObject("select count(*) from claim_timeline where claim_id = ? and action = ?",
                    Long.class, c.id(), "AUTO_REFUNDED")).as("the deadline applied once").isEqualTo(1L);
            List<MovementView> refunds = payments.movementsOfOrder(o.id()).stream()
                    .filter(m -> m.kind() == MovementKind.REFUND).toList();
            assertThat(refunds).as("refunded once").hasSize(1);
            assertThat(refunds.get(0).amount()).isEqualTo(o.paid());
            assertThat(payments.refundable(o.id()).isPositive()).isFalse();
        });
        assertThat(applied.get(0) + applied.get(1)).isGreaterThanOrEqualTo(30);
        assertThat(count("select count(*) from payment_movements where kind = 'REFUND'") - refundsBefore)
                .isLessThanOrEqualTo(applied.get(0) + applied.get(1));
        // the money invariant over the whole ledger: never more refunded than paid, per line and per order
        assertThat(count("select count(*) from payment_accounts where refunded_minor > paid_minor")).isZero();
        assertThat(count("""
                select count(*) from (select ml.order_line_id from payment_movement_lines ml
                  join payment_movements m on m.id = ml.movement_id join order_lines l on l.id = ml.order_line_id
                  where m.kind = 'REFUND' group by ml.order_line_id, l.paid_minor
                  having sum(ml.amount_minor) > l.paid_minor) over""")).isZero();
    }

    @Test
    void oneRunFlagsEveryScanlessParcelAndNoticesEveryStallBatchAfterBatch() {
        // many batches in one run (a run used to take one fixed batch and stop)
        List<OrderDetails> shipped = paidOrders(30);
        shipped.forEach(fixtures::ship);
        settings.setBatchSize(4);
        clock.advance(Duration.ofHours(25));

        assertThat(tracking.flagScanless()).isGreaterThanOrEqualTo(30);
        assertThat(shipped).allSatisfy(o -> assertThat(tracking.flagsOf(o.id())).hasSize(1));
        assertThat(tracking.flagScanless()).isZero();

        clock.advance(Duration.ofHours(48));
        assertThat(tracking.noticeStalls()).isGreaterThanOrEqualTo(30);
        assertThat(shipped).allSatisfy(o -> assertThat(tracking.stallsOf(o.id())).hasSize(1));
        assertThat(tracking.noticeStalls()).isZero();
    }

    @Test
    void twoTrackingWatchersAtOnceFlagAndNoticeEachParcelOnce() throws Exception {
        List<OrderDetails> shipped = paidOrders(24);
        shipped.forEach(fixtures::ship);
        settings.setBatchSize(5);
        clock.advance(Duration.ofHours(25));
        long flagsBefore = count("select count(*) from tracking_flags");

        List<Integer> flagged = twoAtOnce(tracking::flagScanless);

        assertThat(flagged.get(0) + flagged.get(1)).isEqualTo(count("select count(*) from tracking_flags") - flagsBefore);
        assertThat(shipped).allSatisfy(o -> assertThat(tracking.flagsOf(o.id())).hasSize(1));

        clock.advance(Duration.ofHours(48));
        long stallsBefore = count("select count(*) from tracking_stalls");
        List<Integer> noticed = twoAtOnce(tracking::noticeStalls);

        assertThat(noticed.get(0) + noticed.get(1))
                .isEqualTo(count("select count(*) from tracking_stalls") - stallsBefore);
        assertThat(shipped).allSatisfy(o -> assertThat(tracking.stallsOf(o.id())).hasSize(1));
    }
}
