package dev.aftersales.platform.demo;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's side of one batch's escalated claims, as the arbitration module records it: who took each case and
 * when they let it go (a case in evidence, or marked as taken, stays held), every decision (the first by
 * {@code gen-agent}, an appeal's by {@code gen-agent2}) with its money, clause, due time and whether it came within
 * it, the penalties and abuse flags that went with decisions; and the risk module's copies of decisions and flags.
 */
final class GeneratedArbitration {

    private final JdbcTemplate jdbc;

    GeneratedArbitration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write() {
        jdbc.execute("""
                insert into arbitration_assignments (claim_id, agent_id, agent_name, appeal, taken_at, released_at,
                                                     release_reason)
                select c.claim_id, ag.id, ag.display_name, a.appeal,
                       tk.at + make_interval(secs => 3600 * a.taken_offset_h), rl.at,
                       case when rl.at is not null then 'DECIDED' end
                from gen_claims c
                join gen_assignments a on a.code = c.scenario
                join gen_claim_steps tk on tk.claim_id = c.claim_id and tk.seq = a.taken_seq
                left join gen_claim_steps rl on rl.claim_id = c.claim_id and rl.seq = a.released_seq
                join user_accounts ag on ag.username = case a.agent when 'AGENT' then 'gen-agent' else 'gen-agent2' end
                order by c.claim_id, tk.seq""");
        jdbc.execute("""
                insert into arbitration_decisions (claim_id, shop_id, buyer_id, claim_type, appeal, agent_id,
                                                   agent_name, outcome, upheld, refund_minor, reversal_minor, currency,
                                                   cost_bearer, rationale, clause, due_at, decided_at, within_sla)
                select c.claim_id, c.shop_id, c.buyer_id, c.type, d.appeal, st.actor_id, st.actor_name, d.outcome,
                       d.upheld, pg_temp.gen_amount(d.refund, c.requested), pg_temp.gen_amount(d.reversal, c.requested),
                       'CNY', d.bearer, d.rationale, d.clause, due.due_at, st.at, st.at <= due.due_at
                from gen_claims c
                join gen_decisions d on d.code = c.scenario
                join gen_claim_steps st on st.claim_id = c.claim_id and st.seq = d.seq
                join gen_claim_steps due on due.claim_id = c.claim_id and due.seq = d.due_seq
                order by c.claim_id, d.seq""");
        jdbc.execute("""
                insert into arbitration_penalties (claim_id, decision_id, shop_id, agent_id, kind, points,
                                                   deduction_minor, reason, at)
                select c.claim_id, ad.id, c.shop_id, ad.agent_id, d.penalty, d.points, 0,
                       'Did not answer the buyer''s evidence before rejecting.', ad.decided_at
                from gen_claims c
                join gen_decisions d on d.code = c.scenario and d.penalty is not null
                join arbitration_decisions ad on ad.claim_id = c.claim_id and ad.appeal = d.appeal""");
        jdbc.execute("""
                insert into arbitration_abuse_flags (claim_id, decision_id, buyer_id, agent_id, reason, at)
                select c.claim_id, ad.id, c.buyer_id, ad.agent_id, d.abuse_reason, ad.decided_at
                from gen_claims c
                join gen_decisions d on d.code = c.scenario and d.abuse_reason is not null
                join arbitration_decisions ad on ad.claim_id = c.claim_id and ad.appeal = d.appeal""");
        jdbc.execute("""
                insert into risk_decisions (claim_id, appeal, shop_id, buyer_id, seller_at_fault, decided_at)
                select ad.claim_id, ad.appeal, ad.shop_id, ad.buyer_id,
                       ad.cost_bearer = 'SELLER' and ad.outcome <> 'REJECT', ad.decided_at
                from gen_claims c join arbitration_decisions ad on ad.claim_id = c.claim_id""");
        jdbc.execute("""
                insert into risk_abuse_flags (flag_id, buyer_id, claim_id, reason, flagged_at)
                select f.id, f.buyer_id, f.claim_id, f.reason, f.at
                from gen_claims c join arbitration_abuse_flags f on f.claim_id = c.claim_id""");
    }
}
