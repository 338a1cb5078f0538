package dev.aftersales.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Money;

/** Claims as a buyer files them, each with a fresh submission key (so each files a new claim). */
public final class ClaimFilings {

    private ClaimFilings() {
    }

    /** A missing-item claim on {@code units} units of the order's line with this SKU, no evidence. */
    public static FileClaim missing(OrderDetails order, String sku, int units, Remedy remedy, String description) {
        return new FileClaim(order.id(), ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, remedy, description,
                Map.of(Fixtures.lineId(order, sku), units), null, UUID.randomUUID().toString(), List.of());
    }

    /** One apple box (SKU A of {@link Fixtures#world()}) was not in the parcel: a refund is asked. */
    public static FileClaim oneAppleBoxMissing(OrderDetails order) {
        return missing(order, "A", 1, Remedy.REFUND, "one apple box was not in the parcel");
    }

    /** A refund-only claim ({@code reason} QUALITY or DAMAGED) on {@code units} units of a line, for {@code amount}
     *  (or the units' full price when {@code null}), no evidence. */
    public static FileClaim refundOnly(OrderDetails order, String sku, int units, ClaimReason reason,
            String description, Money amount) {
        return new FileClaim(order.id(), ClaimType.REFUND_ONLY, reason, Remedy.REFUND, description,
                Map.of(Fixtures.lineId(order, sku), units), amount, UUID.randomUUID().toString(), List.of());
    }

    /** A return-and-refund claim without a reason (within the no-reason window) on {@code units} units of a line. */
    public static FileClaim returnWithoutReason(OrderDetails order, String sku, int units) {
        return new FileClaim(order.id(), ClaimType.RETURN_REFUND, ClaimReason.NO_REASON, Remedy.RETURN_AND_REFUND,
                null, Map.of(Fixtures.lineId(order, sku), units), null, UUID.randomUUID().toString(), List.of());
    }
}
