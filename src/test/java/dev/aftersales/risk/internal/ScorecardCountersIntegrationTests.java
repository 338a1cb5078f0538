package dev.aftersales.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.arbitration.AgentDecided;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ActorRole;
import dev.aftersales.claims.CancelLines;
import dev.aftersales.claims.ClaimDeadlineSweep;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.IncidentKind;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.ShopIncidentRecorded;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.risk.ShopScorecard;
import dev.aftersales.shared.Money;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * The scorecard from the daily counters is the scorecard the row-by-row rule gives ({@link RowByRowScorecards}, fed
 * with every row of risk's read models), for a shop whose history was made through the real services over four
 * months, seen at many moments as the 30- and 90-day windows slide over it; and it stays so when events arrive again.
 */
@AftersalesIntegrationTest
class ScorecardCountersIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    SystemCases cases;
    @Autowired
    OrderManagement orders;
    @Autowired
    ClaimDeadlineSweep deadlines;
    @Autowired
    Ratings ratings;
    @Autowired
    RiskManagement risk;
    @Autowired
    RiskSettingsStore thresholds;
    @Autowired
    ScorecardCache cards;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;

    final List<Object> events = new ArrayList<>();

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void theCountersGiveTheScorecardOfTheRowByRowRuleAsTheWindowsSlideAndAfterEventsArriveAgain() {
        World world = fixtures.freshWorld();
        long shop = world.shop().id();
        Instant start = clock.instant().minus(Duration.ofDays(120));
        List<Long> orderIds = new ArrayList<>();
        List<Long> claimIds = new ArrayList<>();

        // four months ago, then two months, one month and two days ago: the same mix of moves each time
        for (int days : new int[] {0, 58, 90, 117}) {
            clock.set(start.plus(Duration.ofDays(days)).plus(Duration.ofHours(days % 7)));
            history(world, orderIds, claimIds);
        }
        clock.set(start.plus(Duration.ofDays(120)));

        Map<Long, Object> before = counters(shop);
        assertThat(before).as("counters of the shop").isNotEmpty();
        assertThat(counters(shop)).isEqualTo(contributions(shop));
        ShopScorecard now = compareAtMoments(shop, world);
        assertThat(now.last90().orders()).as("three rounds of seven orders").isEqualTo(21);
        assertThat(now.last90().lateShipments()).isPositive();
        assertThat(now.last90().noTrackingIncidents()).isPositive();
        assertThat(now.last90().outOfStockCancellations()).isPositive();
        assertThat(now.last90().sellerAtFault()).isPositive();
        assertThat(now.last90().ratings()).isPositive();
        assertThat(now.last90().medianFirstResponseMinutes()).isNotNull();
        assertThat(now.last30().orders()).isLessThan(now.last90().orders());

        // every event once more: the listeners refresh the same rows, the counters do not move
        clock.set(start.plus(Duration.ofDays(120)));
        events.forEach(e -> new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(e)));
        orderIds.forEach(risk::refreshOrder);
        claimIds.forEach(risk::refreshClaim);
        assertThat(counters(shop)).isEqualTo(before);
        compareAtMoments(shop, world);
    }

    /** One round of orders, claims, answers, decisions, ratings and incidents at the clock's time. */
    void history(World world, List<Long> orderIds, List<Long> claimIds) {
        long shop = world.shop().id();
        // shipped on time and delivered; shipped after the ship-by time; never shipped; cancelled out of stock
        OrderDetails delivered = fixtures.paidOrder(world);
        fixtures.deliver(delivered, 2_150);
        OrderDetails delivered2 = fixtures.paidOrder(world);
        fixtures.deliver(delivered2, 1_000);
        OrderDetails unshipped = fixtures.paidOrder(world);
        OrderDetails cancelled = fixtures.paidOrder(world);
        orders.cancel(cancelled.orderNumber(), CancellationReason.OUT_OF_STOCK, "none left", "SELLER");
        OrderDetails late = fixtures.paidOrder(world);
        OrderDetails noTracking = fixtures.paidOrder(world);
        OrderDetails delisted = fixtures.paidOrder(world);
        orderIds.addAll(List.of(delivered.id(), delivered2.id(), unshipped.id(), cancelled.id(), late.id(),
                noTracking.id(), delisted.id()));

        // a missing-item claim the seller accepts after 3 h; the appeal reverses the seller-at-fault decision
        long missing = claims.file(ClaimFilings.missing(delivered, "A", 1, Remedy.RESHIP, "one box missing"),
                world.buyerUser());
        clock.advance(Duration.ofHours(3));
        claims.accept(missing, world.sellerUser(), null);
        decide(world, delivered, missing, true, false);
        clock.advance(Duration.ofMinutes(50));
        decide(world, delivered, missing, false, true);

        // a refund the seller rejects after 7 h 20 min and the buyer escalates: the seller is at fault
        long rejected = claims.file(ClaimFilings.refundOnly(delivered2, "A", 2, ClaimReason.QUALITY,
                "both boxes bruised", Money.fen(6000)), world.buyerUser());
        clock.advance(Duration.ofMinutes(440));
        claims.reject(rejected, world.sellerUser(), null, "they were fine", List.of());
        claims.escalate(rejected, world.buyerUser(), null, "they were not");
        decide(world, delivered2, rejected, true, false);

        // a small refund fast-tracked, and a claim withdrawn before any answer: rated once they end
        long small = claims.file(ClaimFilings.refundOnly(delivered2, "B", 1, ClaimReason.QUALITY, "scratched",
                Money.fen(1000)), world.buyerUser());
        long withdrawn = claims.file(ClaimFilings.missing(delivered, "B", 1, Remedy.REFUND, "cable missing"),
                world.buyerUser());
        claims.withdraw(withdrawn, world.buyerUser(), null, "found it");
        ratings.rate(withdrawn, world.buyerUser(), 2, null);
        if (!claims.claim(small, world.buyerUser()).status().isOpen()) {
            ratings.rate(small, world.buyerUser(), 5, "quick");
        }

        // past the ship-by time: one shipped late, one reported without tracking (and fake tracking on it and on
        // the never-shipped order, twice), one with lines cancelled as delisted
        clock.advance(Duration.ofHours(49));
        String lateParcel = fixtures.ship(late);
        long reported = cases.reportMissingTracking(noTracking.id(), world.buyerUser());
        incident(shop, noTracking, IncidentKind.FAKE_TRACKING);
        incident(shop, unshipped, IncidentKind.FAKE_TRACKING);
        clock.advance(Duration.ofHours(1));
        incident(shop, unshipped, IncidentKind.FAKE_TRACKING);
        long delistedClaim = cases.cancelLines(new CancelLines(delisted.id(),
                Map.of(Fixtures.lineId(delisted, "B"), 1), CancellationReason.DELISTED, null, "gone"),
                world.sellerUser());

        // a claim nobody answers: the system accepts it when the seller's time runs out
        fixtures.deliverLeg(lateParcel);
        long ignored = claims.file(ClaimFilings.missing(late, "A", 1, Remedy.REFUND, "box missing"),
                world.buyerUser());
        clock.advance(Duration.ofHours(49));
        deadlines.runDue();
        claimIds.addAll(List.of(missing, rejected, small, withdrawn, reported, delistedClaim, ignored));
    }

    void decide(World world, OrderDetails order, long claimId, boolean sellerAtFault, boolean appeal) {
        publish(new AgentDecided(claimId, "X", order.id(), world.shop().id(), world.buyer().id(), 1,
                DecisionOutcome.RESHIP, CostBearer.SELLER, sellerAtFault, appeal, null, "S4.2", clock.instant()));
    }

    void incident(long shop, OrderDetails order, IncidentKind kind) {
        publish(new ShopIncidentRecorded(shop, kind, order.id(), null, clock.instant()));
    }

    void publish(Object event) {
        events.add(event);
        new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(event));
    }

    /**
     * From now to past the end of the 90-day window of the oldest round, every 11 hours (so the windows start at
     * every time of day): the scorecard of one shop and of a page of shops is the row-by-row one.
     */
    ShopScorecard compareAtMoments(long shop, World world) {
        Instant from = clock.instant();
        ShopScorecard first = null;
        for (Instant at = from; at.isBefore(from.plus(Duration.ofDays(95))); at = at.plus(Duration.ofHours(11))) {
            clock.set(at);
            ShopScorecard expected = RowByRowScorecards.compute(history(shop, world.shop().name(), at),
                    thresholds.current(), at);
            cards.forget(shop);
            assertThat(risk.scorecard(shop)).as("scorecard at %s", at).isEqualTo(expected);
            cards.forget(shop);
            assertThat(risk.scorecards(List.of(shop)).get(shop)).as("scorecards at %s", at).isEqualTo(expected);
            if (first == null) {
                first = expected;
            }
        }
        clock.set(from);
        cards.forget(shop);
        return first;
    }

    /** Every row of the shop in risk's read models over the 90 days before {@code now}, as the desk read them. */
    RowByRowScorecards.History history(long shop, String name, Instant now) {
        Timestamp since = Timestamp.from(now.minus(Duration.ofDays(90)));
        var orderRows = jdbc.query("select order_id, paid_at, ship_by, shipped_at, cancelled_at, cancellation_reason "
                + "from risk_orders where shop_id = ? and (paid_at >= ? or cancelled_at >= ?)",
                (rs, i) -> new RowByRowScorecards.OrderRow(rs.getLong(1), RiskReadModel.instant(rs, 2),
                        RiskReadModel.instant(rs, 3), RiskReadModel.instant(rs, 4), RiskReadModel.instant(rs, 5),
                        rs.getString(6) == null ? null : CancellationReason.valueOf(rs.getString(6))),
                shop, since, since);
        var claimRows = jdbc.query("select claim_id, order_id, type, filed_at, filed_by_buyer, first_answer_at, "
                + "first_answer_role, first_answer_action, escalated from risk_claims "
                + "where shop_id = ? and filed_at >= ?",
                (rs, i) -> new RowByRowScorecards.ClaimRow(rs.getLong(1), rs.getLong(2),
                        ClaimType.valueOf(rs.getString(3)), RiskReadModel.instant(rs, 4), rs.getBoolean(5),
                        RiskReadModel.instant(rs, 6),
                        rs.getString(7) == null ? null : ActorRole.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getBoolean(9)),
                shop, since);
        var decisionRows = jdbc.query("select claim_id, appeal, seller_at_fault, decided_at from risk_decisions "
                + "where shop_id = ? and decided_at >= ?",
                (rs, i) -> new RowByRowScorecards.DecisionRow(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3),
                        RiskReadModel.instant(rs, 4)),
                shop, since);
        var ratingRows = jdbc.query("select claim_id, stars, rated_at from claim_ratings where shop_id = ? "
                + "and rated_at >= ?",
                (rs, i) -> new RowByRowScorecards.RatingRow(rs.getLong(1), rs.getInt(2), RiskReadModel.instant(rs, 3)),
                shop, since);
        var fakeRows = jdbc.query("select order_id, occurred_at from risk_shop_incidents where shop_id = ? "
                + "and kind = 'FAKE_TRACKING' and occurred_at >= ?",
                (rs, i) -> new RowByRowScorecards.IncidentRow(rs.getLong(1), RiskReadModel.instant(rs, 2)), shop,
                since);
        return new RowByRowScorecards.History(shop, name, orderRows, claimRows, decisionRows, ratingRows, fakeRows);
    }

    /** The shop's counters, day by day, leaving out days that add up to nothing. */
    Map<Long, Object> counters(long shop) {
        return byDay("select day, " + String.join(", ", Scorecards.Counts.COLUMNS)
                + " from risk_shop_daily where shop_id = ?", shop);
    }

    /** What the read models' rows contribute, day by day: what the migration's backfill would count. */
    Map<Long, Object> contributions(long shop) {
        return byDay("select (at at time zone 'UTC')::date, " + String.join(", ",
                Scorecards.Counts.COLUMNS.stream().map(c -> "sum(" + c + ")").toList())
                + " from risk_shop_contributions where shop_id = ? group by 1", shop);
    }

    private Map<Long, Object> byDay(String sql, long shop) {
        Map<Long, Object> days = new java.util.TreeMap<>();
        jdbc.query(sql, rs -> {
            List<Long> values = new ArrayList<>();
            for (int i = 2; i <= 1 + Scorecards.Counts.COLUMNS.size(); i++) {
                values.add(rs.getLong(i));
            }
            if (values.stream().anyMatch(v -> v != 0)) {
                days.put(rs.getObject(1, java.time.LocalDate.class).toEpochDay(), values);
            }
        }, shop);
        return days;
    }
}
