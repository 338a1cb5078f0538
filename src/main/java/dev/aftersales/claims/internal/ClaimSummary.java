package dev.aftersales.claims.internal;

import java.time.Instant;

import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.shared.Money;

/** One row of a claim list: what it is about and whose move it is, by when. */
public record ClaimSummary(long id, String claimNumber, long orderId, String orderNumber, String shopName,
        String buyerName, ClaimType type, ClaimStatus status, Party partyToAct, Instant dueAt, boolean overdue,
        Money requestedAmount, Remedy remedy, Instant createdAt, String firstTitle, int lineCount) {
}
