package dev.aftersales.platform.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What must hold for generated claims, each as a count of the rows that break it (all zero when the data is
 * consistent): the money invariant of the ledger, and the claims' statuses against their due times, timeline,
 * lines, decisions and the order they belong to.
 */
final class GeneratedDataChecks {

    private static final String CLAIMS = """
            (select c.* from claims c join orders o on o.id = c.order_id where o.order_number between '%s' and '%s')""";

    private GeneratedDataChecks() {
    }

    /** Refunds per line and per order never above what was paid; accounts, claims and provider agree with entries. */
    static Map<String, Long> moneyViolations(JdbcTemplate jdbc, LargeDataGenerator.Range range) {
        String claims = claims(range);
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("a line refunded more than was paid for it", """
                select count(*) from (select ol.id, ol.paid_minor, sum(ml.amount_minor) as refunded
                  from %s c join payment_movements m on m.claim_id = c.id and m.kind = 'REFUND'
                  join payment_movement_lines ml on ml.movement_id = m.id
                  join order_lines ol on ol.id = ml.order_line_id
                  group by ol.id, ol.paid_minor) x where refunded > paid_minor""".formatted(claims));
        checks.put("an order refunded more than was paid", """
                select count(*) from (select o.id, o.paid_minor,
                    coalesce(sum(m.amount_minor) filter (where m.kind = 'REFUND'), 0)
                      - coalesce(sum(m.amount_minor) filter (where m.kind = 'REVERSAL'), 0) as refunded
                  from orders o join payment_movements m on m.order_id = o.id
                  where o.id in (select order_id from %s c) group by o.id, o.paid_minor) x
                where refunded > paid_minor or refunded < 0""".formatted(claims));
        checks.put("an account that disagrees with its entries", """
                select count(*) from (select a.order_id, a.paid_minor, a.refunded_minor, a.compensated_minor,
                    o.paid_minor as order_paid,
                    coalesce(sum(m.amount_minor) filter (where m.kind = 'REFUND'), 0)
                      - coalesce(sum(m.amount_minor) filter (where m.kind = 'REVERSAL'), 0) as refunded,
                    coalesce(sum(m.amount_minor) filter (where m.kind = 'COMPENSATION'), 0) as compensated
                  from payment_accounts a join orders o on o.id = a.order_id
                  left join payment_movements m on m.order_id = a.order_id
                  where a.order_id in (select order_id from %s c)
                  group by a.order_id, a.paid_minor, a.refunded_minor, a.compensated_minor, o.paid_minor) x
                where refunded <> refunded_minor or compensated <> compensated_minor or paid_minor <> order_paid"""
                .formatted(claims));
        checks.put("an order with entries but no account", """
                select count(distinct m.order_id) from %s c join payment_movements m on m.claim_id = c.id
                where not exists (select 1 from payment_accounts a where a.order_id = m.order_id)""".formatted(claims));
        checks.put("a refund whose lines do not add up to it", """
                select count(*) from (select m.id, m.amount_minor, sum(ml.amount_minor) as lines
                  from %s c join payment_movements m on m.claim_id = c.id and m.kind = 'REFUND'
                  left join payment_movement_lines ml on ml.movement_id = m.id
                  group by m.id, m.amount_minor) x where lines is distinct from amount_minor""".formatted(claims));
        checks.put("a claim whose refund count or refunded amount disagrees with the ledger", """
                select count(*) from %s c
                where c.refunds_requested <> (select count(*) from payment_movements m
                                              where m.claim_id = c.id and m.kind in ('REFUND', 'REVERSAL'))
                   or coalesce(c.refunded_amount_minor, 0) <> coalesce((select
                        sum(case when m.kind = 'REFUND' then m.amount_minor else -m.amount_minor end)
                        from payment_movements m where m.claim_id = c.id and m.status = 'SUCCEEDED'
                          and m.kind in ('REFUND', 'REVERSAL')), 0)""".formatted(claims));
        checks.put("a payment the provider has no record of, or twice", """
                select count(*) from %s c join payment_movements m on m.claim_id = c.id and m.status = 'SUCCEEDED'
                where (select count(*) from provider_transfers t where t.idempotency_key = m.idempotency_key) <> 1"""
                .formatted(claims));
        return run(jdbc, checks);
    }

    /** Every check: the money, and each claim against its status, clocks, timeline, lines, decisions and order. */
    static Map<String, Long> violations(JdbcTemplate jdbc, LargeDataGenerator.Range range, Instant now) {
        String claims = claims(range);
        String at = "'" + now + "'::timestamptz";
        Map<String, Long> result = new LinkedHashMap<>(moneyViolations(jdbc, range));
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("an open claim without a due time or party, or an ended one with them", """
                select count(*) from %s c
                where (c.status in ('RESOLVED', 'WITHDRAWN', 'CLOSED')) = (c.ended_at is null or c.outcome is null
                       or c.party_to_act <> 'NONE' or c.due_at is not null or c.deadline_at is not null)
                   or (c.status not in ('RESOLVED', 'WITHDRAWN', 'CLOSED') and (c.due_at is null
                       or c.party_to_act = 'NONE' or c.outcome is not null or c.ended_at is not null))"""
                .formatted(claims));
        checks.put("a deadline other than the due time (only a breached agent clock has none)", """
                select count(*) from %s c
                where c.deadline_at is distinct from c.due_at
                  and not (c.status = 'AWAITING_AGENT' and c.deadline_at is null and c.due_at <= %s)"""
                .formatted(claims, at));
        checks.put("a timeline whose last entry is not the claim's status", """
                select count(*) from %s c
                where c.status <> (select t.to_status from claim_timeline t where t.claim_id = c.id
                                   order by t.at desc, t.id desc limit 1)""".formatted(claims));
        checks.put("a timeline that does not start when the claim was filed or runs backwards", """
                select count(*) from %s c
                where c.created_at <> (select min(t.at) from claim_timeline t where t.claim_id = c.id)
                   or c.updated_at <> (select max(t.at) from claim_timeline t where t.claim_id = c.id)
                   or exists (select 1 from claim_timeline a join claim_timeline b on b.claim_id = a.claim_id
                              and b.id > a.id and b.at < a.at where a.claim_id = c.id)""".formatted(claims));
        checks.put("something dated in the future", """
                select count(*) from %1$s c
                where c.updated_at > %2$s
                   or exists (select 1 from payment_movements m where m.claim_id = c.id
                              and (m.requested_at > %2$s or m.executed_at > %2$s))
                   or exists (select 1 from claim_messages m where m.claim_id = c.id and m.sent_at > %2$s)
                   or exists (select 1 from inbox_items i where i.link like '%%/claims/' || c.id
                              and i.created_at > %2$s)""".formatted(claims, at));
        checks.put("claim lines open on an ended claim or closed on an open one", """
                select count(*) from %s c join claim_lines l on l.claim_id = c.id
                where l.open <> (c.status not in ('RESOLVED', 'WITHDRAWN', 'CLOSED'))""".formatted(claims));
        checks.put("a claim filed before delivery or after its window", """
                select count(*) from %s c join orders o on o.id = c.order_id
                where c.type in ('MISSING_ITEM', 'REFUND_ONLY', 'RETURN_REFUND', 'EXCHANGE')
                  and (o.delivered_at is null or c.created_at < o.delivered_at
                       or c.created_at > o.delivered_at + case when c.type = 'MISSING_ITEM' then interval '7 days'
                                                               else interval '15 days' end)""".formatted(claims));
        checks.put("a claim on an order in the wrong state", """
                select count(*) from %s c join orders o on o.id = c.order_id
                where (c.type = 'NOT_RECEIVED' and o.status <> 'SHIPPED')
                   or (c.type = 'ORDER_CANCELLED' and o.status <> 'CANCELLED')
                   or (c.type in ('NO_TRACKING', 'DELISTED') and o.status <> 'AWAITING_SHIPMENT')
                   or (c.type = 'NO_TRACKING' and o.ship_by > c.created_at)""".formatted(claims));
        checks.put("a decided claim without its decision, or a decision without the claim's ruling", """
                select count(*) from %s c
                where (c.decision_ruling is not null) <> exists (select 1 from arbitration_decisions d
                                                                 where d.claim_id = c.id)
                   or (c.status = 'DECIDED' and (c.appeal_until is null or c.decided_at is null))
                   or (c.decision_final and not exists (select 1 from arbitration_decisions d
                                                        where d.claim_id = c.id and d.appeal))""".formatted(claims));
        checks.put("a case held by two agents, or a held case no longer with the platform", """
                select count(*) from %s c
                where (select count(*) from arbitration_assignments a where a.claim_id = c.id
                       and a.released_at is null) > case when c.status in ('AWAITING_AGENT', 'AWAITING_EVIDENCE')
                                                        then 1 else 0 end""".formatted(claims));
        checks.put("a return or reshipment parcel the claim does not point at", """
                select count(*) from %s c join shipments s on s.claim_id = c.id
                where s.id is distinct from case s.direction when 'RETURN' then c.return_shipment_id
                                                            else c.reshipment_shipment_id end""".formatted(claims));
        checks.put("evidence without its stored file", """
                select count(*) from %s c join claim_evidence e on e.claim_id = c.id
                where not exists (select 1 from claim_evidence_content x where x.evidence_id = e.id)"""
                .formatted(claims));
        checks.put("a claim unknown to the risk module", """
                select count(*) from %s c where not exists (select 1 from risk_claims r where r.claim_id = c.id
                                                          and r.status = c.status)""".formatted(claims));
        result.putAll(run(jdbc, checks));
        return result;
    }

    private static Map<String, Long> run(JdbcTemplate jdbc, Map<String, String> checks) {
        Map<String, Long> result = new LinkedHashMap<>();
        checks.forEach((name, sql) -> result.put(name, jdbc.queryForObject(sql, Long.class)));
        return result;
    }

    private static String claims(LargeDataGenerator.Range range) {
        return CLAIMS.formatted(LargeDataGenerator.Range.orderNumber(range.from()),
                LargeDataGenerator.Range.orderNumber(range.to()));
    }
}
