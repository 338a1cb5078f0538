package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a large, realistic data set for benchmarks: its own shops ({@code GEN01}…{@code GEN05}), products with
 * weights, buyers ({@code gen-buyer-…}, without a password, so they cannot sign in) and as many orders as asked
 * ({@code GEN000000001}…), each with one to three lines, its status history and, past the unshipped ones, an
 * outbound parcel with carrier scans. Orders are spread over every shipping state by their number:
 *
 * <pre>
 *   n % 10 = 0      paid, not shipped (half of them past ship-by)
 *   n % 10 = 1      shipped, no carrier scan yet
 *   n % 10 = 2, 3   in transit
 *   n % 10 = 4      stalled: last scan 5 days ago
 *   n % 10 = 5 … 9  delivered with a measured weight (every tenth of those clearly light)
 * </pre>
 *
 * The rows are written set-based ({@code generate_series}) in batches of {@value #BATCH} orders, one transaction a
 * batch, so progress is visible and an interrupted run keeps what it finished; a second run continues numbering
 * after the last generated order. It writes straight into the tables of ordering, shipping, catalog and identity
 * (the platform module composes the others): this is bulk loading for measurements, not a business path.
 */
@Component
public class LargeDataGenerator {

    static final int BATCH = 50_000;
    private static final int SHOPS = 5;
    private static final int PRODUCTS_PER_SHOP = 10;
    private static final int BUYERS = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    LargeDataGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Adds {@code orders} generated orders and reports the number written so far after each batch.
     *
     * @return the numbers of the first and last order written
     */
    public Range generate(long orders, LongConsumer progress) {
        if (orders <= 0) {
            throw new IllegalArgumentException("orders must be positive");
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> ensureShopsProductsAndBuyers(now));
        Long last = jdbc.queryForObject("select coalesce(max(substring(order_number from 4)::bigint), 0) "
                + "from orders where order_number ~ '^GEN[0-9]{9}$'", Long.class);
        long first = (last == null ? 0 : last) + 1;
        long end = first + orders - 1;
        for (long from = first; from <= end; from += BATCH) {
            long to = Math.min(end, from + BATCH - 1);
            long batchFrom = from;
            tx.executeWithoutResult(status -> writeBatch(batchFrom, to, now));
            progress.accept(to - first + 1);
        }
        return new Range(first, end);
    }

    /** The generated order numbers {@code from}…{@code to}. */
    public record Range(long from, long to) {

        public static String orderNumber(long n) {
            return "GEN%09d".formatted(n);
        }
    }

    private void ensureShopsProductsAndBuyers(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into shops (code, name, created_at)
                select 'GEN' || lpad(s::text, 2, '0'), 'Generated shop ' || s, ?
                from generate_series(1, ?) s
                on conflict (code) do nothing""", at, SHOPS);
        jdbc.update("""
                insert into products (shop_id, sku, title, price_minor, currency, unit_weight_grams, returnable,
                                      listed, created_at)
                select sh.id, sh.code || '-P' || lpad(p::text, 2, '0'), 'Generated product ' || sh.code || '/' || p,
                       500 + p * 731 % 9000, 'CNY', 80 + p * 137 % 1500, p % 4 <> 0, true, ?
                from shops sh cross join generate_series(1, ?) p
                where sh.code like 'GEN__'
                on conflict (shop_id, sku) do nothing""", at, PRODUCTS_PER_SHOP);
        jdbc.update("""
                insert into user_accounts (username, role, display_name, phone, enabled, created_at)
                select 'gen-buyer-' || lpad(b::text, 5, '0'), 'BUYER', 'Generated buyer ' || b,
                       '139' || lpad(b::text, 8, '0'), true, ?
                from generate_series(1, ?) b
                on conflict (username) do nothing""", at, BUYERS);
    }

    private void writeBatch(long from, long to, Instant now) {
        Timestamp at = Timestamp.from(now);
        // One row per order with everything the later statements derive from it.
        jdbc.execute("drop table if exists gen_batch");
        jdbc.update("""
                create temp table gen_batch on commit drop as
                select n,
                       'GEN' || lpad(n::text, 9, '0') as order_number,
                       shop.id as shop_id,
                       buyer.id as buyer_id,
                       buyer.display_name as buyer_name,
                       buyer.phone as buyer_phone,
                       n % 10 as kind,
                       1 + (n % 3)::int as line_count,
                       ?::timestamptz - make_interval(hours => case n % 10
                            when 0 then (n % 96)::int
                            when 1 then 60 when 2 then 80 when 3 then 100 when 4 then 200
                            else 150 + (n % 240)::int end) as paid_at
                from generate_series(?::bigint, ?::bigint) n
                join lateral (select id from shops where code = 'GEN' || lpad((1 + n % 5)::text, 2, '0')) shop
                  on true
                join lateral (select id, display_name, phone from user_accounts
                              where username = 'gen-buyer-' || lpad((1 + (n * 7919) % 5000)::text, 5, '0')) buyer
                  on true""", at, from, to);
        jdbc.execute("""
                create temp table gen_lines on commit drop as
                select b.n, l as line_no, p.id as product_id, p.sku, p.title, p.price_minor, p.unit_weight_grams,
                       1 + ((b.n + l) % 2)::int as quantity
                from gen_batch b
                cross join generate_series(1, b.line_count) l
                join lateral (select * from products
                              where shop_id = b.shop_id
                              order by sku offset ((b.n + l * 3) % 10) limit 1) p on true""");
        jdbc.update("""
                insert into orders (order_number, shop_id, buyer_id, status, currency, paid_minor, shipping_fee_minor,
                                    paid_at, ship_by, recipient_name, recipient_phone, delivery_address, shipped_at,
                                    delivered_at, created_at, updated_at)
                select b.order_number, b.shop_id, b.buyer_id,
                       case when b.kind = 0 then 'AWAITING_SHIPMENT' when b.kind < 5 then 'SHIPPED'
                            else 'DELIVERED' end,
                       'CNY', t.total, 0, b.paid_at, b.paid_at + interval '48 hours', b.buyer_name, b.buyer_phone,
                       'No. ' || (b.n % 997) || ' Generated Road, Hangzhou',
                       case when b.kind > 0 then b.paid_at + interval '20 hours' end,
                       case when b.kind >= 5 then b.paid_at + interval '54 hours' end,
                       b.paid_at, ?
                from gen_batch b
                join (select n, sum(price_minor * quantity) as total from gen_lines group by n) t on t.n = b.n""",
                at);
        jdbc.execute("""
                create temp table gen_orders on commit drop as
                select b.*, o.id as order_id from gen_batch b join orders o on o.order_number = b.order_number""");
        jdbc.execute("""
                insert into order_lines (order_id, line_no, product_id, sku, title, quantity, unit_price_minor,
                                         paid_minor, unit_weight_grams)
                select o.order_id, l.line_no, l.product_id, l.sku, l.title, l.quantity, l.price_minor,
                       l.price_minor * l.quantity, l.unit_weight_grams
                from gen_orders o join gen_lines l on l.n = o.n""");
        jdbc.execute("""
                insert into order_status_history (order_id, status, changed_at, actor, note)
                select order_id, 'AWAITING_SHIPMENT', paid_at, 'STOREFRONT', 'paid' from gen_orders
                union all
                select order_id, 'SHIPPED', paid_at + interval '20 hours', 'SELLER', null from gen_orders
                where kind > 0
                union all
                select order_id, 'DELIVERED', paid_at + interval '54 hours', 'CARRIER', null from gen_orders
                where kind >= 5""");
        jdbc.update("""
                insert into shipments (order_id, direction, carrier, tracking_number, shipped_at,
                                       measured_weight_grams, registered_by, created_at)
                select o.order_id, 'OUTBOUND', 'SF', 'SF9' || lpad(o.n::text, 12, '0'),
                       o.paid_at + interval '20 hours',
                       case when o.kind >= 5 then
                            greatest(1, (150 + w.goods * 1.05)::int / case when o.n % 50 = 5 then 3 else 1 end) end,
                       'SELLER', ?
                from gen_orders o
                join (select n, sum(unit_weight_grams * quantity) as goods from gen_lines group by n) w on w.n = o.n
                where o.kind > 0""", at);
        jdbc.execute("""
                insert into tracking_events (shipment_id, dedupe_key, occurred_at, kind, location, description,
                                             weight_grams, received_at)
                select s.id, 'gen-' || e.step, o.paid_at + make_interval(hours => 22 + e.step * 16),
                       case e.step when 0 then 'PICKED_UP' when 1 then 'IN_TRANSIT' else 'DELIVERED' end,
                       case e.step when 0 then 'Hangzhou' when 1 then 'Shanghai hub' else 'Beijing' end,
                       case e.step when 0 then 'Picked up' when 1 then 'Departed the hub' else 'Delivered' end,
                       case when e.step = 0 then s.measured_weight_grams end,
                       o.paid_at + make_interval(hours => 22 + e.step * 16)
                from gen_orders o
                join shipments s on s.order_id = o.order_id and s.direction = 'OUTBOUND'
                cross join generate_series(0, 2) e(step)
                where (o.kind in (2, 3, 4) and e.step <= 1) or (o.kind >= 5)""");
    }
}
