package dev.aftersales.shipping;

import dev.aftersales.shared.Refusal;

/** The tracking number is already recorded on another parcel: refused at the number. */
public class TrackingNumberInUse extends RuntimeException implements Refusal {

    public TrackingNumberInUse(String number) {
        super("Tracking number " + number + " is already used on another parcel");
    }

    @Override
    public String field() {
        return "trackingNumber";
    }

    @Override
    public String messageKey() {
        return "shipping.error.inUse";
    }
}
