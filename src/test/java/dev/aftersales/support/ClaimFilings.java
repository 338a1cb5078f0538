package dev.aftersales.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;

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
}
