package dev.aftersales.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's default after-sales policy (docs/rules.md#deadlines), from {@code aftersales.policy.*}. Every clock
 * and window the desk applies starts from these values; a shop may only make them stricter on itself (see
 * {@link ShopPolicy}). An admin may change them at run time on {@code /admin/policy}, where each has a name, a
 * one-line explanation and its unit; amounts ({@code …Fen}) are shown and entered in yuan and kept in fen.
 *
 * @param shipBy                   time to ship after payment
 * @param sellerFirstResponse      time for the seller's first answer to a claim
 * @param buyerAnswer              time for the buyer to answer a seller proposal or rejection
 * @param buyerReturnShipment      time for the buyer to ship a return
 * @param sellerReturnConfirmation time for the seller to confirm a delivered return
 * @param sellerReshipment         time for the seller to supply a reshipment or valid tracking
 * @param evidenceAnswer           time for a party to answer an agent's evidence request
 * @param agentDecision            time for an agent to decide after escalation
 * @param appealWindow             time to appeal a decision
 * @param missingItemWindow        window to report missing items, from delivery
 * @param noReasonReturnWindow     window for a no-reason return, from delivery
 * @param qualityWindow            window for a quality / not-as-described claim, from delivery
 * @param trackingStall            no carrier movement for this long marks a parcel as stalled
 * @param notReceivedAfterShipping no delivery this long after shipping allows a not-received claim
 * @param fastTrackThresholdFen    refund-only claims at or under this amount may be fast-tracked
 * @param trackingSupply           NO_TRACKING: time for the seller to supply a valid tracking number before the
 *                                 buyer is refunded automatically
 * @param firstScanWithin          a tracking number with no carrier scan this long after it was entered is flagged
 *                                 as fake tracking
 * @param lateShipmentCompensationFen paid to the buyer (once per order) when the ship-by time passed without valid
 *                                 tracking
 * @param outOfStockCompensationFen paid to the buyer when the seller cancels lines as out of stock or delisted
 * @param oversoldCompensationFen  paid to the buyer when the platform cancels a paid order as oversold
 */
@ConfigurationProperties("aftersales.policy")
public record PolicyDefaults(
        @DefaultValue("48h") Duration shipBy,
        @DefaultValue("48h") Duration sellerFirstResponse,
        @DefaultValue("7d") Duration buyerAnswer,
        @DefaultValue("7d") Duration buyerReturnShipment,
        @DefaultValue("7d") Duration sellerReturnConfirmation,
        @DefaultValue("48h") Duration sellerReshipment,
        @DefaultValue("72h") Duration evidenceAnswer,
        @DefaultValue("48h") Duration agentDecision,
        @DefaultValue("7d") Duration appealWindow,
        @DefaultValue("7d") Duration missingItemWindow,
        @DefaultValue("7d") Duration noReasonReturnWindow,
        @DefaultValue("15d") Duration qualityWindow,
        @DefaultValue("72h") Duration trackingStall,
        @DefaultValue("10d") Duration notReceivedAfterShipping,
        @DefaultValue("2000") long fastTrackThresholdFen,
        // --- system-opened cases (watchers)
        @DefaultValue("48h") Duration trackingSupply,
        @DefaultValue("24h") Duration firstScanWithin,
        @DefaultValue("300") long lateShipmentCompensationFen,
        @DefaultValue("500") long outOfStockCompensationFen,
        @DefaultValue("1000") long oversoldCompensationFen) {
}
