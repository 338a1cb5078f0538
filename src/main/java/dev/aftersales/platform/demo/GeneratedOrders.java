package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated orders of one batch: which claim scenario each order gets (if any), then the orders themselves with
 * lines, status history, the outbound parcel with its scans, the stall the desk noticed, and the risk module's copy.
 * An order's shipping state comes from its number:
 *
 * <pre>
 *   n % 10 = 0      paid, not shipped; one in seven past ship-by (each of those has its missing-tracking case)
 *   n % 10 = 1      shipped in the last day, no carrier scan yet
 *   n % 10 = 2, 3   in transit
 *   n % 10 = 4      stalled: no carrier movement for more than 72 h (noticed by the desk)
 *   n % 10 = 5 … 9  delivered with a measured weight (every tenth of those clearly light)
 * </pre>
 *
 * An order with a claim is timed from its claim: paid so long before that the claim was filed within its window
 * (delivered, stalled long enough, past ship-by). Shops, buyers and products come from the numbers too; one order in
 * 500 belongs to {@code gen-buyer} ({@link #GEN_BUYER_RESIDUES}).
 */
final class GeneratedOrders {

    static final int SHIPPED_AFTER_HOURS = 20;
    static final int LAST_TRANSIT_SCAN_HOURS = 38;
    static final int DELIVERED_AFTER_HOURS = 54;
    /** Share of open claims whose due time has already passed (the sweeps find work, as after a restart). */
    static final double OVERDUE_SHARE = 0.02;
    /** The orders of {@code gen-buyer}: numbers with these remainders of 5,000 (one in 500, every shipping state). */
    static final String GEN_BUYER_RESIDUES = "7, 511, 1013, 1519, 2026, 2532, 3038, 3544, 4050, 4551";

    private final JdbcTemplate jdbc;

    GeneratedOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans and writes the orders {@code from}…{@code to}; leaves {@code gen_orders} and {@code gen_lines}. */
    void write(long from, long to, int batchSalt, Instant now, double stallHours) {
        Timestamp at = Timestamp.from(now);
        plan(from, to, batchSalt, at);
        jdbc.execute("""
                create temp table gen_lines on commit drop as
                select b.n, l as line_no, p.id as product_id, p.sku, p.title, p.price_minor, p.unit_weight_grams,
                       1 + ((b.n + l) % 2)::int as quantity
                from gen_batch b
                cross join generate_series(1, b.line_count) l
                join lateral (select * from products
                              where shop_id = b.shop_id
                              order by sku
                              offset (case when l = 1 and b.cheap_line1 then b.n % 2 else (b.n + l * 3) % 10 end)
                              limit 1) p on true""");
        jdbc.execute("create index on gen_lines (n, line_no)");
        jdbc.execute("analyze gen_lines");
        jdbc.update("""
                insert into orders (order_number, shop_id, buyer_id, status, currency, paid_minor, shipping_fee_minor,
                                    paid_at, ship_by, recipient_name, recipient_phone, delivery_address, shipped_at,
                                    delivered_at, cancelled_at, cancellation_reason, cancellation_note, created_at,
                                    updated_at)
                select b.order_number, b.shop_id, b.buyer_id,
                       case when b.cancelled then 'CANCELLED' when b.kind = 0 then 'AWAITING_SHIPMENT'
                            when b.kind < 5 then 'SHIPPED' else 'DELIVERED' end,
                       'CNY', t.total, 0, b.paid_at, b.paid_at + interval '48 hours', b.buyer_name, b.buyer_phone,
                       'No. ' || (b.n % 997) || ' Generated Road, Hangzhou',
                       case when b.kind > 0 then b.paid_at + make_interval(hours => ?) end,
                       case when b.kind >= 5 then b.paid_at + make_interval(hours => ?) end,
                       case when b.cancelled then b.t0 end, case when b.cancelled then 'OVERSOLD' end,
                       case when b.cancelled then 'sold out during a flash sale' end,
                       b.paid_at, ?
                from gen_batch b
                join (select n, sum(price_minor * quantity) as total from gen_lines group by n) t on t.n = b.n""",
                SHIPPED_AFTER_HOURS, DELIVERED_AFTER_HOURS, at);
        jdbc.execute("""
                create temp table gen_orders on commit drop as
                select b.*, o.id as order_id, o.paid_minor from gen_batch b join orders o on o.order_number = b.order_number""");
        jdbc.execute("create index on gen_orders (n)");
        jdbc.execute("analyze gen_orders");
        jdbc.execute("""
                insert into order_lines (order_id, line_no, product_id, sku, title, quantity, unit_price_minor,
                                         paid_minor, unit_weight_grams)
                select o.order_id, l.line_no, l.product_id, l.sku, l.title, l.quantity, l.price_minor,
                       l.price_minor * l.quantity, l.unit_weight_grams
                from gen_orders o join gen_lines l on l.n = o.n""");
        jdbc.update("""
                insert into order_status_history (order_id, status, changed_at, actor, note)
                select order_id, 'AWAITING_SHIPMENT', paid_at, 'STOREFRONT', 'paid' from gen_orders
                union all
                select order_id, 'CANCELLED', t0, 'STOREFRONT', 'OVERSOLD: sold out during a flash sale'
                from gen_orders where cancelled
                union all
                select order_id, 'SHIPPED', paid_at + make_interval(hours => ?), 'SELLER', null from gen_orders
                where kind > 0
                union all
                select order_id, 'DELIVERED', paid_at + make_interval(hours => ?), 'CARRIER', null from gen_orders
                where kind >= 5""", SHIPPED_AFTER_HOURS, DELIVERED_AFTER_HOURS);
        writeParcels(at, stallHours);
        jdbc.execute("""
                insert into risk_orders (order_id, shop_id, buyer_id, paid_at, ship_by, shipped_at, delivered_at,
                                         cancelled_at, cancellation_reason)
                select o.id, o.shop_id, o.buyer_id, o.paid_at, o.ship_by, o.shipped_at, o.delivered_at,
                       o.cancelled_at, o.cancellation_reason
                from gen_orders g join orders o on o.id = g.order_id""");
    }

    /**
     * {@code gen_batch}: one row per order with everything the later statements derive from it. Within each group
     * the orders are taken in a scrambled round of the group's weight, so the batch holds every scenario in
     * proportion; a claim's last due-setting move happened a scenario-given time ago (a little past its due time for
     * a few open claims), and the order was paid the scenario's lead time before the claim.
     */
    private void plan(long from, long to, int batchSalt, Timestamp now) {
        jdbc.update("""
                create temp table gen_batch on commit drop as
                with base as (
                  select n, (n % 10)::int as kind, n / 10 as u,
                         case when n % 10 = 0 and (n / 10) % 56 >= 48 then 'UNSHIPPED_LATE'
                              when n % 10 = 0 then 'UNSHIPPED' when n % 10 = 4 then 'STALLED'
                              when n % 10 >= 5 then 'DELIVERED' end as grp
                  from generate_series(?::bigint, ?::bigint) n),
                ranked as (
                  select b.*, (row_number() over (partition by b.grp order by b.n) * 7919 + ?) as round
                  from base b),
                planned as (
                  select r.n, r.kind, r.u, r.grp, s.code as scenario, s.type as claim_type,
                         coalesce(s.two_lines, false) as two_lines, coalesce(s.cheap_line1, false) as cheap_line1,
                         coalesce(s.parcel_complete, false) as parcel_complete,
                         coalesce(s.type = 'ORDER_CANCELLED', false) as cancelled,
                         0.6 + 0.4 * pg_temp.gen_h(r.n, 11) as pace,
                         coalesce(s.open and s.may_overdue and pg_temp.gen_h(r.n, 13) < ?, false) as overdue,
                         s.open, s.due_h, s.anchor_var, s.anchor_fix, s.anchor_min_h, s.anchor_max_h,
                         s.pre_min_h, s.pre_max_h
                  from ranked r
                  left join gen_scenarios s on s.grp = r.grp and r.round % s.w >= s.lo and r.round % s.w < s.hi),
                timed as (
                  select p.*,
                         ?::timestamptz - make_interval(secs => 3600 * (
                             case when p.overdue then p.due_h + 0.5 + 5.5 * pg_temp.gen_h(p.n, 17)
                                  else p.anchor_min_h + (p.anchor_max_h - p.anchor_min_h) * pg_temp.gen_h(p.n, 17) end
                             + p.pace * p.anchor_var + p.anchor_fix)) as t0
                  from planned p)
                select t.*, 'GEN' || lpad(t.n::text, 9, '0') as order_number,
                       case when t.two_lines then 2 + (t.n % 2)::int else 1 + (t.n % 3)::int end as line_count,
                       coalesce(t.t0 - make_interval(secs => 3600 * (t.pre_min_h
                                    + (t.pre_max_h - t.pre_min_h) * pg_temp.gen_h(t.n, 19))),
                                ?::timestamptz - make_interval(hours => (case t.kind
                                    when 0 then t.u % 56 when 1 then 22 + t.u % 20 when 2 then 45 + t.u % 30
                                    when 3 then 75 + t.u % 30 when 4 then 120 + t.u % 200
                                    else 150 + (t.u * 7) % 1300 end)::int)) as paid_at,
                       shop.id as shop_id, buyer.id as buyer_id, buyer.display_name as buyer_name,
                       buyer.phone as buyer_phone
                from timed t
                join lateral (select id from shops where code = 'GEN' || lpad((1 + (t.u * 3 + t.n) % 5)::text, 2, '0'))
                  shop on true
                join lateral (select id, display_name, phone from user_accounts
                              where username = case when t.n % 5000 in (GEN_BUYER_RESIDUES) then 'gen-buyer'
                                   else 'gen-buyer-' || lpad((1 + (t.n * 7919) % 5000)::text, 5, '0') end) buyer
                  on true""".replace("GEN_BUYER_RESIDUES", GEN_BUYER_RESIDUES),
                from, to, batchSalt, OVERDUE_SHARE, now, now);
        jdbc.execute("analyze gen_batch");
    }

    /** Outbound parcels of shipped orders, their scans, and the stalls the desk noticed. */
    private void writeParcels(Timestamp now, double stallHours) {
        jdbc.update("""
                insert into shipments (order_id, direction, carrier, tracking_number, shipped_at,
                                       measured_weight_grams, registered_by, created_at)
                select o.order_id, 'OUTBOUND', 'SF', 'SF9' || lpad(o.n::text, 12, '0'),
                       o.paid_at + make_interval(hours => ?),
                       case when o.kind < 5 then null
                            when o.claim_type = 'MISSING_ITEM' and not o.parcel_complete
                                 then greatest(1, w.goods - w.first_unit + 150 + (w.goods - w.first_unit) * 5 / 100)
                            when o.claim_type = 'MISSING_ITEM' then w.goods + 150 + w.goods * 5 / 100
                            else greatest(1, (150 + w.goods * 1.05)::int / case when o.n % 50 = 5 then 3 else 1 end)
                       end,
                       'SELLER', o.paid_at + make_interval(hours => ?)
                from gen_orders o
                join (select n, sum(unit_weight_grams * quantity)::int as goods,
                             max(unit_weight_grams) filter (where line_no = 1) as first_unit
                      from gen_lines group by n) w on w.n = o.n
                where o.kind > 0""", SHIPPED_AFTER_HOURS, SHIPPED_AFTER_HOURS);
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
        jdbc.update("""
                insert into tracking_stalls (shipment_id, order_id, last_movement_at, noticed_at)
                select s.id, o.order_id, o.paid_at + make_interval(hours => ?),
                       o.paid_at + make_interval(hours => ?) + make_interval(secs => 3600 * ?) + interval '5 minutes'
                from gen_orders o join shipments s on s.order_id = o.order_id and s.direction = 'OUTBOUND'
                where o.kind = 4""", LAST_TRANSIT_SCAN_HOURS, LAST_TRANSIT_SCAN_HOURS, stallHours);
    }
}
