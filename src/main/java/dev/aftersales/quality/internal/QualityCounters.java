package dev.aftersales.quality.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.ClaimFacts;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.WeightVerdict;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;

/**
 * Keeps the quality counters: each method counts one business event once. It first records the event's key in
 * {@code quality_counted}; when the key is already there (the event was delivered again, e.g. resubmitted after a
 * crash) it changes nothing. The counters are sums of signed deltas, so events may arrive in any order.
 */
@Component
@Transactional
public class QualityCounters {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    QualityCounters(JdbcTemplate jdbc, Clock clock,
            @Value("${aftersales.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** The calendar day (display zone) the counters put an instant on. */
    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /**
     * Counts of one shop are made one after the other (a transaction-long advisory lock per shop): two listeners
     * adding to the same product's rows in different orders would otherwise deadlock. They share a lock over every
     * shop that the set-based count ({@link #lockAllShops}) takes alone.
     */
    void lockShop(long shopId) {
        jdbc.query("select pg_advisory_xact_lock_shared(?, ?)", rs -> null, SHOP_LOCKS, ALL_SHOPS);
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, SHOP_LOCKS, (int) shopId);
    }

    /** The set-based count waits for the listeners counting now and holds new ones until it commits. */
    public static void lockAllShops(JdbcTemplate jdbc) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, SHOP_LOCKS, ALL_SHOPS);
    }

    /** The second key of the lock over every shop (shop ids are positive). */
    static final int ALL_SHOPS = -1;

    /** The first key of this module's advisory locks (the second is the shop). */
    static final int SHOP_LOCKS = 0x5154; // "QT"

    /** Records the key; {@code false} when it was counted before. */
    private boolean firstTime(String key) {
        return jdbc.update("insert into quality_counted (event_key, counted_at) values (?, ?) on conflict do nothing",
                key, Timestamp.from(clock.instant())) == 1;
    }

    /** An order was placed: its units count as sold on the day it was paid. */
    boolean orderPlaced(OrderDetails order) {
        return sold(order, "order-placed:" + order.id(), 1);
    }

    /** An order was cancelled as a whole: its units no longer count as sold (on the day it was paid). */
    boolean orderCancelled(OrderDetails order) {
        return sold(order, "order-cancelled:" + order.id(), -1);
    }

    private boolean sold(OrderDetails order, String key, int sign) {
        if (!firstTime(key)) {
            return false;
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        for (OrderDetails.Line line : order.lines()) {
            product(order.shopId(), line.sku(), line.productId(), line.title());
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        Date day = Date.valueOf(day(order.paidAt()));
        units.forEach((sku, n) -> jdbc.update("""
                insert into quality_units_sold (shop_id, day, sku, units, orders) values (?, ?, ?, ?, ?)
                on conflict (shop_id, day, sku) do update set units = quality_units_sold.units + excluded.units,
                  orders = quality_units_sold.orders + excluded.orders""",
                order.shopId(), day, sku, sign * n, sign));
        return true;
    }

    /** A claim was filed: counted on each SKU it claims, on the day it was filed. */
    boolean claimFiled(ClaimFacts.Claimed claim) {
        if (!firstTime("claim-filed:" + claim.claimId())) {
            return false;
        }
        boolean shortCorroborated = claim.type() == ClaimType.MISSING_ITEM
                && claim.weightVerdict() == WeightVerdict.CORROBORATES;
        Map<String, Integer> units = new LinkedHashMap<>();
        for (ClaimFacts.ClaimedLine line : claim.lines()) {
            product(claim.shopId(), line.sku(), null, line.title());
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        Date day = Date.valueOf(day(claim.filedAt()));
        units.forEach((sku, n) -> {
            jdbc.update("""
                    insert into quality_claims (claim_id, sku, shop_id, claim_number, type, reason, units,
                                                short_corroborated, filed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    claim.claimId(), sku, claim.shopId(), claim.claimNumber(), claim.type().name(),
                    claim.reason().name(), n, shortCorroborated, Timestamp.from(claim.filedAt()));
            add(claim.shopId(), day, sku, claim.reason().name(), 1, n, shortCorroborated ? 1 : 0, 0, 0, 0);
        });
        return true;
    }

    /**
     * A refund of a claim was paid (or a reversal taken back): counted on each SKU it covers, on the day the
     * provider executed it, under the claim's reason. The part of the amount no order line accounts for (an
     * amount-only refund, a reversal) counts on the claim's first SKU (as
     * {@link dev.aftersales.quality.QualityCatchUp} counts it).
     */
    boolean paid(MovementView movement, ClaimFacts.Claimed claim, OrderDetails order, Instant executedAt) {
        if (!firstTime("payment:" + movement.id())) {
            return false;
        }
        boolean reversal = movement.kind() == MovementKind.REVERSAL;
        Map<String, long[]> bySku = new LinkedHashMap<>(); // sku -> {units, amount}
        long onLines = 0;
        if (!reversal) {
            for (MovementView.LineView line : movement.lines()) {
                String sku = order.line(line.orderLineId()).map(OrderDetails.Line::sku).orElse(null);
                if (sku == null) {
                    continue;
                }
                long[] v = bySku.computeIfAbsent(sku, k -> new long[2]);
                v[0] += line.quantity();
                v[1] = Math.addExact(v[1], line.amount().minor());
                onLines = Math.addExact(onLines, line.amount().minor());
            }
        }
        long rest = movement.amount().minor() - onLines;
        if (rest > 0 && !claim.lines().isEmpty()) {
            bySku.computeIfAbsent(claim.lines().get(0).sku(), k -> new long[2])[1] += rest;
        }
        if (bySku.isEmpty()) {
            return true;
        }
        int sign = reversal ? -1 : 1;
        Date day = Date.valueOf(day(executedAt));
        bySku.forEach((sku, v) -> add(claim.shopId(), day, sku, claim.reason().name(), 0, 0, 0, reversal ? 0 : 1,
                reversal ? 0 : (int) v[0], sign * v[1]));
        return true;
    }

    private void add(long shopId, Date day, String sku, String reason, int claims, int claimedUnits,
            int shortCorroborated, int refunds, int refundedUnits, long refundedMinor) {
        jdbc.update("""
                insert into quality_daily (shop_id, day, sku, reason, claims, claimed_units, short_corroborated,
                                           refunds, refunded_units, refunded_minor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (shop_id, day, sku, reason) do update set
                  claims = quality_daily.claims + excluded.claims,
                  claimed_units = quality_daily.claimed_units + excluded.claimed_units,
                  short_corroborated = quality_daily.short_corroborated + excluded.short_corroborated,
                  refunds = quality_daily.refunds + excluded.refunds,
                  refunded_units = quality_daily.refunded_units + excluded.refunded_units,
                  refunded_minor = quality_daily.refunded_minor + excluded.refunded_minor""",
                shopId, day, sku, reason, claims, claimedUnits, shortCorroborated, refunds, refundedUnits,
                refundedMinor);
    }

    private void product(long shopId, String sku, Long productId, String title) {
        jdbc.update("""
                insert into quality_products (shop_id, sku, product_id, title) values (?, ?, ?, ?)
                on conflict (shop_id, sku) do update set
                  product_id = coalesce(excluded.product_id, quality_products.product_id)
                where quality_products.product_id is null and excluded.product_id is not null""",
                shopId, sku, productId, title);
    }
}
