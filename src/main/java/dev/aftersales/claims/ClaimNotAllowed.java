package dev.aftersales.claims;

/** The claim cannot be filed: the type is not available for the order now, or the input breaks a rule. */
public class ClaimNotAllowed extends RuntimeException implements dev.aftersales.shared.Refusal {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public ClaimNotAllowed(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** The form field at fault, or {@code null} for the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
