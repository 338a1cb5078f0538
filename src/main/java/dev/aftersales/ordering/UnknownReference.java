package dev.aftersales.ordering;

/** A request names a shop, SKU or order that the desk does not know (answered with 404 by the API). */
public class UnknownReference extends RuntimeException {

    private final String field;

    public UnknownReference(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
