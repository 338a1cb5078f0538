package dev.aftersales.shipping;

import java.time.Instant;

/**
 * A tracking number had no carrier scan within the policy window (24 h by default) of being entered: it is flagged on
 * the order and on the seller's record (fake tracking, 虚假发货). Published once per parcel.
 *
 * @param enteredAt when the tracking number was entered
 */
public record FakeTrackingFlagged(long shipmentId, long orderId, long shopId, String trackingNumber,
        Instant enteredAt, Instant flaggedAt) {
}
