package dev.aftersales.risk;

import java.util.List;

/**
 * A shop's scorecard over the last 30 and 90 days, whether it is under supervision, and why (each reason also says
 * what to improve).
 */
public record ShopScorecard(long shopId, String shopName, Metrics last30, Metrics last90, boolean supervised,
        List<Reason> reasons) {

    /**
     * The metrics over one window. Rates are percentages with one decimal; {@code null} when there is nothing to
     * divide by.
     */
    public record Metrics(int days, int orders, int claims, Double afterSalesRate, int shortShipments,
            Double shortShipmentRate, int lateShipments, int noTrackingIncidents, int outOfStockCancellations,
            Long medianFirstResponseMinutes, int answered, int answeredWithinDeadline, Double withinDeadlineRate,
            int escalated, Double escalationRate, int sellerAtFault, int ratings, Double averageRating) {

        /** The median time to a first answer, {@code null} when nothing was answered (pages write it with {@code @fmt}). */
        public java.time.Duration medianFirstResponse() {
            return medianFirstResponseMinutes == null ? null : java.time.Duration.ofMinutes(medianFirstResponseMinutes);
        }
    }

    /**
     * One threshold the shop is past.
     *
     * @param code       AFTER_SALES_RATE, SHORT_SHIPMENT_RATE, LATE_SHIPMENTS, NO_TRACKING, OUT_OF_STOCK,
     *                   WITHIN_DEADLINE, MEDIAN_FIRST_RESPONSE, ESCALATION_RATE, SELLER_AT_FAULT, RATING
     * @param messageKey {@code risk.reason.<code>} with the value and the threshold
     * @param improveKey {@code risk.improve.<code>}: what the shop can do
     */
    public record Reason(String code, String messageKey, List<Object> args, String improveKey) {

        public Object[] argArray() {
            return args.toArray();
        }
    }
}
