package dev.aftersales.platform.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the people of one batch's claims were told and what they said afterwards: inbox items as the notifications
 * module writes them (the move's text to the side that must hear of it, with the same keys and arguments; decisions
 * to both sides; every refund and compensation paid to the buyer; the lines-cancelled notice; the deadline reminder
 * of claims due within the reminder lead, with the record that it was given), items older than two days read, and
 * the buyers' ratings of two in five ended claims they filed.
 */
final class GeneratedNotices {

    /** Recipients of a notice to {@code st.tells}: the buyer, every enabled seller of the shop, or both. */
    private static final String RECIPIENTS = """
            cross join lateral (
              select c.buyer_id as recipient_id, '/buyer/claims/' || c.claim_id as link
              where %1$s in ('BUYER', 'BOTH')
              union all
              select u.id, '/seller/claims/' || c.claim_id from user_accounts u
              where %1$s in ('SELLER', 'BOTH') and u.role = 'SELLER' and u.shop_id = c.shop_id and u.enabled) r""";
    private static final String READ_AT = "case when %1$s < ?::timestamptz - interval '2 days' "
            + "then %1$s + interval '3 hours' end";

    private final JdbcTemplate jdbc;
    private final Duration reminderLead;

    GeneratedNotices(JdbcTemplate jdbc, Duration reminderLead) {
        this.jdbc = jdbc;
        this.reminderLead = reminderLead;
    }

    void write(Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into inbox_items (event_key, recipient_id, message_code, args, link, urgent, created_at,
                                         read_at)
                select 'claim:' || st.claim_id || ':' || st.action || ':' || st.to_status || ':'
                         || to_char(st.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       r.recipient_id, st.notice,
                       array[c.claim_number, '#claim.action.' || st.action, '#claim.status.' || st.to_status,
                             coalesce(pg_temp.gen_time(st.due_at), ''), coalesce(pg_temp.gen_fen(st.amount_minor), ''),
                             coalesce('#claim.rule.' || st.rule, ''), '#claim.type.' || c.type],
                       r.link, false, st.at, %s
                from gen_claim_steps st join gen_claims c on c.claim_id = st.claim_id
                %s
                where st.notice is not null and st.notice <> 'decision'
                on conflict do nothing""".formatted(READ_AT.formatted("st.at"), RECIPIENTS.formatted("st.tells")),
                at);
        jdbc.update("""
                insert into inbox_items (event_key, recipient_id, message_code, args, link, urgent, created_at,
                                         read_at)
                select 'decision:' || c.claim_id || ':' || d.appeal || ':'
                         || to_char(st.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       r.recipient_id,
                       'notifications.decision' || case when d.appeal then '.appeal' else '' end
                         || case when refund.fen is not null then '.refund' else '' end,
                       array[c.claim_number, '#notifications.outcome.' || d.outcome, coalesce(refund.fen, '')],
                       r.link, false, st.at, %s
                from gen_claim_steps st
                join gen_claims c on c.claim_id = st.claim_id
                join gen_decisions d on d.code = c.scenario and d.seq = st.seq
                cross join lateral (select case when st.amount_minor > 0 and not d.upheld
                                           then pg_temp.gen_fen(st.amount_minor) end as fen) refund
                %s
                on conflict do nothing""".formatted(READ_AT.formatted("st.at"), RECIPIENTS.formatted("'BOTH'")), at);
        jdbc.update("""
                insert into inbox_items (event_key, recipient_id, message_code, args, link, urgent, created_at,
                                         read_at)
                select 'payment:' || mv.id, c.buyer_id,
                       case when mv.kind = 'REFUND' then 'notifications.payment.refund'
                            else 'notifications.payment.compensation' end,
                       array[pg_temp.gen_fen(mv.amount_minor), c.order_number], '/buyer/claims/' || c.claim_id, true,
                       mv.executed_at, %s
                from gen_claims c join payment_movements mv on mv.claim_id = c.claim_id
                where mv.status = 'SUCCEEDED' and mv.kind in ('REFUND', 'COMPENSATION')
                union all
                select 'lines-cancelled:claim:' || c.claim_id, c.buyer_id, 'watchers.notice.linesCancelled',
                       array[c.order_number, c.claim_number], '/buyer/claims/' || c.claim_id, false, c.created_at, %s
                from gen_claims c where c.type = 'DELISTED'
                on conflict do nothing""".formatted(READ_AT.formatted("mv.executed_at"),
                READ_AT.formatted("c.created_at")), at, at);
        reminders(at);
        jdbc.update("""
                insert into claim_ratings (claim_id, buyer_id, shop_id, stars, comment, rated_at)
                select c.claim_id, c.buyer_id, c.shop_id,
                       greatest(1, case c.outcome when 'REFUNDED' then 5 when 'EXCHANGED' then 4 when 'RESHIPPED' then 4
                            when 'SUBSTITUTED' then 4 when 'PARTIALLY_REFUNDED' then 3 when 'WITHDRAWN' then 3
                            else 1 end - case when pg_temp.gen_h(c.n, 43) < 0.2 then 1 else 0 end),
                       case when pg_temp.gen_h(c.n, 47) < 0.3 then 'Handled quickly, thank you.' end,
                       least(c.ended_at + interval '3 hours', ?)
                from gen_claims c
                where c.ended_at is not null and c.type in ('MISSING_ITEM', 'NOT_RECEIVED', 'REFUND_ONLY',
                      'RETURN_REFUND', 'EXCHANGE') and pg_temp.gen_h(c.n, 41) < 0.4""", at);
    }

    /** The reminder of claims a buyer or seller must answer within the lead, as the reminder sweep gave it. */
    private void reminders(Timestamp now) {
        String due = "c.due_at";
        jdbc.update("""
                insert into deadline_reminders (claim_id, due_at, reminded_at)
                select c.claim_id, %1$s, %1$s - make_interval(secs => ?)
                from gen_claims c join claims k on k.id = c.claim_id
                where k.deadline_at is not null and c.party_to_act in ('BUYER', 'SELLER', 'BOTH')
                  and %1$s > ?::timestamptz and %1$s <= ?::timestamptz + make_interval(secs => ?)""".formatted(due),
                reminderLead.toSeconds(), now, now, reminderLead.toSeconds());
        jdbc.update("""
                insert into inbox_items (event_key, recipient_id, message_code, args, link, urgent, created_at)
                select 'deadline:' || c.claim_id || ':'
                         || to_char(c.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       r.recipient_id, 'notifications.claim.deadline',
                       array[c.claim_number, pg_temp.gen_time(c.due_at)], r.link, true, d.reminded_at
                from gen_claims c join deadline_reminders d on d.claim_id = c.claim_id
                %s
                on conflict do nothing""".formatted(RECIPIENTS.formatted("c.party_to_act")));
    }
}
