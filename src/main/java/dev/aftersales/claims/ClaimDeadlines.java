package dev.aftersales.claims;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the due times of open claims, for the modules that warn people before a deadline passes
 * (notifications). Reads only; the consequences of a passed deadline stay with {@link ClaimDeadlineSweep}.
 */
@Component
public class ClaimDeadlines {

    static final String DUE_BETWEEN = """
            select id, claim_number, party_to_act, buyer_id, shop_id, due_at from claims
            where due_at > :from and due_at <= :until and deadline_at is not null
              and party_to_act not in ('AGENT', 'CARRIER', 'SYSTEM', 'NONE')
              and due_at >= :keyDue and (due_at, id) > (:keyDue, :keyId)
            order by due_at, id limit :limit""";

    private final JdbcClient jdbc;

    ClaimDeadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open claims due after {@code from} and at or before {@code until} where a buyer or the seller must act, in
     * order of due time then id, starting after the given position (keyset paging: pass the last row's due time and
     * id, or {@code null}s for the first page).
     */
    @Transactional(readOnly = true)
    public List<DueSoon> dueBetween(Instant from, Instant until, Instant afterDueAt, Long afterId, int limit) {
        Instant keyDue = afterDueAt != null ? afterDueAt : from;
        long keyId = afterId != null ? afterId : 0L;
        return jdbc.sql(DUE_BETWEEN)
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .param("keyDue", Timestamp.from(keyDue)).param("keyId", keyId).param("limit", limit)
                .query((rs, n) -> new DueSoon(rs.getLong("id"), rs.getString("claim_number"),
                        rs.getString("party_to_act"), rs.getLong("buyer_id"), rs.getLong("shop_id"),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    /**
     * An open claim whose due time comes soon.
     *
     * @param party the name of the {@link Party} whose move it is (a name, so that new parties need no new type)
     */
    public record DueSoon(long claimId, String claimNumber, String party, long buyerId, long shopId, Instant dueAt) {
    }
}
