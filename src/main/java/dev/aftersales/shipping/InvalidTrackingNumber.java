package dev.aftersales.shipping;

/** The number does not have the carrier's format. */
public class InvalidTrackingNumber extends RuntimeException {

    private final Carrier carrier;

    public InvalidTrackingNumber(Carrier carrier, String number) {
        super("'" + number + "' is not a " + carrier + " tracking number (like " + carrier.example() + ")");
        this.carrier = carrier;
    }

    public Carrier carrier() {
        return carrier;
    }
}
