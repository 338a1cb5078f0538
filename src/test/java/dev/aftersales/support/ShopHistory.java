package dev.aftersales.support;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.risk.internal.Scorecards;

/**
 * A shop's past, written set-based as the large-data generator writes it (ids below zero, derived from the shop's, so
 * no two shops' rows meet), into the read models and counters the claim listeners read and rewrite: risk's orders,
 * claims and decisions of the last 80 days with their daily counters, and quality's claims and counters.
 */
@Component
public class ShopHistory {

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final Clock clock;

    ShopHistory(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * {@code count} more orders and claims of the shop's buyer in risk's read models, with their counters: half
     * answered by the seller, a third escalated, a decision on a fifth.
     */
    public void risk(Fixtures.World world, int count) {
        long shop = world.shop().id();
        long base = -(shop * 1_000_000);
        Timestamp now = Timestamp.from(clock.instant());
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.update("""
                    insert into risk_orders (order_id, shop_id, buyer_id, paid_at, ship_by, shipped_at)
                    select ? - g, ?, ?, ?::timestamptz - g * interval '9 hours',
                           ?::timestamptz - g * interval '9 hours' + interval '2 days',
                           ?::timestamptz - g * interval '9 hours' + interval '1 day' + (g % 4) * interval '1 day'
                    from generate_series(1, ?) g""", base, shop, world.buyer().id(), now, now, now, count);
            jdbc.update("""
                    insert into risk_claims (claim_id, order_id, shop_id, buyer_id, type, status, filed_at,
                                             filed_by_buyer, first_answer_at, first_answer_role, first_answer_action,
                                             escalated)
                    select ? - g, ? - g, ?, ?, case when g % 3 = 0 then 'MISSING_ITEM' else 'REFUND_ONLY' end,
                           'CLOSED', ?::timestamptz - g * interval '9 hours' + interval '3 days', true,
                           case when g % 2 = 0 then ?::timestamptz - g * interval '9 hours' + interval '3 days'
                                + g * interval '7 minutes' end,
                           case when g % 2 = 0 then 'SELLER' end, case when g % 2 = 0 then 'ACCEPTED' end, g % 3 = 0
                    from generate_series(1, ?) g""", base, base, shop, world.buyer().id(), now, now, count);
            jdbc.update("""
                    insert into risk_decisions (claim_id, appeal, shop_id, buyer_id, seller_at_fault, decided_at)
                    select ? - g, false, ?, ?, g % 2 = 0, ?::timestamptz - g * interval '9 hours' + interval '4 days'
                    from generate_series(1, ?) g where g % 5 = 0""", base, shop, world.buyer().id(), now, count);
            jdbc.update("insert into risk_shop_daily (shop_id, day, " + String.join(", ", Scorecards.Counts.COLUMNS)
                    + ") select shop_id, (at at time zone 'UTC')::date, " + String.join(", ", Scorecards.Counts.COLUMNS
                            .stream().map(c -> "sum(" + c + ")").toList())
                    + " from risk_shop_contributions where shop_id = ? and source_id < 0 group by 1, 2 "
                    + "on conflict (shop_id, day) do update set " + String.join(", ", Scorecards.Counts.COLUMNS
                            .stream().map(c -> c + " = risk_shop_daily." + c + " + excluded." + c).toList()),
                    shop);
        });
    }

    /**
     * {@code count} more claims of the shop's products (SKUs A and B) in quality's read model over the last 80 days,
     * each refunded, with the units sold and the daily counters they make.
     */
    public void quality(Fixtures.World world, int count) {
        long shop = world.shop().id();
        long base = -(shop * 1_000_000);
        Timestamp now = Timestamp.from(clock.instant());
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.update("""
                    insert into quality_claims (claim_id, sku, shop_id, claim_number, type, reason, units,
                                                short_corroborated, filed_at)
                    select ? - g, case when g % 2 = 0 then 'A' else 'B' end, ?, 'H' || g, 'REFUND_ONLY', 'QUALITY', 1,
                           false, ?::timestamptz - g * interval '2 hours'
                    from generate_series(1, ?) g""", base, shop, now, count);
            jdbc.update("""
                    insert into quality_daily (shop_id, day, sku, reason, claims, claimed_units, refunds,
                                               refunded_units, refunded_minor)
                    select shop_id, filed_at::date, sku, reason, count(*), sum(units), count(*), sum(units),
                           sum(units) * 1000
                    from quality_claims where shop_id = ? and claim_id < 0 group by 1, 2, 3, 4
                    on conflict (shop_id, day, sku, reason) do update set
                      claims = quality_daily.claims + excluded.claims,
                      claimed_units = quality_daily.claimed_units + excluded.claimed_units,
                      refunds = quality_daily.refunds + excluded.refunds,
                      refunded_units = quality_daily.refunded_units + excluded.refunded_units,
                      refunded_minor = quality_daily.refunded_minor + excluded.refunded_minor""", shop);
            jdbc.update("""
                    insert into quality_units_sold (shop_id, day, sku, units, orders)
                    select ?, (?::timestamptz - g * interval '2 hours')::date,
                           case when g % 2 = 0 then 'A' else 'B' end, sum(3), count(*)
                    from generate_series(1, ?) g group by 2, 3
                    on conflict (shop_id, day, sku) do update set units = quality_units_sold.units + excluded.units,
                      orders = quality_units_sold.orders + excluded.orders""", shop, now, count);
        });
    }
}
