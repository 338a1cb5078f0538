package dev.aftersales.webhooks.internal;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint may subscribe to; the wire name is the {@code type} of the payload and the event header. */
public enum WebhookEventType {
    /** A buyer filed a claim, or the system opened one (a delisted item, an oversold order). */
    CLAIM_FILED("claim.filed"),
    /** A claim moved in any way not named by another type (answered, proposal accepted, return shipped ...). */
    CLAIM_MOVED("claim.moved"),
    /** The due time of the party whose move it is comes within the lead time (12 h by default). */
    CLAIM_DUE_SOON("claim.due_soon"),
    /** A claim went to the platform (by a party, or by a deadline). */
    CLAIM_ESCALATED("claim.escalated"),
    /** A platform agent decided a claim or its appeal. */
    CLAIM_DECIDED("claim.decided"),
    /** The payment provider confirmed money to the buyer for a claim. */
    CLAIM_REFUNDED("claim.refunded"),
    /** A claim ended: resolved, withdrawn or closed. */
    CLAIM_CLOSED("claim.closed"),
    /** The platform cancelled a paid order (oversold). */
    ORDER_CANCELLED("order.cancelled"),
    /** The system opened a NO_TRACKING case: the shop must supply a valid tracking number. */
    NO_TRACKING_OPENED("claim.no_tracking_opened");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
