package dev.aftersales.claims;

import java.time.Instant;
import java.util.Map;

/**
 * The agent queue's filters; {@code null} means "any".
 *
 * @param minAmountMinor at least this requested amount, in fen
 * @param maxAmountMinor at most this requested amount, in fen
 * @param needsReview    only claims marked for review (the risk flag)
 * @param breached       only claims whose agent due time has passed
 */
public record QueueFilter(ClaimType type, Long shopId, Long minAmountMinor, Long maxAmountMinor,
        boolean needsReview, boolean breached) {

    public static QueueFilter none() {
        return new QueueFilter(null, null, null, null, false, false);
    }

    void apply(StringBuilder where, Map<String, Object> params, Instant now) {
        if (type != null) {
            where.append(" and c.type = :type");
            params.put("type", type);
        }
        if (shopId != null) {
            where.append(" and c.shopId = :shopId");
            params.put("shopId", shopId);
        }
        if (minAmountMinor != null) {
            where.append(" and c.requestedAmountMinor >= :minAmount");
            params.put("minAmount", minAmountMinor);
        }
        if (maxAmountMinor != null) {
            where.append(" and c.requestedAmountMinor <= :maxAmount");
            params.put("maxAmount", maxAmountMinor);
        }
        if (needsReview) {
            where.append(" and c.reviewReason is not null");
        }
        if (breached) {
            where.append(" and c.dueAt <= :now");
            params.put("now", now);
        }
    }
}
