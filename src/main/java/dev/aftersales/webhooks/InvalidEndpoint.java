package dev.aftersales.webhooks;

/** An endpoint's address or event choice is refused; the page shows the reason next to the field. */
public class InvalidEndpoint extends RuntimeException {

    private final String field;
    private final String messageKey;

    InvalidEndpoint(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    /** The form field it concerns ({@code url} or {@code eventTypes}). */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
