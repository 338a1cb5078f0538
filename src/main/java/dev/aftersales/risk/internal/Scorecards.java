package dev.aftersales.risk.internal;

import java.util.ArrayList;
import java.util.List;

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
 * <p>
 * The figures come from the shop's daily counters ({@link RiskReadModel#scorecardTallies}), which hold exactly what
 * this rule adds up; the median first response, which cannot be added up, is computed by PostgreSQL.
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

    /**
     * One window of a shop: its counts, how many of its unshipped orders are not due yet (their ship-by time is now
     * or later: not late), and the median time to a first answer in minutes ({@code null} when nothing was answered).
     */
    public record Tally(Counts counts, long unshippedNotDue, Long medianFirstResponseMinutes) {

        public static final Tally EMPTY = new Tally(Counts.ZERO, 0, null);
    }

    public static ShopScorecard compute(long shopId, String shopName, Tally last30, Tally last90, RiskSettings s) {
        ShopScorecard.Metrics m30 = metrics(last30, 30);
        ShopScorecard.Metrics m90 = metrics(last90, 90);
        List<ShopScorecard.Reason> reasons = reasons(m90, s);
        return new ShopScorecard(shopId, shopName, m30, m90, !reasons.isEmpty(), reasons);
    }

    public static ShopScorecard.Metrics metrics(Tally t, int days) {
        Counts c = t.counts();
        int orders = Math.toIntExact(c.orders());
        int claims = Math.toIntExact(c.claims());
        int shortShipments = Math.toIntExact(c.shortShipments());
        int late = Math.toIntExact(Math.addExact(c.lateShipped(), Math.subtractExact(c.unshipped(),
                t.unshippedNotDue())));
        int answered = Math.toIntExact(c.answered());
        int withinDeadline = Math.toIntExact(c.withinDeadline());
        int escalated = Math.toIntExact(c.escalated());
        int ratings = Math.toIntExact(c.ratings());
        Double average = ratings == 0 ? null : round1((double) c.stars() / ratings);
        return new ShopScorecard.Metrics(days, orders, claims, rate(claims, orders), shortShipments,
                rate(shortShipments, orders), late, Math.toIntExact(c.noTracking()),
                Math.toIntExact(c.outOfStock()), t.medianFirstResponseMinutes(), answered, withinDeadline,
                rate(withinDeadline, answered), escalated, rate(escalated, claims),
                Math.toIntExact(c.sellerAtFault()), ratings, average);
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

    static Double rate(int part, int whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
