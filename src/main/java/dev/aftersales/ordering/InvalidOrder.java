package dev.aftersales.ordering;

/** The storefront's order does not add up (answered with 422 by the API, naming the field). */
public class InvalidOrder extends RuntimeException {

    private final String field;

    public InvalidOrder(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
