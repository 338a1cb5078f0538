package dev.aftersales.ordering;

/** A request contradicts what is already recorded for the order (answered with 409 by the API). */
public class OrderConflict extends RuntimeException {

    private final String field;

    public OrderConflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
