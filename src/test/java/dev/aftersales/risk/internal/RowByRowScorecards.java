package dev.aftersales.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aftersales.claims.ActorRole;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.risk.ShopScorecard;

/**
 * The scorecard's rule applied row by row, as the desk computed it before the daily counters: every order, claim,
 * decision, rating and fake-tracking incident of the shop, filtered by the window. The tests hold the counters to it;
 * the metrics and reasons are then worked out by {@link Scorecards} as in production.
 */
final class RowByRowScorecards {

    private RowByRowScorecards() {
    }

    record OrderRow(long orderId, Instant paidAt, Instant shipBy, Instant shippedAt, Instant cancelledAt,
            CancellationReason cancellationReason) {
    }

    record ClaimRow(long claimId, long orderId, ClaimType type, Instant filedAt, boolean filedByBuyer,
            Instant firstAnswerAt, ActorRole firstAnswerRole, String firstAnswerAction, boolean escalated) {
    }

    record DecisionRow(long claimId, boolean appeal, boolean sellerAtFault, Instant decidedAt) {
    }

    record RatingRow(long claimId, int stars, Instant ratedAt) {
    }

    /** A fake-tracking incident: its order and when. */
    record IncidentRow(long orderId, Instant at) {
    }

    record History(long shopId, String shopName, List<OrderRow> orders, List<ClaimRow> claims,
            List<DecisionRow> decisions, List<RatingRow> ratings, List<IncidentRow> fakeTracking) {

        History(long shopId, String shopName, List<OrderRow> orders, List<ClaimRow> claims,
                List<DecisionRow> decisions, List<RatingRow> ratings) {
            this(shopId, shopName, orders, claims, decisions, ratings, List.of());
        }
    }

    static ShopScorecard compute(History h, RiskSettings s, Instant now) {
        return Scorecards.compute(h.shopId(), h.shopName(), tally(h, now, 30), tally(h, now, 90), s);
    }

    static ShopScorecard.Metrics metrics(History h, Instant now, int days) {
        return Scorecards.metrics(tally(h, now, days), days);
    }

    static Scorecards.Tally tally(History h, Instant now, int days) {
        Instant since = now.minus(Duration.ofDays(days));
        List<OrderRow> orders = h.orders().stream().filter(o -> !o.paidAt().isBefore(since)).toList();
        List<ClaimRow> all = h.claims().stream().filter(c -> !c.filedAt().isBefore(since)).toList();
        List<ClaimRow> byBuyers = all.stream().filter(ClaimRow::filedByBuyer).toList();
        int claims = byBuyers.size();
        int shortShipments = (int) byBuyers.stream().filter(c -> c.type() == ClaimType.MISSING_ITEM).count();
        int lateShipped = (int) orders.stream().filter(o -> o.shippedAt() != null && o.shippedAt().isAfter(o.shipBy()))
                .count();
        int unshipped = (int) orders.stream().filter(o -> o.shippedAt() == null && o.cancelledAt() == null).count();
        int notDue = (int) orders.stream().filter(o -> o.shippedAt() == null && o.cancelledAt() == null
                && !now.isAfter(o.shipBy())).count();
        int noTracking = (int) all.stream().filter(c -> c.type() == ClaimType.NO_TRACKING).count();
        // a fake-tracking incident counts unless its order also has a NO_TRACKING case (counted above)
        Set<Long> noTrackingOrders = new HashSet<>();
        all.stream().filter(c -> c.type() == ClaimType.NO_TRACKING).forEach(c -> noTrackingOrders.add(c.orderId()));
        noTracking += (int) h.fakeTracking().stream().filter(f -> !f.at().isBefore(since))
                .filter(f -> !noTrackingOrders.contains(f.orderId())).map(IncidentRow::orderId).distinct().count();
        Set<Long> delistedOrders = new HashSet<>();
        all.stream().filter(c -> c.type() == ClaimType.DELISTED).forEach(c -> delistedOrders.add(c.orderId()));
        int outOfStock = (int) all.stream().filter(c -> c.type() == ClaimType.DELISTED).count()
                + (int) h.orders().stream().filter(o -> o.cancelledAt() != null && !o.cancelledAt().isBefore(since)
                        && (o.cancellationReason() == CancellationReason.OUT_OF_STOCK
                                || o.cancellationReason() == CancellationReason.DELISTED)
                        && !delistedOrders.contains(o.orderId()))
                        .count();

        List<Long> responseMinutes = new ArrayList<>();
        int answered = 0;
        int withinDeadline = 0;
        for (ClaimRow c : byBuyers) {
            if (c.firstAnswerAt() == null || "FAST_TRACKED".equals(c.firstAnswerAction())
                    || "WITHDRAWN".equals(c.firstAnswerAction())) {
                continue;
            }
            answered++;
            if (c.firstAnswerRole() == ActorRole.SELLER) {
                withinDeadline++;
            }
            responseMinutes.add(Duration.between(c.filedAt(), c.firstAnswerAt()).toMinutes());
        }
        responseMinutes.sort(Long::compare);
        Long median = responseMinutes.isEmpty() ? null : medianOf(responseMinutes);
        int escalated = (int) byBuyers.stream().filter(ClaimRow::escalated).count();

        Map<Long, DecisionRow> lastDecision = new HashMap<>();
        h.decisions().stream().filter(d -> !d.decidedAt().isBefore(since)).forEach(d -> lastDecision.merge(
                d.claimId(), d, (a, b) -> b.appeal() || b.decidedAt().isAfter(a.decidedAt()) ? b : a));
        int atFault = (int) lastDecision.values().stream().filter(DecisionRow::sellerAtFault).count();

        List<RatingRow> ratings = h.ratings().stream().filter(r -> !r.ratedAt().isBefore(since)).toList();
        long stars = ratings.stream().mapToLong(RatingRow::stars).sum();

        return new Scorecards.Tally(new Scorecards.Counts(orders.size(), lateShipped, unshipped, claims,
                shortShipments, noTracking, outOfStock, answered, withinDeadline, escalated, atFault, ratings.size(),
                stars), notDue, median);
    }

    private static long medianOf(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
