package dev.aftersales.quality;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.quality.internal.QualityCounters;

/**
 * Counts, set-based, the orders, claims and refunds the listeners have not counted: the history from before the
 * quality counters existed (once, at the first start after the migration) and the large-data generator's batches,
 * which write the tables without events. It reads the orders, claims and ledger tables directly: a bulk path like
 * the generator's, never a page's. It counts exactly what {@link QualityCounters} counts for the same events and
 * records the same keys, so an event delivered afterwards counts nothing twice, and neither does a second run.
 * <p>
 * What was newly counted is joined back to its row by primary key, never to the scope's rows: the generator's batch
 * is not yet in the table statistics when it is counted, so the planner expects one row on each side, and a join of
 * the two sets on the key's text made a nested loop of 50,000 × 50,000 comparisons.
 */
@Component
@Order(100)
public class QualityCatchUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QualityCatchUp.class);
    /** The key that says the history was counted. */
    static final String HISTORY = "catch-up:history";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String zone;

    private final org.springframework.transaction.support.TransactionTemplate transactions;

    QualityCatchUp(JdbcTemplate jdbc, Clock clock, @Value("${aftersales.display-zone:Asia/Shanghai}") ZoneId zone,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = zone.getId();
    }

    /**
     * At the first start after the migration: the history, in one transaction. Should it fail (a deadlock with a
     * listener counting at the same moment), nothing of it stays and the next start tries again; the desk starts
     * anyway.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            Integer counted = transactions.execute(status -> jdbc.update(
                    "insert into quality_counted (event_key, counted_at) values (?, ?) on conflict do nothing",
                    HISTORY, java.sql.Timestamp.from(clock.instant())) == 1 ? countAll() : null);
            if (counted != null) {
                log.info("Quality counters: {} orders, claims and refunds of the history counted", counted);
            }
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("Quality counters: the history was not counted, trying again at the next start", e);
        }
    }

    /** Everything not counted yet; how many events it counted. */
    @Transactional
    public int countAll() {
        return count("true");
    }

    /** The orders numbered {@code first}…{@code last} (and their claims and refunds) not counted yet. */
    @Transactional
    public int countOrders(String first, String last) {
        return count("o.order_number between ? and ?", first, last);
    }

    /** One shop's orders, claims and refunds not counted yet. */
    @Transactional
    int countShop(long shopId) {
        return count("o.shop_id = ?", shopId);
    }

    private int count(String orders, Object... args) {
        QualityCounters.lockAllShops(jdbc);
        int counted = 0;
        jdbc.update("""
                insert into quality_products (shop_id, sku, product_id, title)
                select distinct on (o.shop_id, l.sku) o.shop_id, l.sku, l.product_id, l.title
                from orders o join order_lines l on l.order_id = o.id where %s
                order by o.shop_id, l.sku, l.product_id nulls last, l.id
                on conflict (shop_id, sku) do update set product_id = excluded.product_id
                  where quality_products.product_id is null and excluded.product_id is not null"""
                .formatted(orders), args);
        for (String[] kind : List.of(new String[] { "order-placed:", "1", "true" },
                new String[] { "order-cancelled:", "-1", "o.cancelled_at is not null" })) {
            counted += jdbc.queryForObject("""
                    with scope as (select o.id, o.shop_id, o.paid_at from orders o where %s and %s),
                    fresh as (insert into quality_counted (event_key, counted_at)
                              select '%s' || id, now() from scope on conflict do nothing returning event_key),
                    sold as (insert into quality_units_sold (shop_id, day, sku, units, orders)
                             select s.shop_id, (s.paid_at at time zone ?)::date, l.sku, %s * sum(l.quantity),
                                    %s * count(distinct s.id)
                             from fresh f join (select id, shop_id, paid_at from orders) s
                               on s.id = substring(f.event_key from %d)::bigint
                             join order_lines l on l.order_id = s.id
                             group by 1, 2, 3
                             on conflict (shop_id, day, sku) do update set
                               units = quality_units_sold.units + excluded.units,
                               orders = quality_units_sold.orders + excluded.orders)
                    select count(*) from fresh""".formatted(orders, kind[2], kind[0], kind[1], kind[1],
                    kind[0].length() + 1), Integer.class, with(args, zone));
        }
        counted += jdbc.queryForObject("""
                with scope as (select c.id, c.shop_id, c.claim_number, c.type, c.reason, c.weight_verdict,
                                      c.created_at
                               from claims c join orders o on o.id = c.order_id where %s),
                fresh as (insert into quality_counted (event_key, counted_at)
                          select 'claim-filed:' || id, now() from scope on conflict do nothing returning event_key),
                claimed as (insert into quality_claims (claim_id, sku, shop_id, claim_number, type, reason, units,
                                                        short_corroborated, filed_at)
                            select s.id, cl.sku, s.shop_id, s.claim_number, s.type, s.reason, sum(cl.quantity),
                                   s.type = 'MISSING_ITEM' and coalesce(s.weight_verdict = 'CORROBORATES', false),
                                   s.created_at
                            from fresh f join (select id, shop_id, claim_number, type, reason, weight_verdict, created_at
                                               from claims) s on s.id = substring(f.event_key from 13)::bigint
                            join claim_lines cl on cl.claim_id = s.id
                            group by s.id, cl.sku, s.shop_id, s.claim_number, s.type, s.reason, s.weight_verdict,
                                     s.created_at
                            on conflict do nothing returning *),
                daily as (insert into quality_daily (shop_id, day, sku, reason, claims, claimed_units,
                                                     short_corroborated)
                          select shop_id, (filed_at at time zone ?)::date, sku, reason, count(*), sum(units),
                                 count(*) filter (where short_corroborated)
                          from claimed group by 1, 2, 3, 4
                          on conflict (shop_id, day, sku, reason) do update set
                            claims = quality_daily.claims + excluded.claims,
                            claimed_units = quality_daily.claimed_units + excluded.claimed_units,
                            short_corroborated = quality_daily.short_corroborated + excluded.short_corroborated)
                select count(*) from fresh""".formatted(orders), Integer.class, with(args, zone));
        counted += jdbc.queryForObject("""
                with scope as (select m.id, m.claim_id, m.kind, m.amount_minor, m.executed_at
                               from payment_movements m join orders o on o.id = m.order_id
                               where %s and m.claim_id is not null and m.kind in ('REFUND', 'REVERSAL')
                                 and m.status = 'SUCCEEDED'),
                fresh as (insert into quality_counted (event_key, counted_at)
                          select 'payment:' || id, now() from scope on conflict do nothing returning event_key),
                moved as (select s.*, c.shop_id, c.reason,
                                 (select cl.sku from claim_lines cl where cl.claim_id = s.claim_id
                                  order by cl.id limit 1) as first_sku,
                                 (select coalesce(sum(ml.amount_minor), 0) from payment_movement_lines ml
                                  where ml.movement_id = s.id and s.kind = 'REFUND') as on_lines
                          from fresh f join (select id, claim_id, kind, amount_minor, executed_at from payment_movements) s
                            on s.id = substring(f.event_key from 9)::bigint
                          join claims c on c.id = s.claim_id),
                parts as (select m.id, m.kind, m.shop_id, m.reason, m.executed_at, l.sku, ml.quantity as units,
                                 ml.amount_minor as amount
                          from moved m join payment_movement_lines ml on ml.movement_id = m.id
                          join order_lines l on l.id = ml.order_line_id
                          where m.kind = 'REFUND'
                          union all
                          select m.id, m.kind, m.shop_id, m.reason, m.executed_at, m.first_sku, 0,
                                 case when m.kind = 'REVERSAL' then -m.amount_minor
                                      else m.amount_minor - m.on_lines end
                          from moved m
                          where m.first_sku is not null and (m.kind = 'REVERSAL' or m.amount_minor > m.on_lines)),
                daily as (insert into quality_daily (shop_id, day, sku, reason, refunds, refunded_units,
                                                     refunded_minor)
                          select shop_id, (executed_at at time zone ?)::date, sku, reason,
                                 count(distinct id) filter (where kind = 'REFUND'), sum(units), sum(amount)
                          from parts group by 1, 2, 3, 4
                          on conflict (shop_id, day, sku, reason) do update set
                            refunds = quality_daily.refunds + excluded.refunds,
                            refunded_units = quality_daily.refunded_units + excluded.refunded_units,
                            refunded_minor = quality_daily.refunded_minor + excluded.refunded_minor)
                select count(*) from fresh""".formatted(orders), Integer.class, with(args, zone));
        return counted;
    }

    /** The scope's arguments, then the zone (the statements name the scope first). */
    private static Object[] with(Object[] args, String zone) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(zone);
        return all.toArray();
    }
}
