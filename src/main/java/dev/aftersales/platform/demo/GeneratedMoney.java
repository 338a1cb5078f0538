package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger of one batch's claims, as the payments module keeps it: each refund, reversal and compensation a move
 * asked for, with the idempotency key the claims module uses ({@code claim-<id>-refund-<n>} …), paid by the provider
 * when the scenario's payout came (else pending after a failed attempt); a refund's lines spread over the claimed
 * lines in proportion, the last line taking the rounding; the order's payment account (paid, refunded net of
 * reversals, compensated), and the provider's own record of every transfer. Refunds never exceed what was paid,
 * per line and per order: a claim asks at most for its lines' value and an order has one claim.
 */
final class GeneratedMoney {

    private final JdbcTemplate jdbc;

    GeneratedMoney(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into payment_movements (order_id, order_number, buyer_id, claim_id, kind, cost_bearer,
                                               amount_minor, currency, idempotency_key, status, reason, note,
                                               requested_by, requested_at, executed_at, attempts, last_error,
                                               next_attempt_at, provider_reference)
                select c.order_id, c.order_number, c.buyer_id, c.claim_id, m.kind, m.bearer,
                       pg_temp.gen_amount(m.amount, c.requested), 'CNY', k.idem_key,
                       case when pd.at is null then 'PENDING' else 'SUCCEEDED' end, m.reason, c.claim_number,
                       case when rq.actor_id is null then rq.actor_role else rq.actor_role || ':' || rq.actor_id end,
                       rq.at,
                       case when pd.seq = rq.seq then least(pd.at + interval '1 minute', ?) else pd.at end,
                       case when pd.at is null then 1 + floor(3 * pg_temp.gen_h(c.n, 37))::int else 1 end,
                       case when pd.at is null then 'payment provider timed out' end,
                       case when pd.at is null then least(rq.at + interval '1 hour', ?) else rq.at end,
                       case when pd.at is not null then 'LP-gen-' || k.idem_key end
                from gen_claims c
                join gen_money m on m.code = c.scenario
                join gen_claim_steps rq on rq.claim_id = c.claim_id and rq.seq = m.requested_seq
                left join gen_claim_steps pd on pd.claim_id = c.claim_id and pd.seq = m.paid_seq
                cross join lateral (select replace(replace(m.idem_key, '{claim}', c.claim_id::text), '{order}',
                                                   c.order_id::text) as idem_key) k
                order by c.claim_id, rq.seq""", at, at);
        jdbc.execute("""
                insert into payment_movement_lines (movement_id, order_line_id, quantity, amount_minor)
                select id, order_line_id, quantity,
                       case when rn = lines then amount_minor - coalesce(sum(share) over (partition by id order by rn
                                rows between unbounded preceding and 1 preceding), 0)
                            else share end
                from (select mv.id, mv.amount_minor, cl.order_line_id, cl.quantity,
                             row_number() over (partition by mv.id order by cl.id) as rn,
                             count(*) over (partition by mv.id) as lines,
                             mv.amount_minor * cl.amount_minor
                               / nullif(greatest(sum(cl.amount_minor) over (partition by mv.id), c.requested), 0)
                               as share
                      from gen_claims c
                      join payment_movements mv on mv.claim_id = c.claim_id and mv.kind = 'REFUND'
                      join claim_lines cl on cl.claim_id = c.claim_id) spread""");
        jdbc.execute("""
                insert into payment_accounts (order_id, currency, paid_minor, refunded_minor, compensated_minor)
                select c.order_id, 'CNY', c.paid_minor,
                       coalesce(sum(mv.amount_minor) filter (where mv.kind = 'REFUND'), 0)
                         - coalesce(sum(mv.amount_minor) filter (where mv.kind = 'REVERSAL'), 0),
                       coalesce(sum(mv.amount_minor) filter (where mv.kind = 'COMPENSATION'), 0)
                from gen_claims c join payment_movements mv on mv.claim_id = c.claim_id
                group by c.order_id, c.paid_minor""");
        jdbc.execute("""
                insert into provider_transfers (idempotency_key, reference, order_number, buyer_id, amount_minor,
                                                currency, executed_at)
                select mv.idempotency_key, mv.provider_reference, mv.order_number, mv.buyer_id,
                       case when mv.kind = 'REVERSAL' then -mv.amount_minor else mv.amount_minor end, mv.currency,
                       mv.executed_at
                from gen_claims c join payment_movements mv on mv.claim_id = c.claim_id
                where mv.status = 'SUCCEEDED'""");
    }
}
