package dev.aftersales.platform.demo;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shop's record and the risk module's copy of one batch's claims: the late shipment behind each missing-tracking
 * case and the cancellation behind each cancelled-lines case ({@code shop_incidents}, one per subject as the claims
 * module keys them), and {@code risk_claims} with the facts {@code claims.ClaimFacts} reports (filed by the buyer,
 * the seller's first answer, escalated, inspection, weight check, end), and what the batch adds to the shops'
 * scorecard counters ({@code risk_shop_daily}).
 */
final class GeneratedRisk {

    private final JdbcTemplate jdbc;

    GeneratedRisk(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write() {
        jdbc.execute("""
                insert into shop_incidents (shop_id, kind, order_id, claim_id, subject_key, occurred_at)
                select c.shop_id, 'LATE_SHIPMENT', c.order_id, c.claim_id, 'late-shipment:order:' || c.order_id,
                       c.created_at
                from gen_claims c where c.type = 'NO_TRACKING'
                union all
                select c.shop_id, 'OUT_OF_STOCK_CANCELLATION', c.order_id, c.claim_id,
                       'cancelled-lines:claim:' || c.claim_id, c.created_at
                from gen_claims c where c.type = 'DELISTED'""");
        jdbc.execute("""
                insert into risk_claims (claim_id, order_id, shop_id, buyer_id, type, status, filed_at, filed_by_buyer,
                                         inspection_result, weight_verdict, first_answer_at, first_answer_role,
                                         first_answer_action, escalated, ended_at)
                select k.id, k.order_id, k.shop_id, k.buyer_id, k.type, k.status, k.created_at,
                       first.action = 'FILED', k.inspection_result, k.weight_verdict, fa.at, fa.actor_role, fa.action,
                       exists (select 1 from gen_claim_steps e where e.claim_id = c.claim_id
                               and e.to_status = 'AWAITING_AGENT'),
                       k.ended_at
                from gen_claims c
                join claims k on k.id = c.claim_id
                join gen_claim_steps first on first.claim_id = c.claim_id and first.seq = 1
                left join lateral (select s.at, s.actor_role, s.action from gen_claim_steps s
                                   where s.claim_id = c.claim_id and s.from_status = 'AWAITING_SELLER'
                                     and s.to_status <> s.from_status
                                   order by s.seq limit 1) fa on true""");
        // the scorecard counters: what the batch's orders, claims, decisions and ratings (all new, all on the batch's
        // orders) add to their shops' days, as risk's read model would have counted them one by one
        jdbc.execute("""
                insert into risk_shop_daily (shop_id, day, orders, late_shipped, unshipped, claims, short_shipments,
                                             no_tracking, out_of_stock, answered, within_deadline, escalated,
                                             seller_at_fault, ratings, stars)
                select shop_id, (at at time zone 'UTC')::date, sum(orders), sum(late_shipped), sum(unshipped),
                       sum(claims), sum(short_shipments), sum(no_tracking), sum(out_of_stock), sum(answered),
                       sum(within_deadline), sum(escalated), sum(seller_at_fault), sum(ratings), sum(stars)
                from risk_shop_contributions
                where (source = 'ORDER' and source_id in (select order_id from gen_orders))
                   or (source in ('CLAIM', 'DECISION', 'RATING') and source_id in (select claim_id from gen_claims))
                group by 1, 2
                on conflict (shop_id, day) do update set orders = risk_shop_daily.orders + excluded.orders,
                  late_shipped = risk_shop_daily.late_shipped + excluded.late_shipped,
                  unshipped = risk_shop_daily.unshipped + excluded.unshipped,
                  claims = risk_shop_daily.claims + excluded.claims,
                  short_shipments = risk_shop_daily.short_shipments + excluded.short_shipments,
                  no_tracking = risk_shop_daily.no_tracking + excluded.no_tracking,
                  out_of_stock = risk_shop_daily.out_of_stock + excluded.out_of_stock,
                  answered = risk_shop_daily.answered + excluded.answered,
                  within_deadline = risk_shop_daily.within_deadline + excluded.within_deadline,
                  escalated = risk_shop_daily.escalated + excluded.escalated,
                  seller_at_fault = risk_shop_daily.seller_at_fault + excluded.seller_at_fault,
                  ratings = risk_shop_daily.ratings + excluded.ratings,
                  stars = risk_shop_daily.stars + excluded.stars""");
    }
}
