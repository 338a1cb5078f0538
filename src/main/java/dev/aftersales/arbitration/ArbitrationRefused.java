package dev.aftersales.arbitration;

import dev.aftersales.shared.Refusal;

/** An arbitration move was refused for a reason the page shows (a message key of the arbitration bundle). */
public class ArbitrationRefused extends RuntimeException implements Refusal {

    private final String messageKey;
    private final transient Object[] args;

    public ArbitrationRefused(String messageKey, Object... args) {
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
