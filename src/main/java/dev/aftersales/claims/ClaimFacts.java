package dev.aftersales.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of a claim that read models in other modules need (the risk module's buyer scores and seller
 * scorecards): who filed it and when, the seller's first answer, whether it was escalated, the inspection result,
 * the weight check, the end. Risk refreshes its copy from here on every claim event and rebuilds it from
 * {@link #filedSince(Instant)}.
 */
@Service
@Transactional(readOnly = true)
public class ClaimFacts {

    private static final String SELECT = """
            select c.id, c.order_id, c.shop_id, c.buyer_id, c.type, c.status, c.created_at, c.inspection_result,
                   c.weight_verdict, c.ended_at, c.outcome,
                   (select t.action from claim_timeline t where t.claim_id = c.id order by t.at, t.id limit 1),
                   fa.at, fa.actor_role, fa.action,
                   exists (select 1 from claim_timeline t where t.claim_id = c.id and t.to_status = 'AWAITING_AGENT')
            from claims c
            left join lateral (select t.at, t.actor_role, t.action from claim_timeline t
                               where t.claim_id = c.id and t.from_status = 'AWAITING_SELLER'
                                 and t.to_status <> t.from_status
                               order by t.at, t.id limit 1) fa on true
            """;

    private final JdbcTemplate jdbc;

    ClaimFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param filedByBuyer      the buyer filed it (not opened by the system or the seller)
     * @param firstAnswerAt     when the claim first left "waiting for the seller" (notes that change no status,
     *                          such as a review mark or a holiday extension, are not moves), or {@code null}
     * @param firstAnswerRole   who moved it then (SELLER, SYSTEM for an automatic acceptance or fast-track, BUYER)
     * @param firstAnswerAction that move's action (ACCEPTED, AUTO_ACCEPTED, FAST_TRACKED, WITHDRAWN ...)
     * @param escalated         it went to a platform agent at some point
     */
    public record Fact(long claimId, long orderId, long shopId, long buyerId, ClaimType type, ClaimStatus status,
            Instant filedAt, InspectionResult inspectionResult, WeightVerdict weightVerdict, Instant endedAt,
            Outcome outcome, boolean filedByBuyer, Instant firstAnswerAt, ActorRole firstAnswerRole,
            String firstAnswerAction, boolean escalated) {
    }

    public Optional<Fact> of(long claimId) {
        return jdbc.query(SELECT + " where c.id = ?", ClaimFacts::map, claimId).stream().findFirst();
    }

    /** Every claim filed at or after {@code since}, oldest first. */
    public List<Fact> filedSince(Instant since) {
        return jdbc.query(SELECT + " where c.created_at >= ? order by c.created_at, c.id", ClaimFacts::map,
                Timestamp.from(since));
    }

    /**
     * What the product-quality counters need of a claim: its reason, the weight check's verdict and the claimed units
     * of each order line (with the amount claimed for them).
     */
    public record Claimed(long claimId, String claimNumber, long shopId, ClaimType type, ClaimReason reason,
            WeightVerdict weightVerdict, Instant filedAt, List<ClaimedLine> lines) {
    }

    /** The claimed units of one order line. */
    public record ClaimedLine(long orderLineId, String sku, String title, int quantity, long amountMinor) {
    }

    public Optional<Claimed> claimed(long claimId) {
        List<ClaimedLine> lines = jdbc.query("select order_line_id, sku, title, quantity, amount_minor from claim_lines "
                + "where claim_id = ? order by id", (rs, i) -> new ClaimedLine(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getLong(5)), claimId);
        return jdbc.query("select id, claim_number, shop_id, type, reason, weight_verdict, created_at from claims "
                + "where id = ?", (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        ClaimType.valueOf(rs.getString(4)), ClaimReason.valueOf(rs.getString(5)),
                        enumOf(WeightVerdict.class, rs.getString(6)), instant(rs, 7), lines), claimId)
                .stream().findFirst();
    }

    private static Fact map(ResultSet rs, int i) throws SQLException {
        return new Fact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), ClaimType.valueOf(rs.getString(5)),
                ClaimStatus.valueOf(rs.getString(6)), instant(rs, 7), enumOf(InspectionResult.class, rs.getString(8)),
                enumOf(WeightVerdict.class, rs.getString(9)), instant(rs, 10), enumOf(Outcome.class, rs.getString(11)),
                "FILED".equals(rs.getString(12)), instant(rs, 13), enumOf(ActorRole.class, rs.getString(14)),
                rs.getString(15), rs.getBoolean(16));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
