package dev.aftersales.claims.internal;

import dev.aftersales.shared.Refusal;
import dev.aftersales.shipping.InvalidTrackingNumber;
import dev.aftersales.shipping.OrderNotAwaitingShipment;

/**
 * A parcel shipping refused during a claim move (a return's, a reshipment's or a supplied tracking number), in the
 * claim moves' own words, on the claim pages and in the seller API alike: a number of another format with the
 * carrier's example only, an order that takes no parcel as a move the claim does not allow now. A number already in
 * use is shipping's own refusal, at the number.
 */
public final class ParcelRefusals {

    private ParcelRefusals() {
    }

    /** The claim moves' words for this refusal, or {@code null} where shipping's refusal (or none) stands. */
    public static Refusal asClaimMove(RuntimeException e) {
        if (e instanceof InvalidTrackingNumber r) {
            return Refusal.of("trackingNumber", "watchers.supply.error.format", r.carrier().example());
        }
        if (e instanceof OrderNotAwaitingShipment) {
            return Refusal.of(null, "claim.rejected.state");
        }
        return null;
    }
}
