package dev.aftersales.claims;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import dev.aftersales.shared.Money;

/**
 * Spreads a claim's refund over its lines (docs/money.md#the-cap): in proportion to what each line can still
 * take from this claim (its value minus what the claim's earlier refunds put on it), never more than that, the
 * rounding on the last lines. What is left beyond the lines' value stays off the lines only as far as the claim asked
 * for more than its lines cost (the shipping fee); anything beyond that is put on the last line, where the ledger's
 * per-line cap refuses it: a claim never pays its units twice. Units are named by the claim's first refund of a line
 * only.
 */
final class RefundSpread {

    private RefundSpread() {
    }

    static List<ClaimEffect.RefundLine> spread(List<ClaimLine> lines, long requestedMinor, Currency currency,
            Money amount, ClaimEffect.PriorRefunds prior) {
        int n = lines.size();
        long[] caps = new long[n];
        long capTotal = 0;
        long linesTotal = 0;
        for (int i = 0; i < n; i++) {
            ClaimLine line = lines.get(i);
            caps[i] = Math.max(line.amountMinor() - prior.amounts().getOrDefault(line.orderLineId(), 0L), 0);
            capTotal = Math.addExact(capTotal, caps[i]);
            linesTotal = Math.addExact(linesTotal, line.amountMinor());
        }
        if (linesTotal == 0) {
            // nothing on the lines was paid for: the refund is the order's (e.g. its shipping fee)
            return List.of();
        }
        long onLines = Math.min(amount.minor(), capTotal);
        long[] shares = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            shares[i] = capTotal == 0 ? 0 : Math.multiplyExact(onLines, caps[i]) / capTotal;
            given += shares[i];
        }
        for (int i = n - 1; i >= 0 && given < onLines; i--) {
            long more = Math.min(onLines - given, caps[i] - shares[i]);
            shares[i] += more;
            given += more;
        }
        long allowance = Math.max(Math.max(requestedMinor - linesTotal, 0) - prior.unattributedMinor(), 0);
        long beyond = amount.minor() - onLines;
        if (beyond > allowance) {
            shares[n - 1] = Math.addExact(shares[n - 1], beyond - allowance);
        }
        List<ClaimEffect.RefundLine> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClaimLine line = lines.get(i);
            int units = prior.linesWithUnits().contains(line.orderLineId()) ? 0 : line.quantity();
            result.add(new ClaimEffect.RefundLine(line.orderLineId(), units, new Money(shares[i], currency)));
        }
        return result;
    }
}
