package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.WeightCheckSettings;

/**
 * The claims of one batch's orders, from their scenarios: the claim with every column its path leaves behind, its
 * lines, its timeline, the return and reshipment parcels with their scans, messages, and evidence metadata (every
 * file the same small stored image: the desk serves it, nothing is written to disk). Leaves {@code gen_claims} (one
 * row per claim with its order, scenario and people) and {@code gen_claim_steps} (every move with its time and
 * actor) for the ledger, arbitration and notice writers.
 */
final class GeneratedClaims {

    private final JdbcTemplate jdbc;
    private final WeightCheckSettings weight;
    private final double appealWindowHours;

    GeneratedClaims(JdbcTemplate jdbc, WeightCheckSettings weight, double appealWindowHours) {
        this.jdbc = jdbc;
        this.weight = weight;
        this.appealWindowHours = appealWindowHours;
    }

    void write(Instant now, byte[] evidenceImage, String evidenceSha256) {
        Timestamp at = Timestamp.from(now);
        claimedUnits();
        insertClaims();
        jdbc.execute("""
                create temp table gen_claims on commit drop as
                select c.id as claim_id, c.claim_number, c.requested_amount_minor as requested, c.status, c.party_to_act,
                       c.due_at, c.created_at, c.updated_at, c.ended_at, c.outcome, c.type, c.description,
                       o.*, r.sub_sku, r.sub_title,
                       staff.id as staff_id, staff.display_name as staff_name
                from claims c
                join gen_orders o on o.order_id = c.order_id
                join gen_scenarios s on s.code = o.scenario
                join gen_claim_units r on r.n = o.n
                join lateral (select id, display_name from user_accounts
                              where shop_id = o.shop_id and username like 'gen-staff-%' order by id limit 1) staff
                  on true""");
        jdbc.execute("create index on gen_claims (claim_id)");
        jdbc.execute("analyze gen_claims");
        jdbc.execute("""
                create temp table gen_claim_steps on commit drop as
                select c.claim_id, c.n, st.seq, pg_temp.gen_at(c.t0, c.pace, st.at_var, st.at_fix) as at,
                       st.action, case when st.actor like 'AGENT%' then 'AGENT' else st.actor end as actor_role,
                       case st.actor when 'BUYER' then c.buyer_id when 'SELLER' then c.staff_id
                            when 'AGENT' then a.id when 'AGENT2' then a2.id end as actor_id,
                       case st.actor when 'BUYER' then c.buyer_name when 'SELLER' then c.staff_name
                            when 'AGENT' then a.display_name when 'AGENT2' then a2.display_name
                            when 'SYSTEM' then 'System' else 'Carrier' end as actor_name,
                       st.from_status, st.to_status, st.rule,
                       replace(replace(replace(replace(st.note, '{description}', coalesce(c.description, '')),
                               '{return}', 'SF8' || lpad(c.n::text, 12, '0')),
                               '{reship}', 'SF7' || lpad(c.n::text, 12, '0')),
                               '{substitute}', c.sub_title || ' (' || c.sub_sku || ')') as note,
                       pg_temp.gen_amount(st.amount, c.requested) as amount_minor, st.tells, st.notice, st.evidence,
                       pg_temp.gen_at(c.t0, c.pace, st.at_var, st.at_fix) + make_interval(secs => 3600 * st.due_h)
                         as due_at
                from gen_claims c
                join gen_steps st on st.code = c.scenario
                cross join (select id, display_name from user_accounts where username = 'gen-agent') a
                cross join (select id, display_name from user_accounts where username = 'gen-agent2') a2""");
        jdbc.execute("create index on gen_claim_steps (claim_id, seq)");
        jdbc.execute("analyze gen_claim_steps");
        jdbc.execute("""
                insert into claim_lines (claim_id, order_line_id, claim_type, sku, title, quantity, unit_weight_grams,
                                         amount_minor, open)
                select c.claim_id, ol.id, c.type, u.sku, u.title, u.quantity, u.unit_weight_grams, u.amount_minor,
                       c.open
                from gen_claims c
                join gen_claim_lines u on u.n = c.n
                join order_lines ol on ol.order_id = c.order_id and ol.line_no = u.line_no""");
        jdbc.execute("""
                insert into claim_timeline (claim_id, at, actor_role, actor_id, actor_name, action, from_status,
                                            to_status, rule, note, amount_minor)
                select claim_id, at, actor_role, actor_id, actor_name, action, from_status, to_status, rule, note,
                       amount_minor
                from gen_claim_steps order by claim_id, seq""");
        writeLegs(at);
        writeMessagesAndEvidence(evidenceImage, evidenceSha256);
    }

    /** Which units each claim is about ({@code gen_claim_lines}), their value and weight ({@code gen_claim_units}). */
    private void claimedUnits() {
        jdbc.execute("""
                create temp table gen_claim_lines on commit drop as
                select o.n, l.line_no, l.sku, l.title, l.unit_weight_grams,
                       case s.scope when 'ONE_UNIT' then 1 else l.quantity end as quantity,
                       case s.scope when 'ONE_UNIT' then l.price_minor else l.price_minor * l.quantity end
                         as amount_minor
                from gen_orders o
                join gen_scenarios s on s.code = o.scenario
                join gen_lines l on l.n = o.n and (s.scope = 'ALL' or l.line_no = 1)""");
        jdbc.execute("""
                create temp table gen_claim_units on commit drop as
                select u.n, sum(u.amount_minor)::bigint as requested, sum(u.unit_weight_grams * u.quantity)::int as claimed_grams,
                       (select sum(l.unit_weight_grams * l.quantity)::int from gen_lines l where l.n = u.n) as goods,
                       (select s.measured_weight_grams from shipments s
                        where s.order_id = o.order_id and s.direction = 'OUTBOUND') as measured,
                       sub.sku as sub_sku, sub.title as sub_title
                from gen_claim_lines u
                join gen_orders o on o.n = u.n
                join lateral (select p.sku, p.title from products p
                              where p.shop_id = o.shop_id
                                and p.sku <> (select l.sku from gen_lines l where l.n = u.n and l.line_no = 1)
                              order by p.sku desc limit 1) sub on true
                group by u.n, o.order_id, sub.sku, sub.title""");
        jdbc.execute("analyze gen_claim_units");
    }

    private void insertClaims() {
        int pack = weight.packagingGrams();
        int packPercent = weight.packagingPercent();
        String packAll = "(u.goods + %d + u.goods * %d / 100)".formatted(pack, packPercent);
        String without = "greatest(u.goods - u.claimed_grams, 0)";
        String packWithout = "(%1$s + case when %1$s = 0 then %2$d else %2$d + %1$s * %3$d / 100 end)"
                .formatted(without, pack, packPercent);
        String tolerance = "greatest(%d, %s * %d / 100)".formatted(weight.toleranceGrams(), packAll,
                weight.tolerancePercent());
        String verdict = """
                case when not s.weight_check then null
                     when u.measured is null then 'INCONCLUSIVE'
                     when %1$s - %2$s <= 2 * %3$s then 'INCONCLUSIVE'
                     when u.measured <= %2$s + %3$s then 'CORROBORATES'
                     when u.measured >= %1$s - %3$s then case when s.type = 'NOT_RECEIVED' then 'INCONCLUSIVE'
                                                              else 'CONTRADICTS' end
                     else 'INCONCLUSIVE' end""".formatted(packAll, packWithout, tolerance);
        jdbc.update("""
                insert into claims (claim_number, order_id, order_number, shop_id, buyer_id, type, reason, description,
                                    remedy, requested_amount_minor, currency, status, party_to_act, due_at, deadline_at,
                                    proposal_remedy, proposal_amount_minor, proposal_note, rejection_reason,
                                    escalation_allowed, inspection_result, inspection_note, weight_verdict,
                                    fast_tracked, fast_track_rule, refunds_requested, refunded_amount_minor, outcome,
                                    created_at, updated_at, ended_at, compensation_minor, substitute_sku,
                                    review_reason, evidence_request, evidence_requested_of, decision_ruling,
                                    decision_amount_minor, decision_rationale, decision_clause, decided_at,
                                    decided_by_id, decided_by_name, decision_final, appeal_until, appealed_by,
                                    appeal_statement, buyer_appealed, seller_appealed)
                select 'AS' || nextval('claim_number_seq'), o.order_id, o.order_number, o.shop_id, o.buyer_id, s.type,
                       s.reason, s.description, s.remedy, u.requested, 'CNY', s.status, s.party, due.at,
                       case when s.deadline then due.at end,
                       s.proposal_remedy, pg_temp.gen_amount(s.proposal_amount, u.requested),
                       replace(s.proposal_note, '{substitute}', u.sub_title || ' (' || u.sub_sku || ')'),
                       s.rejection_reason, s.escalation_allowed, s.inspection_result, s.inspection_note, %s,
                       s.fast_tracked, s.fast_track_rule, s.refunds_requested,
                       pg_temp.gen_amount(s.refunded, u.requested), s.outcome,
                       o.t0, pg_temp.gen_at(o.t0, o.pace, s.last_var, s.last_fix),
                       case when not s.open then pg_temp.gen_at(o.t0, o.pace, s.last_var, s.last_fix) end,
                       s.compensation, case when s.substitute then u.sub_sku end,
                       s.review_reason, s.evidence_request, s.evidence_of, s.decision_ruling,
                       pg_temp.gen_amount(s.decision_amount, u.requested), s.decision_rationale, s.decision_clause,
                       pg_temp.gen_at(o.t0, o.pace, ds.at_var, ds.at_fix), agent.id, agent.display_name,
                       s.decision_final,
                       pg_temp.gen_at(o.t0, o.pace, ap.at_var, ap.at_fix) + make_interval(secs => 3600 * ?),
                       s.appealed_by, s.appeal_statement, s.buyer_appealed, s.seller_appealed
                from gen_orders o
                join gen_scenarios s on s.code = o.scenario
                join gen_claim_units u on u.n = o.n
                cross join lateral (select case when s.open then pg_temp.gen_at(o.t0, o.pace, s.anchor_var, s.anchor_fix)
                                           + make_interval(secs => 3600 * s.due_h) end as at) due
                left join gen_steps ds on ds.code = s.code and ds.seq = s.decided_seq
                left join gen_steps ap on ap.code = s.code and ap.seq = s.appeal_from_seq
                left join user_accounts agent
                  on agent.username = case s.decided_by when 'AGENT' then 'gen-agent' else 'gen-agent2' end
                     and s.decided_by is not null
                order by o.n""".formatted(verdict), appealWindowHours);
    }

    /** Return parcels (the buyer's) and reshipments (the seller's) with their scans; the claims point at them. */
    private void writeLegs(Timestamp now) {
        for (String[] leg : new String[][] { { "RETURN", "SF8", "BUYER", "return_seq", "return_delivered_seq",
                "return_shipment_id" }, { "RESHIPMENT", "SF7", "SELLER", "reship_seq", "reship_delivered_seq",
                        "reshipment_shipment_id" } }) {
            jdbc.execute("""
                    insert into shipments (order_id, direction, carrier, tracking_number, shipped_at, registered_by,
                                           claim_id, created_at)
                    select c.order_id, '%1$s', 'SF', '%2$s' || lpad(c.n::text, 12, '0'), st.at, '%3$s', c.claim_id, st.at
                    from gen_claims c
                    join gen_scenarios s on s.code = c.scenario
                    join gen_claim_steps st on st.claim_id = c.claim_id and st.seq = s.%4$s"""
                    .formatted(leg[0], leg[1], leg[2], leg[3]));
            jdbc.update("""
                    insert into tracking_events (shipment_id, dedupe_key, occurred_at, kind, location, description,
                                                 received_at)
                    select p.id, 'gen-0', p.shipped_at + interval '2 hours', 'PICKED_UP', 'Beijing', 'Picked up',
                           p.shipped_at + interval '2 hours'
                    from gen_claims c join shipments p on p.claim_id = c.claim_id and p.direction = '%1$s'
                    union all
                    select p.id, 'gen-1', least(d.at + case when d.action = 'RECEIVED' then interval '2 hours'
                                                        else interval '0 hours' end, ?),
                           'DELIVERED', 'Hangzhou', 'Delivered',
                           least(d.at + case when d.action = 'RECEIVED' then interval '2 hours'
                                         else interval '0 hours' end, ?)
                    from gen_claims c
                    join gen_scenarios s on s.code = c.scenario
                    join shipments p on p.claim_id = c.claim_id and p.direction = '%1$s'
                    join gen_claim_steps d on d.claim_id = c.claim_id and d.seq = s.%2$s"""
                    .formatted(leg[0], leg[4]), now, now);
            jdbc.execute("""
                    update claims c set %1$s = p.id
                    from gen_claims g join shipments p on p.claim_id = g.claim_id and p.direction = '%2$s'
                    where c.id = g.claim_id""".formatted(leg[5], leg[0]));
        }
    }

    /**
     * Up to two messages between buyer and seller on a claim, and the evidence its moves attached (the buyer's photo
     * with half of the filings, every rejection, inspection, evidence answer and appeal, one message in three).
     */
    private void writeMessagesAndEvidence(byte[] image, String sha256) {
        jdbc.update("""
                insert into claim_messages (claim_id, author_role, author_id, author_name, body, sent_at)
                select c.claim_id, case when i % 2 = 1 then 'SELLER' else 'BUYER' end,
                       case when i % 2 = 1 then c.staff_id else c.buyer_id end,
                       case when i % 2 = 1 then c.staff_name else c.buyer_name end,
                       (?::text[])[1 + ((c.n + i) % ?)::int],
                       c.created_at + (c.updated_at - c.created_at) * (i::float8 / 3)
                from gen_claims c
                cross join generate_series(1, 2) i
                where i <= floor(pg_temp.gen_h(c.n, 23) * 3)
                order by c.claim_id, i""", GenNotes.MESSAGES.toArray(String[]::new), GenNotes.MESSAGES.size());
        jdbc.update("""
                insert into claim_evidence (claim_id, message_id, purpose, uploaded_by_role, uploaded_by_id,
                                            uploaded_by_name, file_name, content_type, size_bytes, sha256, uploaded_at)
                select st.claim_id, null, st.evidence, st.actor_role, st.actor_id, st.actor_name,
                       lower(st.evidence) || '-' || c.claim_number || '.png', 'image/png', ?, ?, st.at
                from gen_claim_steps st join gen_claims c on c.claim_id = st.claim_id
                where st.evidence is not null and (st.evidence <> 'CLAIM' or pg_temp.gen_h(c.n, 31) < 0.5)
                union all
                select m.claim_id, m.id, 'MESSAGE', m.author_role, m.author_id, m.author_name,
                       'message-' || c.claim_number || '.png', 'image/png', ?, ?, m.sent_at
                from gen_claims c
                join lateral (select * from claim_messages m where m.claim_id = c.claim_id order by m.id limit 1) m
                  on true
                where pg_temp.gen_h(c.n, 29) < 0.33""", image.length, sha256, image.length, sha256);
        jdbc.update("""
                insert into claim_evidence_content (evidence_id, data)
                select e.id, ? from gen_claims c join claim_evidence e on e.claim_id = c.claim_id""",
                (Object) image);
    }
}
