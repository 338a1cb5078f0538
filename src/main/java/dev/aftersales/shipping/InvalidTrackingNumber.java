package dev.aftersales.shipping;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.aftersales.shared.Refusal;

/** The number does not have the carrier's format: refused at the number, with the carrier and a number of its format. */
public class InvalidTrackingNumber extends RuntimeException implements Refusal {

    private final Carrier carrier;

    public InvalidTrackingNumber(Carrier carrier, String number) {
        super("'" + number + "' is not a " + carrier + " tracking number (like " + carrier.example() + ")");
        this.carrier = carrier;
    }

    public Carrier carrier() {
        return carrier;
    }

    @Override
    public String field() {
        return "trackingNumber";
    }

    @Override
    public String messageKey() {
        return "shipping.error.format";
    }

    /** The carrier's name (a message) and a number of its format. */
    @Override
    public Object[] args() {
        return new Object[] { new DefaultMessageSourceResolvable(new String[] { "shipping.carrier." + carrier.name() },
                null, carrier.name()), carrier.example() };
    }
}
