package dev.aftersales.arbitration;

import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;

/**
 * What an agent decides.
 *
 * @param outcome        {@code null} on appeal means: uphold the first decision
 * @param amount         the refund of a partial refund
 * @param costBearer     who bears the money; {@code null}: by the claim's reason
 * @param penalty        a penalty on the shop, or {@code null}
 * @param penaltyPoints  points of a POINTS penalty
 * @param deduction      the deposit deduction of a DEPOSIT_DEDUCTION penalty
 * @param penaltyReason  why (required with a penalty)
 * @param abuseReason    flag the buyer for abuse review with this reason, or {@code null}
 */
public record DecisionCommand(DecisionOutcome outcome, Money amount, String rationale, String clause,
        CostBearer costBearer, PenaltyKind penalty, int penaltyPoints, Money deduction, String penaltyReason,
        String abuseReason) {

    public static DecisionCommand of(DecisionOutcome outcome, Money amount, String rationale, String clause) {
        return new DecisionCommand(outcome, amount, rationale, clause, null, null, 0, null, null, null);
    }
}
