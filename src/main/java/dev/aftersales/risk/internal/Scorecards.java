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
 * The written rule of the seller scorecard and of supervision. Over a window (30 or 90 days, by when the order was
 * paid, the claim filed, the decision made, the rating given):
 * <ul>
 * <li>after-sales rate: claims the buyers filed / orders; short-shipment rate: missing-item claims / orders;</li>
 * <li>late shipments: orders shipped after their ship-by time, or still unshipped past it (not cancelled);</li>
 * <li>no/fake-tracking incidents: NO_TRACKING claims; out-of-stock cancellations: DELISTED claims, and orders
 * cancelled as out of stock or delisted without such a claim;</li>
 * <li>first response: the time from filing to the first move out of "waiting for the seller"; answered within the
 * deadline when the seller made that move, not the system (automatic acceptance) or the buyer (escalation after
 * the deadline); fast-tracked and withdrawn-before-any-answer claims do not count;</li>
 * <li>escalation rate: claims that went to a platform agent / claims; seller-at-fault decisions (an appeal's
 * decision replaces the first); average buyer rating.</li>
 * </ul>
 * A shop is under supervision when its 90-day metrics pass any threshold of {@link RiskSettings}; rates only count
 * with at least {@code supervisionMinOrders} orders (or 3 claims, 3 answers, 3 ratings).
 */
public final class Scorecards {

    private Scorecards() {
    }

    /**
     * What the scorecard adds up over a window, as {@code risk_shop_daily} and {@code risk_shop_contributions} hold
     * it: orders (by when paid) with those shipped late and those neither shipped nor cancelled; claims filed by
     * buyers, missing-item claims, no/fake-tracking and out-of-stock incidents; answered claims, answered by the
     * seller, escalated; seller-at-fault decisions; ratings and their stars.
     */
    public record Counts(long orders, long lateShipped, long unshipped, long claims, long shortShipments,
            long noTracking, long outOfStock, long answered, long withinDeadline, long escalated, long sellerAtFault,
            long ratings, long stars) {

        /** The columns, in the order of the components. */
        public static final List<String> COLUMNS = List.of("orders", "late_shipped", "unshipped", "claims",
                "short_shipments", "no_tracking", "out_of_stock", "answered", "within_deadline", "escalated",
                "seller_at_fault", "ratings", "stars");

        public static final Counts ZERO = new Counts(new long[13]);

        public Counts(long[] v) {
            this(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
        }

        public long[] values() {
            return new long[] {orders, lateShipped, unshipped, claims, shortShipments, noTracking, outOfStock,
                    answered, withinDeadline, escalated, sellerAtFault, ratings, stars};
        }

        public Counts plus(Counts other) {
            long[] a = values();
            long[] b = other.values();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.addExact(a[i], b[i]);
            }
            return new Counts(a);
        }

        public Counts minus(Counts other) {
            long[] a = values();
            long[] b = other.values();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.subtractExact(a[i], b[i]);
            }
            return new Counts(a);
        }

        public boolean isZero() {
            return java.util.Arrays.stream(values()).allMatch(v -> v == 0);
        }
    }

    public record OrderRow(long orderId, Instant paidAt, Instant shipBy, Instant shippedAt, Instant cancelledAt,
            CancellationReason cancellationReason) {
    }

    public record ClaimRow(long claimId, long orderId, ClaimType type, Instant filedAt, boolean filedByBuyer,
            Instant firstAnswerAt, ActorRole firstAnswerRole, String firstAnswerAction, boolean escalated) {
    }

    public record DecisionRow(long claimId, boolean appeal, boolean sellerAtFault, Instant decidedAt) {
    }

    public record RatingRow(long claimId, int stars, Instant ratedAt) {
    }

    /** A fake-tracking incident (claims' {@code ShopIncidentRecorded}): its order and when. */
    public record IncidentRow(long orderId, Instant at) {
    }

    /** @param fakeTracking the shop's fake-tracking incidents */
    public record History(long shopId, String shopName, List<OrderRow> orders, List<ClaimRow> claims,
            List<DecisionRow> decisions, List<RatingRow> ratings, List<IncidentRow> fakeTracking) {

        History(long shopId, String shopName, List<OrderRow> orders, List<ClaimRow> claims,
                List<DecisionRow> decisions, List<RatingRow> ratings) {
            this(shopId, shopName, orders, claims, decisions, ratings, List.of());
        }
    }

    public static ShopScorecard compute(History h, RiskSettings s, Instant now) {
        ShopScorecard.Metrics m30 = metrics(h, now, 30);
        ShopScorecard.Metrics m90 = metrics(h, now, 90);
        List<ShopScorecard.Reason> reasons = reasons(m90, s);
        return new ShopScorecard(h.shopId(), h.shopName(), m30, m90, !reasons.isEmpty(), reasons);
    }

    static ShopScorecard.Metrics metrics(History h, Instant now, int days) {
        Instant since = now.minus(Duration.ofDays(days));
        List<OrderRow> orders = h.orders().stream().filter(o -> !o.paidAt().isBefore(since)).toList();
        List<ClaimRow> all = h.claims().stream().filter(c -> !c.filedAt().isBefore(since)).toList();
        List<ClaimRow> byBuyers = all.stream().filter(ClaimRow::filedByBuyer).toList();
        int claims = byBuyers.size();
        int shortShipments = (int) byBuyers.stream().filter(c -> c.type() == ClaimType.MISSING_ITEM).count();
        int late = (int) orders.stream().filter(o -> o.shippedAt() != null ? o.shippedAt().isAfter(o.shipBy())
                : o.cancelledAt() == null && now.isAfter(o.shipBy())).count();
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
        Double average = ratings.isEmpty() ? null
                : round1(ratings.stream().mapToInt(RatingRow::stars).average().orElse(0));

        return new ShopScorecard.Metrics(days, orders.size(), claims, rate(claims, orders.size()), shortShipments,
                rate(shortShipments, orders.size()), late, noTracking, outOfStock, median, answered, withinDeadline,
                rate(withinDeadline, answered), escalated, rate(escalated, claims), atFault, ratings.size(), average);
    }

    static List<ShopScorecard.Reason> reasons(ShopScorecard.Metrics m, RiskSettings s) {
        List<ShopScorecard.Reason> reasons = new ArrayList<>();
        boolean enoughOrders = m.orders() >= s.supervisionMinOrders();
        if (enoughOrders && m.afterSalesRate() != null && m.afterSalesRate() > s.supervisionAfterSalesRatePercent()) {
            reasons.add(reason("AFTER_SALES_RATE", m.afterSalesRate(), s.supervisionAfterSalesRatePercent()));
        }
        if (enoughOrders && m.shortShipmentRate() != null
                && m.shortShipmentRate() > s.supervisionShortShipmentRatePercent()) {
            reasons.add(reason("SHORT_SHIPMENT_RATE", m.shortShipmentRate(), s.supervisionShortShipmentRatePercent()));
        }
        if (m.lateShipments() >= s.supervisionLateShipments()) {
            reasons.add(reason("LATE_SHIPMENTS", m.lateShipments(), s.supervisionLateShipments()));
        }
        if (m.noTrackingIncidents() >= s.supervisionNoTrackingIncidents()) {
            reasons.add(reason("NO_TRACKING", m.noTrackingIncidents(), s.supervisionNoTrackingIncidents()));
        }
        if (m.outOfStockCancellations() >= s.supervisionOutOfStockCancellations()) {
            reasons.add(reason("OUT_OF_STOCK", m.outOfStockCancellations(), s.supervisionOutOfStockCancellations()));
        }
        if (m.answered() >= 3 && m.withinDeadlineRate() != null
                && m.withinDeadlineRate() < s.supervisionWithinDeadlinePercent()) {
            reasons.add(reason("WITHIN_DEADLINE", m.withinDeadlineRate(), s.supervisionWithinDeadlinePercent()));
        }
        if (m.answered() >= 3 && m.medianFirstResponseMinutes() != null
                && m.medianFirstResponseMinutes() > s.supervisionMedianFirstResponse().toMinutes()) {
            reasons.add(reason("MEDIAN_FIRST_RESPONSE", m.medianFirstResponse(),
                    s.supervisionMedianFirstResponse()));
        }
        if (m.claims() >= 3 && m.escalationRate() != null
                && m.escalationRate() > s.supervisionEscalationRatePercent()) {
            reasons.add(reason("ESCALATION_RATE", m.escalationRate(), s.supervisionEscalationRatePercent()));
        }
        if (m.sellerAtFault() >= s.supervisionSellerAtFault()) {
            reasons.add(reason("SELLER_AT_FAULT", m.sellerAtFault(), s.supervisionSellerAtFault()));
        }
        if (m.ratings() >= 3 && m.averageRating() != null && m.averageRating() * 10 < s.supervisionRatingTenths()) {
            reasons.add(reason("RATING", m.averageRating(), s.supervisionRatingTenths() / 10.0));
        }
        return reasons;
    }

    private static ShopScorecard.Reason reason(String code, Object value, Object threshold) {
        return new ShopScorecard.Reason(code, "risk.reason." + code, List.of(value, threshold),
                "risk.improve." + code);
    }

    private static long medianOf(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Double rate(int part, int whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
