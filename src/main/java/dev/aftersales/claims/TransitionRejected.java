package dev.aftersales.claims;

import dev.aftersales.shared.Refusal;

/**
 * The move is not allowed for this actor in the claim's current state (or its input breaks a rule). Carries a
 * message key for the page to show next to the form.
 */
public class TransitionRejected extends RuntimeException implements Refusal {

    private final String messageKey;
    private final transient Object[] args;

    public TransitionRejected(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
