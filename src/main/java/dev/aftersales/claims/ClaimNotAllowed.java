package dev.aftersales.claims;

import dev.aftersales.shared.Refusal;

/** The claim cannot be filed: the type is not available for the order now, or the input breaks a rule. */
public class ClaimNotAllowed extends RuntimeException implements Refusal {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;
    private final String rule;

    public ClaimNotAllowed(String field, String messageKey, Object... args) {
        this(null, field, messageKey, args);
    }

    /** A refusal by the named filing rule ({@link FilingPolicy}); {@code args} is an array on purpose (no varargs). */
    ClaimNotAllowed(String rule, String field, String messageKey, Object[] args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
        this.rule = rule;
    }

    /** The filing rule that refused (e.g. "units-claimable", "refund-cap"), or {@code null} for other refusals. */
    public String rule() {
        return rule;
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
