package dev.aftersales.claims;

import java.util.List;

/** What went wrong: the claim types of docs/lifecycle.md#types. */
public enum ClaimType {
    /** Short shipment: some units of some lines were missing from the parcel. Opened by the buyer after delivery. */
    MISSING_ITEM(List.of(Remedy.REFUND, Remedy.RESHIP)),
    /** The parcel is lost or tracking stalled. Opened by the buyer while the parcel is not delivered. */
    NOT_RECEIVED(List.of(Remedy.REFUND, Remedy.RESHIP)),
    /** "Shipped" without valid tracking, or the ship-by time passed. Opened by the system or the buyer. */
    NO_TRACKING(List.of(Remedy.SUPPLY_TRACKING)),
    /** Items delisted or out of stock after payment. Opened when the seller cancels lines. */
    DELISTED(List.of(Remedy.REFUND, Remedy.SUBSTITUTE)),
    /** The platform cancelled a paid order (oversold). Opened by the system; refunded at once. */
    ORDER_CANCELLED(List.of(Remedy.REFUND)),
    /** Quality or not as described, no return needed: full or partial refund. */
    REFUND_ONLY(List.of(Remedy.REFUND)),
    /** Return the goods for a refund, including no-reason returns within the window. */
    RETURN_REFUND(List.of(Remedy.RETURN_AND_REFUND)),
    /** Return the goods and receive the same SKU again. */
    EXCHANGE(List.of(Remedy.EXCHANGE));

    private final List<Remedy> remedies;

    ClaimType(List<Remedy> remedies) {
        this.remedies = remedies;
    }

    /** The remedies a buyer may ask for with this type. */
    public List<Remedy> remedies() {
        return remedies;
    }

    /** Types a buyer files from the order page. */
    public static final List<ClaimType> BUYER_FILED = List.of(MISSING_ITEM, NOT_RECEIVED, REFUND_ONLY,
            RETURN_REFUND, EXCHANGE);

    public boolean filedByBuyer() {
        return BUYER_FILED.contains(this);
    }

    /** Types whose parcel weight is compared with the lines (docs/rules.md#weight-check). */
    public boolean weightChecked() {
        return this == MISSING_ITEM || this == NOT_RECEIVED;
    }
}
