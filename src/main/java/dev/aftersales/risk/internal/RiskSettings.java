package dev.aftersales.risk.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk thresholds, from {@code aftersales.risk.*}; an admin may change them at run time on {@code /admin/policy}
 * (see {@link RiskSettingsStore}).
 *
 * @param watchScore                         a return-abuse score from here is "watch"
 * @param reviewScore                        from here "review": no fast-track, new claims marked for agent review
 * @param supervisionMinOrders               a shop with fewer orders in 90 days is not judged on rates
 * @param supervisionAfterSalesRatePercent   buyer claims per order above this put the shop under supervision
 * @param supervisionShortShipmentRatePercent missing-item claims per order above this
 * @param supervisionLateShipments           late shipments in 90 days from this count
 * @param supervisionNoTrackingIncidents     no/fake-tracking incidents in 90 days from this count
 * @param supervisionOutOfStockCancellations out-of-stock cancellations in 90 days from this count
 * @param supervisionWithinDeadlinePercent   a share of first answers within the deadline below this
 * @param supervisionMedianFirstResponse     a median first-response time above this
 * @param supervisionEscalationRatePercent   escalated claims per claim above this
 * @param supervisionSellerAtFault           seller-at-fault decisions in 90 days from this count
 * @param supervisionRatingTenths            an average buyer rating below this (in tenths: 30 = 3.0 stars)
 */
@ConfigurationProperties("aftersales.risk")
public record RiskSettings(
        @DefaultValue("40") int watchScore,
        @DefaultValue("70") int reviewScore,
        @DefaultValue("5") int supervisionMinOrders,
        @DefaultValue("25") int supervisionAfterSalesRatePercent,
        @DefaultValue("10") int supervisionShortShipmentRatePercent,
        @DefaultValue("10") int supervisionLateShipments,
        @DefaultValue("10") int supervisionNoTrackingIncidents,
        @DefaultValue("3") int supervisionOutOfStockCancellations,
        @DefaultValue("80") int supervisionWithinDeadlinePercent,
        @DefaultValue("24h") Duration supervisionMedianFirstResponse,
        @DefaultValue("30") int supervisionEscalationRatePercent,
        @DefaultValue("3") int supervisionSellerAtFault,
        @DefaultValue("30") int supervisionRatingTenths) {
}
