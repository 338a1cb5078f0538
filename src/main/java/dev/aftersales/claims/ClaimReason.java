package dev.aftersales.claims;

import java.util.EnumSet;
import java.util.Set;

/** Why the buyer files: each type offers its own reasons. */
public enum ClaimReason {
    /** Fewer units in the parcel than paid for. */
    ITEMS_MISSING(EnumSet.of(ClaimType.MISSING_ITEM)),
    /** Tracking has not moved for days. */
    TRACKING_STALLED(EnumSet.of(ClaimType.NOT_RECEIVED)),
    /** The delivery is long overdue. */
    NOT_DELIVERED(EnumSet.of(ClaimType.NOT_RECEIVED)),
    /** Quality problem. */
    QUALITY(EnumSet.of(ClaimType.REFUND_ONLY, ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    /** Not as described on the product page. */
    NOT_AS_DESCRIBED(EnumSet.of(ClaimType.REFUND_ONLY, ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    /** Arrived damaged. */
    DAMAGED(EnumSet.of(ClaimType.REFUND_ONLY, ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    /** A different item was sent. */
    WRONG_ITEM(EnumSet.of(ClaimType.REFUND_ONLY, ClaimType.RETURN_REFUND, ClaimType.EXCHANGE)),
    /** Changed their mind: the no-reason return of the consumer-protection law, within its window. */
    NO_REASON(EnumSet.of(ClaimType.RETURN_REFUND)),
    /** The seller never recorded a valid tracking number (system-opened). */
    NO_VALID_TRACKING(EnumSet.of(ClaimType.NO_TRACKING)),
    /** Delisted or out of stock after payment (seller-opened). */
    UNAVAILABLE(EnumSet.of(ClaimType.DELISTED)),
    /** The platform cancelled the order (system-opened). */
    PLATFORM_CANCELLED(EnumSet.of(ClaimType.ORDER_CANCELLED));

    private final Set<ClaimType> types;

    ClaimReason(Set<ClaimType> types) {
        this.types = types;
    }

    public boolean allowedFor(ClaimType type) {
        return types.contains(type);
    }

    public static java.util.List<ClaimReason> forType(ClaimType type) {
        return java.util.Arrays.stream(values()).filter(r -> r.allowedFor(type)).toList();
    }
}
