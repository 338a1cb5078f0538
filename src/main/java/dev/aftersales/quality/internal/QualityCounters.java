package dev.aftersales.quality.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
import dev.aftersales.shared.TransactionScoped;

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
     * Counts may run at the same time, also for one shop: each adds its deltas to the counter rows with one upsert per
     * row, just before its transaction commits ({@link Pending}), in one order of keys for every transaction, so two
     * counts adding to the same rows wait for each other only for the other's commit and never deadlock. They share a
     * lock over every shop that the set-based count ({@link #lockAllShops}) takes alone.
     */
    void shareAllShops() {
        jdbc.query("select pg_advisory_xact_lock_shared(?, ?)", rs -> null, SHOP_LOCKS, ALL_SHOPS);
    }

    /** The set-based count waits for the listeners counting now and holds new ones until it commits. */
    public static void lockAllShops(JdbcTemplate jdbc) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, SHOP_LOCKS, ALL_SHOPS);
    }

    /** The second key of the lock over every shop (shop ids are positive). */
    static final int ALL_SHOPS = -1;

    /** The first key of this module's advisory lock (the second is {@link #ALL_SHOPS}). */
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
        Pending pending = pending();
        Map<String, Integer> units = new LinkedHashMap<>();
        for (OrderDetails.Line line : order.lines()) {
            pending.product(order.shopId(), line.sku(), line.productId(), line.title());
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        LocalDate day = day(order.paidAt());
        units.forEach((sku, n) -> pending.sold(order.shopId(), day, sku, sign * n, sign));
        return true;
    }

    /** A claim was filed: counted on each SKU it claims, on the day it was filed. */
    boolean claimFiled(ClaimFacts.Claimed claim) {
        if (!firstTime("claim-filed:" + claim.claimId())) {
            return false;
        }
        boolean shortCorroborated = claim.type() == ClaimType.MISSING_ITEM
                && claim.weightVerdict() == WeightVerdict.CORROBORATES;
        Pending pending = pending();
        Map<String, Integer> units = new LinkedHashMap<>();
        for (ClaimFacts.ClaimedLine line : claim.lines()) {
            pending.product(claim.shopId(), line.sku(), null, line.title());
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        LocalDate day = day(claim.filedAt());
        units.forEach((sku, n) -> {
            jdbc.update("""
                    insert into quality_claims (claim_id, sku, shop_id, claim_number, type, reason, units,
                                                short_corroborated, filed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    claim.claimId(), sku, claim.shopId(), claim.claimNumber(), claim.type().name(),
                    claim.reason().name(), n, shortCorroborated, Timestamp.from(claim.filedAt()));
            pending.daily(claim.shopId(), day, sku, claim.reason().name(), 1, n, shortCorroborated ? 1 : 0, 0, 0, 0);
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
        LocalDate day = day(executedAt);
        Pending pending = pending();
        bySku.forEach((sku, v) -> pending.daily(claim.shopId(), day, sku, claim.reason().name(), 0, 0, 0,
                reversal ? 0 : 1, reversal ? 0 : (int) v[0], sign * v[1]));
        return true;
    }

    // ------------------------------------------------------------------------------------------ deltas until commit

    /**
     * This transaction's deltas, written just before it commits. The counts have a transaction through the class's
     * {@code @Transactional} (the caller's, or one of their own when none runs); this method starts none and refuses
     * ({@link IllegalStateException}) when called outside one.
     */
    private Pending pending() {
        return TransactionScoped.get(Pending.class, Pending::new, Pending::write);
    }

    /**
     * What one transaction adds to the counters, summed per row: written just before the commit, the products first,
     * then the units sold, then the daily rows, each in the order of its key. Every transaction takes the rows' locks
     * in that one order and holds them only for its commit, so two transactions counting the same shop at once wait for
     * each other at most that long and cannot deadlock.
     */
    private final class Pending {

        private final SortedMap<List<Comparable<?>>, Object[]> products = new TreeMap<>(KEYS);
        private final SortedMap<List<Comparable<?>>, long[]> sold = new TreeMap<>(KEYS);
        private final SortedMap<List<Comparable<?>>, long[]> daily = new TreeMap<>(KEYS);

        void product(long shopId, String sku, Long productId, String title) {
            Object[] row = products.computeIfAbsent(List.of(shopId, sku), k -> new Object[] {productId, title});
            if (row[0] == null) {
                row[0] = productId;
            }
        }

        void sold(long shopId, LocalDate day, String sku, long units, long orders) {
            long[] v = this.sold.computeIfAbsent(List.of(shopId, day, sku), k -> new long[2]);
            v[0] = Math.addExact(v[0], units);
            v[1] = Math.addExact(v[1], orders);
        }

        void daily(long shopId, LocalDate day, String sku, String reason, long... values) {
            long[] v = daily.computeIfAbsent(List.of(shopId, day, sku, reason), k -> new long[values.length]);
            for (int i = 0; i < values.length; i++) {
                v[i] = Math.addExact(v[i], values[i]);
            }
        }

        void write() {
            if (!products.isEmpty()) {
                jdbc.batchUpdate("""
                        insert into quality_products (shop_id, sku, product_id, title) values (?, ?, ?, ?)
                        on conflict (shop_id, sku) do update set
                          product_id = coalesce(excluded.product_id, quality_products.product_id)
                        where quality_products.product_id is null and excluded.product_id is not null""",
                        products.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1),
                                e.getValue()[0], e.getValue()[1]}).toList());
            }
            if (!sold.isEmpty()) {
                jdbc.batchUpdate("""
                        insert into quality_units_sold (shop_id, day, sku, units, orders) values (?, ?, ?, ?, ?)
                        on conflict (shop_id, day, sku) do update set units = quality_units_sold.units + excluded.units,
                          orders = quality_units_sold.orders + excluded.orders""",
                        sold.entrySet().stream().map(e -> new Object[] {e.getKey().get(0),
                                Date.valueOf((LocalDate) e.getKey().get(1)), e.getKey().get(2),
                                Math.toIntExact(e.getValue()[0]), Math.toIntExact(e.getValue()[1])}).toList());
            }
            if (!daily.isEmpty()) {
                jdbc.batchUpdate("""
                        insert into quality_daily (shop_id, day, sku, reason, claims, claimed_units,
                                                   short_corroborated, refunds, refunded_units, refunded_minor)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (shop_id, day, sku, reason) do update set
                          claims = quality_daily.claims + excluded.claims,
                          claimed_units = quality_daily.claimed_units + excluded.claimed_units,
                          short_corroborated = quality_daily.short_corroborated + excluded.short_corroborated,
                          refunds = quality_daily.refunds + excluded.refunds,
                          refunded_units = quality_daily.refunded_units + excluded.refunded_units,
                          refunded_minor = quality_daily.refunded_minor + excluded.refunded_minor""",
                        daily.entrySet().stream().map(e -> {
                            long[] v = e.getValue();
                            return new Object[] {e.getKey().get(0), Date.valueOf((LocalDate) e.getKey().get(1)),
                                    e.getKey().get(2), e.getKey().get(3), Math.toIntExact(v[0]),
                                    Math.toIntExact(v[1]), Math.toIntExact(v[2]), Math.toIntExact(v[3]),
                                    Math.toIntExact(v[4]), v[5]};
                        }).toList());
            }
        }
    }

    /** Orders keys (shop, day, sku, reason) field by field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Comparable<?>>> KEYS = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
