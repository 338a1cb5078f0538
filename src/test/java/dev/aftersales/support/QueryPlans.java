package dev.aftersales.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The plans PostgreSQL chooses for the sweeps' queries, on a few thousand rows of marketplace data written set-based
 * and analysed inside a transaction that is rolled back afterwards (the rows and their statistics vanish with it).
 */
public final class QueryPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    private QueryPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fills the tables with bulk rows ({@link #fill}), analyses them, and hands the plans to {@code work}, in one
     * transaction that is rolled back.
     */
    public static void onBulkData(PlatformTransactionManager transactions, JdbcClient jdbc, long shopId, long buyerId,
            Consumer<QueryPlans> work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            QueryPlans plans = new QueryPlans(jdbc);
            plans.fill(shopId, buyerId);
            jdbc.sql("analyze orders, shipments, tracking_events, tracking_flags, tracking_stalls, claims, "
                    + "payment_movements, inbox_items, notification_deliveries").update();
            work.accept(plans);
        });
    }

    /**
     * 20,000 orders (a tenth unshipped, half of those past ship-by; most shipped or delivered), an outbound parcel
     * with two scans for each shipped one, 1,000 fake-tracking flags, 8,000 claims (a fifth with a running deadline),
     * 6,000 ledger movements and 6,000 deliveries (a few pending).
     */
    private void fill(long shopId, long buyerId) {
        String tag = "QP" + System.nanoTime() % 1_000_000_000L + "-";
        jdbc.sql("""
                insert into orders (order_number, shop_id, buyer_id, status, currency, paid_minor, shipping_fee_minor,
                  paid_at, ship_by, recipient_name, delivery_address, created_at, updated_at)
                select :tag || g, :shop, :buyer,
                  case when g % 10 = 0 then 'AWAITING_SHIPMENT' when g % 10 < 6 then 'SHIPPED' else 'DELIVERED' end,
                  'CNY', 1000, 0, now() - interval '5 days', now() + (case when g % 20 = 0 then interval '1 day'
                    else interval '-3 days' end) + g * interval '1 second', 'Bulk', 'Bulk Road 1', now(), now()
                from generate_series(1, 20000) g""").param("tag", tag).param("shop", shopId).param("buyer", buyerId)
                .update();
        // as on a running desk: most late orders already have their case, a few just became late
        jdbc.sql("""
                update orders set ship_by_lapse_noted_at = now() where order_number like :tag || '%'
                  and status = 'AWAITING_SHIPMENT' and ship_by < now() and id % 10 <> 0""").param("tag", tag).update();
        jdbc.sql("""
                insert into shipments (order_id, direction, carrier, tracking_number, shipped_at, registered_by,
                  created_at, last_movement_at, tracking_ended, first_scan_settled)
                select o.id, 'OUTBOUND', 'SF', 'SFQP' || o.id, now() - interval '4 days', 'SELLER',
                  now() - interval '4 days' + (o.id % 1000) * interval '1 second',
                  now() - interval '4 days' + (o.id % 5000) * interval '1 minute', o.status = 'DELIVERED',
                  o.id % 50 <> 0
                from orders o where o.order_number like :tag || '%' and o.status <> 'AWAITING_SHIPMENT'""")
                .param("tag", tag).update();
        jdbc.sql("""
                insert into tracking_events (shipment_id, dedupe_key, occurred_at, kind, received_at)
                select s.id, 'k' || k, s.shipped_at + k * interval '1 hour',
                  case when k = 2 and s.tracking_ended then 'DELIVERED' else 'IN_TRANSIT' end, now()
                from shipments s cross join generate_series(1, 2) k where s.tracking_number like 'SFQP%'""").update();
        jdbc.sql("""
                insert into tracking_flags (shipment_id, order_id, shop_id, tracking_number, entered_at, flagged_at,
                  followed_up_at)
                select s.id, s.order_id, :shop, s.tracking_number, s.created_at, s.created_at + interval '1 day',
                  case when s.id % 2 = 0 then now() end
                from shipments s where s.tracking_number like 'SFQP%' and s.id % 18 = 0""").param("shop", shopId)
                .update();
        jdbc.sql("""
                insert into tracking_stalls (shipment_id, order_id, last_movement_at, noticed_at)
                select s.id, s.order_id, s.last_movement_at, now() from shipments s
                where s.tracking_number like 'SFQP%' and s.id % 4 = 0""").update();
        jdbc.sql("""
                insert into claims (claim_number, order_id, order_number, shop_id, buyer_id, type, reason, remedy,
                  requested_amount_minor, currency, status, party_to_act, due_at, deadline_at, escalation_allowed,
                  fast_tracked, refunds_requested, created_at, updated_at)
                select 'QP' || o.id, o.id, o.order_number, o.shop_id, o.buyer_id,
                  case when o.id % 3 = 0 then 'NO_TRACKING' else 'REFUND_ONLY' end, 'OTHER', 'REFUND', 1000, 'CNY',
                  case when o.id % 5 = 0 then 'AWAITING_SELLER' else 'RESOLVED' end,
                  case when o.id % 5 = 0 then 'SELLER' else 'NONE' end,
                  case when o.id % 5 = 0 then now() + (o.id % 100) * interval '1 hour' end,
                  case when o.id % 5 = 0 then now() + (o.id % 100 - 3) * interval '1 hour' end,
                  true, false, 0, now() - interval '2 days', now()
                from orders o where o.order_number like :tag || '%' and o.id % 5 < 2""").param("tag", tag).update();
        jdbc.sql("""
                insert into payment_movements (order_id, order_number, buyer_id, kind, cost_bearer, amount_minor,
                  currency, idempotency_key, status, reason, requested_by, requested_at, attempts, next_attempt_at)
                select o.id, o.order_number, o.buyer_id, 'REFUND', 'SELLER', 100, 'CNY', :tag || 'pm' || o.id,
                  case when o.id % 50 = 0 then 'PENDING' else 'SUCCEEDED' end, 'BULK', 'SYSTEM', now(), 1,
                  now() + (o.id % 7 - 3) * interval '1 minute'
                from orders o where o.order_number like :tag || '%' and o.id % 10 < 3""").param("tag", tag).update();
        jdbc.sql("""
                insert into inbox_items (event_key, recipient_id, message_code, args, urgent, created_at)
                select :tag || 'ev' || o.id, o.buyer_id, 'bulk.notice', array['x'], false, now()
                from orders o where o.order_number like :tag || '%' and o.id % 10 < 3""").param("tag", tag).update();
        jdbc.sql("""
                insert into notification_deliveries (item_id, channel, address, language, status, attempts,
                  next_attempt_at, created_at)
                select i.id, 'EMAIL', 'bulk@example.test', 'en',
                  case when i.id % 50 = 0 then 'PENDING' else 'SENT' end, 1,
                  case when i.id % 50 = 0 then now() + (i.id % 7 - 3) * interval '1 minute' end, now()
                from inbox_items i where i.event_key like :tag || 'ev%'""").param("tag", tag).update();
    }

    /** The plan of one statement with these positional parameters, on whatever the caller's transaction holds. */
    public static Plan plan(JdbcClient jdbc, String sql, Object... parameters) {
        return new QueryPlans(jdbc).explain(sql, parameters);
    }

    /** The plan of one statement with these positional parameters. */
    public Plan explain(String sql, Object... parameters) {
        String json = jdbc.sql("explain (format json) " + sql).params(parameters).query(String.class).single();
        return Plan.of(json);
    }

    /** The plan of one statement with these named parameters. */
    public Plan explain(String sql, Map<String, ?> parameters) {
        String json = jdbc.sql("explain (format json) " + sql).params(parameters).query(String.class).single();
        return Plan.of(json);
    }

    /** A plan: its nodes, each with its type, the table it reads and the index it uses. */
    public record Plan(String json, List<Node> nodes) {

        static Plan of(String json) {
            List<Node> nodes = new ArrayList<>();
            collect(JSON.readTree(json).get(0).get("Plan"), nodes);
            return new Plan(json, nodes);
        }

        private static void collect(JsonNode node, List<Node> into) {
            into.add(new Node(node.path("Node Type").asString(),
                    node.has("Relation Name") ? node.get("Relation Name").asString() : null,
                    node.has("Index Name") ? node.get("Index Name").asString() : null));
            for (JsonNode child : node.path("Plans")) {
                collect(child, into);
            }
        }

        /** The tables read by a sequential scan. */
        public List<String> seqScanned() {
            return nodes.stream().filter(n -> n.type().equals("Seq Scan")).map(Node::relation).toList();
        }

        /** The indexes read (index, index-only and bitmap index scans). */
        public List<String> indexes() {
            return nodes.stream().map(Node::index).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public String toString() {
            return nodes.toString();
        }
    }

    /** One node of a plan. */
    public record Node(String type, String relation, String index) {
    }
}
