package dev.aftersales.platform.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.payments.CostBearer;

/**
 * The ledger entries of one scenario as its moves ask for them, with the idempotency keys the claims module uses:
 * {@code claim-<id>-refund-<n>} and {@code claim-<id>-reversal-<n>} numbered by the claim's refund count,
 * compensations once per claim or order. A refund that leads to "refund being paid" is paid by the scenario's
 * payout move (or stays pending); any other (a decision's) is paid at once, unless the provider is failing.
 */
final class GenLedger {

    private final String code;
    private final boolean providerFailing;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<GenAmount> amounts = new ArrayList<>();
    private int refundsRequested;
    private int unpaidRefund = -1;
    private GenAmount refunded = GenAmount.ZERO;
    private boolean anyRefundPaid;

    GenLedger(String code, boolean providerFailing) {
        this.code = code;
        this.providerFailing = providerFailing;
    }

    void refund(int seq, GenAmount amount, String reason, CostBearer bearer, GenMove move) {
        refundsRequested++;
        Map<String, Object> m = row(seq, "REFUND", reason, bearer, amount, "claim-{claim}-refund-" + refundsRequested,
                move);
        if (move.to == ClaimStatus.REFUND_PENDING) {
            unpaidRefund = rows.size() - 1;
        } else if (!providerFailing) {
            m.put("paid_seq", seq);
            refunded = refunded.plus(amount);
            anyRefundPaid = true;
        }
    }

    /** A reversal ordered on appeal: money taken back from the buyer, executed at once. */
    void reversal(int seq, GenAmount amount, CostBearer bearer, GenMove move) {
        refundsRequested++;
        Map<String, Object> m = row(seq, "REVERSAL", "APPEAL_REVERSAL", bearer, amount,
                "claim-{claim}-reversal-" + refundsRequested, move);
        m.put("paid_seq", seq);
        refunded = refunded.plus(amount.negate());
    }

    void compensation(int seq, String reason, CostBearer bearer, GenAmount amount, String key, GenMove move) {
        Map<String, Object> m = row(seq, "COMPENSATION", reason, bearer, amount, key, move);
        if (!providerFailing) {
            m.put("paid_seq", seq);
        }
    }

    /** The payout move pays the refund waiting for it; returns its amount. */
    GenAmount payUnpaidRefund(int seq) {
        if (unpaidRefund < 0) {
            throw new IllegalStateException(code + ": no refund waits for a payout");
        }
        rows.get(unpaidRefund).put("paid_seq", seq);
        GenAmount amount = amounts.get(unpaidRefund);
        unpaidRefund = -1;
        refunded = refunded.plus(amount);
        anyRefundPaid = true;
        return amount;
    }

    int refundsRequested() {
        return refundsRequested;
    }

    /** What the claim records as refunded (paid refunds less paid reversals), {@code null} when nothing was paid. */
    String refunded() {
        return anyRefundPaid ? refunded.code() : null;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    private Map<String, Object> row(int seq, String kind, String reason, CostBearer bearer, GenAmount amount,
            String key, GenMove move) {
        Map<String, Object> m = GenScenario.row();
        m.put("code", code);
        m.put("kind", kind);
        m.put("reason", reason);
        m.put("bearer", bearer.name());
        m.put("amount", amount.code());
        m.put("idem_key", key);
        m.put("requested_seq", seq);
        m.put("requested_by", move.actor);
        m.put("paid_seq", null);
        rows.add(m);
        amounts.add(amount);
        return m;
    }
}
