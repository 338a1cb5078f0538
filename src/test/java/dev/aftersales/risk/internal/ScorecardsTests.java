package dev.aftersales.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.ActorRole;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.risk.ShopScorecard;

/** The seller scorecard and supervision on generated histories whose answers are worked out by hand. */
class ScorecardsTests {

    static final Instant NOW = ReturnAbuseScoreTests.NOW;
    static final RiskSettings SETTINGS = ReturnAbuseScoreTests.SETTINGS;

    static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** 20 orders: 10 paid 10 days ago, 10 paid 60 days ago; two of the recent ones shipped late, one unshipped. */
    static List<RowByRowScorecards.OrderRow> orders() {
        List<RowByRowScorecards.OrderRow> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant paid = daysAgo(i < 10 ? 10 : 60);
            Instant shipBy = paid.plus(Duration.ofHours(48));
            Instant shipped = i < 2 ? shipBy.plus(Duration.ofHours(5)) : i == 2 ? null : paid.plus(Duration.ofHours(20));
            orders.add(new RowByRowScorecards.OrderRow(i, paid, shipBy, shipped, null, null));
        }
        orders.add(new RowByRowScorecards.OrderRow(100, daysAgo(5), daysAgo(3), null, daysAgo(4),
                CancellationReason.OUT_OF_STOCK));
        return orders;
    }

    static RowByRowScorecards.ClaimRow answered(long id, ClaimType type, int daysAgo, Duration after, ActorRole by,
            String action, boolean escalated) {
        Instant filed = daysAgo(daysAgo);
        return new RowByRowScorecards.ClaimRow(id, id, type, filed, true, filed.plus(after), by, action, escalated);
    }

    @Test
    void metricsOverThirtyAndNinetyDays() {
        List<RowByRowScorecards.ClaimRow> claims = List.of(
                // recent: 3 buyer claims, answered in 2 h, 4 h by the seller and once automatically after 48 h
                answered(1, ClaimType.MISSING_ITEM, 9, Duration.ofHours(2), ActorRole.SELLER, "ACCEPTED", false),
                answered(2, ClaimType.REFUND_ONLY, 8, Duration.ofHours(4), ActorRole.SELLER, "REJECTED", true),
                answered(3, ClaimType.MISSING_ITEM, 7, Duration.ofHours(48), ActorRole.SYSTEM, "AUTO_ACCEPTED",
                        false),
                // a fast-tracked claim counts as a claim but not in the answer statistics
                answered(4, ClaimType.REFUND_ONLY, 6, Duration.ZERO, ActorRole.SYSTEM, "FAST_TRACKED", false),
                // system-opened: an incident, not a buyer claim
                new RowByRowScorecards.ClaimRow(5, 5, ClaimType.NO_TRACKING, daysAgo(5), false, null, null, null, false),
                // older: one more buyer claim, escalated, answered in 10 h
                answered(6, ClaimType.RETURN_REFUND, 50, Duration.ofHours(10), ActorRole.SELLER, "PROPOSED_REFUND",
                        true));
        List<RowByRowScorecards.DecisionRow> decisions = List.of(
                new RowByRowScorecards.DecisionRow(2, false, true, daysAgo(3)),
                // the appeal reversed the first decision on claim 6
                new RowByRowScorecards.DecisionRow(6, false, true, daysAgo(40)),
                new RowByRowScorecards.DecisionRow(6, true, false, daysAgo(35)));
        List<RowByRowScorecards.RatingRow> ratings = List.of(new RowByRowScorecards.RatingRow(1, 5, daysAgo(8)),
                new RowByRowScorecards.RatingRow(2, 2, daysAgo(2)), new RowByRowScorecards.RatingRow(6, 1, daysAgo(45)));

        ShopScorecard card = RowByRowScorecards.compute(new RowByRowScorecards.History(1, "Shop", orders(), claims, decisions,
                ratings), SETTINGS, NOW);

        ShopScorecard.Metrics m30 = card.last30();
        assertThat(m30.orders()).isEqualTo(11); // 10 paid 10 days ago + the cancelled one
        assertThat(m30.claims()).isEqualTo(4);
        assertThat(m30.afterSalesRate()).isEqualTo(36.4); // 4 / 11
        assertThat(m30.shortShipments()).isEqualTo(2);
        assertThat(m30.shortShipmentRate()).isEqualTo(18.2);
        assertThat(m30.lateShipments()).isEqualTo(3); // two shipped late, one unshipped past ship-by
        assertThat(m30.noTrackingIncidents()).isEqualTo(1);
        assertThat(m30.outOfStockCancellations()).isEqualTo(1);
        assertThat(m30.answered()).isEqualTo(3);
        assertThat(m30.answeredWithinDeadline()).isEqualTo(2);
        assertThat(m30.withinDeadlineRate()).isEqualTo(66.7);
        assertThat(m30.medianFirstResponseMinutes()).isEqualTo(240L); // 2 h, 4 h, 48 h
        assertThat(m30.medianFirstResponse()).isEqualTo(java.time.Duration.ofHours(4));
        assertThat(m30.escalated()).isEqualTo(1);
        assertThat(m30.escalationRate()).isEqualTo(25.0);
        assertThat(m30.sellerAtFault()).isEqualTo(1);
        assertThat(m30.ratings()).isEqualTo(2);
        assertThat(m30.averageRating()).isEqualTo(3.5);

        ShopScorecard.Metrics m90 = card.last90();
        assertThat(m90.orders()).isEqualTo(21);
        assertThat(m90.claims()).isEqualTo(5);
        assertThat(m90.afterSalesRate()).isEqualTo(23.8);
        assertThat(m90.answered()).isEqualTo(4);
        assertThat(m90.medianFirstResponseMinutes()).isEqualTo(420L); // 2, 4, 10, 48 h → (4 + 10) / 2
        assertThat(m90.escalationRate()).isEqualTo(40.0);
        assertThat(m90.sellerAtFault()).isEqualTo(1); // claim 2; claim 6's appeal cleared the seller
        assertThat(m90.averageRating()).isEqualTo(2.7); // (5 + 2 + 1) / 3

        // 90 days: after-sales 23.8 % > 20; short shipments 2/21 = 9.5 % ≤ 10; late 3 ≥ 3; within deadline
        // 3/4 = 75 % < 80; escalation 40 % > 30; rating 2.7 < 3.0
        assertThat(card.supervised()).isTrue();
        assertThat(card.reasons()).extracting(ShopScorecard.Reason::code).containsExactly("AFTER_SALES_RATE",
                "LATE_SHIPMENTS", "WITHIN_DEADLINE", "ESCALATION_RATE", "RATING");
        assertThat(card.reasons().get(0).args()).containsExactly(23.8, 20);
        assertThat(card.reasons().get(0).improveKey()).isEqualTo("risk.improve.AFTER_SALES_RATE");
    }

    @Test
    void aQuietShopIsNotSupervisedAndRatesNeedEnoughOrders() {
        // 2 orders, 2 claims: a 100 % rate, but below the 5 orders rates need
        List<RowByRowScorecards.OrderRow> orders = List.of(
                new RowByRowScorecards.OrderRow(1, daysAgo(3), daysAgo(1), daysAgo(2), null, null),
                new RowByRowScorecards.OrderRow(2, daysAgo(3), daysAgo(1), daysAgo(2), null, null));
        List<RowByRowScorecards.ClaimRow> claims = List.of(
                answered(1, ClaimType.REFUND_ONLY, 2, Duration.ofHours(1), ActorRole.SELLER, "ACCEPTED", false),
                answered(2, ClaimType.REFUND_ONLY, 1, Duration.ofHours(1), ActorRole.SELLER, "ACCEPTED", false));

        ShopScorecard card = RowByRowScorecards.compute(new RowByRowScorecards.History(2, "Quiet", orders, claims, List.of(),
                List.of()), SETTINGS, NOW);

        assertThat(card.last90().afterSalesRate()).isEqualTo(100.0);
        assertThat(card.supervised()).isFalse();
        assertThat(card.reasons()).isEmpty();
        assertThat(card.last90().averageRating()).isNull();
        assertThat(card.last90().medianFirstResponse()).isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void aDelistedClaimAndItsOrdersCancellationCountOnce() {
        List<RowByRowScorecards.OrderRow> orders = List.of(
                new RowByRowScorecards.OrderRow(7, daysAgo(3), daysAgo(1), null, daysAgo(2), CancellationReason.DELISTED),
                new RowByRowScorecards.OrderRow(8, daysAgo(3), daysAgo(1), null, daysAgo(2), CancellationReason.OVERSOLD));
        List<RowByRowScorecards.ClaimRow> claims = List.of(new RowByRowScorecards.ClaimRow(1, 7, ClaimType.DELISTED, daysAgo(2),
                false, null, null, null, false));

        ShopScorecard.Metrics m = RowByRowScorecards.metrics(new RowByRowScorecards.History(3, "S", orders, claims, List.of(),
                List.of()), NOW, 30);

        assertThat(m.outOfStockCancellations()).isEqualTo(1);
        assertThat(m.lateShipments()).isZero(); // cancelled orders are not late shipments
        assertThat(m.claims()).isZero();
    }
}
