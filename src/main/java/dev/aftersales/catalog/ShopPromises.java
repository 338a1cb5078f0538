package dev.aftersales.catalog;

/**
 * What a shop promises beyond the platform policy; {@code null} keeps the platform default.
 *
 * @param shipByHours           ship within this many hours of payment (e.g. 24)
 * @param firstResponseHours    answer a claim within this many hours
 * @param reshipmentHours       supply reshipment tracking within this many hours
 * @param missingItemWindowDays accept missing-item reports this many days after delivery
 * @param noReasonReturnDays    accept no-reason returns this many days after delivery
 * @param qualityWindowDays     accept quality claims this many days after delivery
 * @param fastTrackThresholdFen approve refund-only claims at once up to this amount
 */
public record ShopPromises(Integer shipByHours, Integer firstResponseHours, Integer reshipmentHours,
        Integer missingItemWindowDays, Integer noReasonReturnDays, Integer qualityWindowDays,
        Long fastTrackThresholdFen) {

    public static ShopPromises none() {
        return new ShopPromises(null, null, null, null, null, null, null);
    }
}
