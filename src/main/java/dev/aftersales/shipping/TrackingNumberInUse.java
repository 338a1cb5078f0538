package dev.aftersales.shipping;

/** The tracking number is already recorded on another parcel. */
public class TrackingNumberInUse extends RuntimeException {

    public TrackingNumberInUse(String number) {
        super("Tracking number " + number + " is already used on another parcel");
    }
}
