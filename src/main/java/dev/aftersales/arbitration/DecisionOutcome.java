package dev.aftersales.arbitration;

/** What an agent decided on an escalated claim (docs/rules.md#platform-decisions). */
public enum DecisionOutcome {
    FULL_REFUND, PARTIAL_REFUND, REFUND_AFTER_RETURN, RESHIP, REJECT
}
