package dev.aftersales.catalog;

import java.time.Duration;

/**
 * The policy that applies to one shop's orders: the platform defaults, with the shop's own stricter promises where
 * it made them. Seller clocks can only be shorter, buyer windows only longer, the fast-track threshold only higher.
 */
public record ShopPolicy(
        Duration shipBy,
        Duration sellerFirstResponse,
        Duration buyerAnswer,
        Duration buyerReturnShipment,
        Duration sellerReturnConfirmation,
        Duration sellerReshipment,
        Duration evidenceAnswer,
        Duration agentDecision,
        Duration appealWindow,
        Duration missingItemWindow,
        Duration noReasonReturnWindow,
        Duration qualityWindow,
        Duration trackingStall,
        Duration notReceivedAfterShipping,
        long fastTrackThresholdFen) {

    static ShopPolicy of(PolicyDefaults d, Shop shop) {
        return new ShopPolicy(
                shorter(d.shipBy(), shop.shipByHours()),
                shorter(d.sellerFirstResponse(), shop.firstResponseHours()),
                d.buyerAnswer(),
                d.buyerReturnShipment(),
                d.sellerReturnConfirmation(),
                shorter(d.sellerReshipment(), shop.reshipmentHours()),
                d.evidenceAnswer(),
                d.agentDecision(),
                d.appealWindow(),
                longerDays(d.missingItemWindow(), shop.missingItemWindowDays()),
                longerDays(d.noReasonReturnWindow(), shop.noReasonReturnDays()),
                longerDays(d.qualityWindow(), shop.qualityWindowDays()),
                d.trackingStall(),
                d.notReceivedAfterShipping(),
                Math.max(d.fastTrackThresholdFen(),
                        shop.fastTrackThresholdFen() == null ? 0 : shop.fastTrackThresholdFen()));
    }

    private static Duration shorter(Duration platform, Integer shopHours) {
        if (shopHours == null) {
            return platform;
        }
        Duration own = Duration.ofHours(shopHours);
        return own.compareTo(platform) < 0 ? own : platform;
    }

    private static Duration longerDays(Duration platform, Integer shopDays) {
        if (shopDays == null) {
            return platform;
        }
        Duration own = Duration.ofDays(shopDays);
        return own.compareTo(platform) > 0 ? own : platform;
    }
}
