package dev.aftersales.risk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.aftersales.claims.ActorRole;
import dev.aftersales.claims.ClaimFacts;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.WeightVerdict;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderFeed;
import dev.aftersales.risk.BuyerRisk;

/** The risk module's copies of orders, claims, decisions and flags, and the buyers' last scores. */
@Component
public class RiskReadModel {

    private final JdbcTemplate jdbc;

    private final ScorecardCache scorecards;

    RiskReadModel(JdbcTemplate jdbc, ScorecardCache scorecards) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
    }

    // ------------------------------------------------------------------------------------------ writing

    @Transactional
    public void upsertOrder(OrderFeed.OrderTimes o) {
        scorecards.forget(o.shopId());
        counting(o.shopId(), List.of(new Source(ORDER, o.orderId())), () -> jdbc.update("""
                insert into risk_orders (order_id, shop_id, buyer_id, paid_at, ship_by, shipped_at, delivered_at,
                                         cancelled_at, cancellation_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (order_id) do update set ship_by = excluded.ship_by, shipped_at = excluded.shipped_at,
                  delivered_at = excluded.delivered_at, cancelled_at = excluded.cancelled_at,
                  cancellation_reason = excluded.cancellation_reason""",
                o.orderId(), o.shopId(), o.buyerId(), ts(o.paidAt()), ts(o.shipBy()), ts(o.shippedAt()),
                ts(o.deliveredAt()), ts(o.cancelledAt()),
                o.cancellationReason() == null ? null : o.cancellationReason().name()));
    }

    @Transactional
    public void upsertClaim(ClaimFacts.Fact c) {
        scorecards.forget(c.shopId());
        // a DELISTED or NO_TRACKING claim also changes what its order's cancellation or fake tracking counts
        List<Source> sources = c.type() == ClaimType.DELISTED || c.type() == ClaimType.NO_TRACKING
                ? List.of(new Source(CLAIM, c.claimId()), new Source(ORDER, c.orderId()))
                : List.of(new Source(CLAIM, c.claimId()));
        counting(c.shopId(), sources, () -> jdbc.update("""
                insert into risk_claims (claim_id, order_id, shop_id, buyer_id, type, status, filed_at, filed_by_buyer,
                                         inspection_result, weight_verdict, first_answer_at, first_answer_role,
                                         first_answer_action, escalated, ended_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (claim_id) do update set status = excluded.status,
                  inspection_result = excluded.inspection_result, weight_verdict = excluded.weight_verdict,
                  first_answer_at = excluded.first_answer_at, first_answer_role = excluded.first_answer_role,
                  first_answer_action = excluded.first_answer_action, escalated = excluded.escalated,
                  ended_at = excluded.ended_at""",
                c.claimId(), c.orderId(), c.shopId(), c.buyerId(), c.type().name(), c.status().name(),
                ts(c.filedAt()), c.filedByBuyer(), name(c.inspectionResult()), name(c.weightVerdict()),
                ts(c.firstAnswerAt()), name(c.firstAnswerRole()), c.firstAnswerAction(), c.escalated(),
                ts(c.endedAt())));
    }

    @Transactional
    public void recordDecision(long claimId, boolean appeal, long shopId, long buyerId, boolean sellerAtFault,
            Instant at) {
        scorecards.forget(shopId);
        counting(shopId, List.of(new Source(DECISION, claimId)), () -> jdbc.update("""
                insert into risk_decisions (claim_id, appeal, shop_id, buyer_id, seller_at_fault, decided_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (claim_id, appeal) do update set seller_at_fault = excluded.seller_at_fault,
                  decided_at = excluded.decided_at""",
                claimId, appeal, shopId, buyerId, sellerAtFault, ts(at)));
    }

    public void recordFlag(long flagId, long buyerId, long claimId, String reason, Instant at) {
        jdbc.update("insert into risk_abuse_flags (flag_id, buyer_id, claim_id, reason, flagged_at) "
                + "values (?, ?, ?, ?, ?) on conflict (flag_id) do nothing", flagId, buyerId, claimId, reason, ts(at));
    }

    public void saveScore(BuyerRisk risk) {
        jdbc.update("""
                insert into risk_buyer_scores (buyer_id, score, verdict, computed_at) values (?, ?, ?, ?)
                on conflict (buyer_id) do update set score = excluded.score, verdict = excluded.verdict,
                  computed_at = excluded.computed_at""",
                risk.buyerId(), risk.score(), risk.verdict().name(), ts(risk.computedAt()));
    }

    // ------------------------------------------------------------------------------------------ reading

    public int ordersOfBuyerSince(long buyerId, Instant since) {
        Integer n = jdbc.queryForObject("select count(*) from risk_orders where buyer_id = ? and paid_at >= ?",
                Integer.class, buyerId, ts(since));
        return n == null ? 0 : n;
    }

    public List<ReturnAbuseScore.ClaimRow> claimsOfBuyerSince(long buyerId, Instant since, Long excludingClaimId) {
        return jdbc.query("""
                select c.claim_id, c.type, c.filed_at, c.filed_by_buyer, c.inspection_result, c.weight_verdict,
                       o.delivered_at
                from risk_claims c left join risk_orders o on o.order_id = c.order_id
                where c.buyer_id = ? and c.filed_at >= ? and c.claim_id <> ?
                order by c.filed_at""",
                (rs, i) -> new ReturnAbuseScore.ClaimRow(rs.getLong(1), ClaimType.valueOf(rs.getString(2)),
                        instant(rs, 3), rs.getBoolean(4), enumOf(InspectionResult.class, rs.getString(5)),
                        enumOf(WeightVerdict.class, rs.getString(6)), instant(rs, 7)),
                buyerId, ts(since), excludingClaimId == null ? -1L : excludingClaimId);
    }

    public int flagsOf(long buyerId) {
        Integer n = jdbc.queryForObject("select count(*) from risk_abuse_flags where buyer_id = ?", Integer.class,
                buyerId);
        return n == null ? 0 : n;
    }

    public Map<Long, Integer> scoresOf(List<Long> buyerIds) {
        if (buyerIds.isEmpty()) {
            return Map.of();
        }
        String in = buyerIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.query("select buyer_id, score from risk_buyer_scores where buyer_id in (" + in + ")",
                rs -> {
                    Map<Long, Integer> scores = new java.util.HashMap<>();
                    while (rs.next()) {
                        scores.put(rs.getLong(1), rs.getInt(2));
                    }
                    return scores;
                });
    }

    /** One row of the watchlist. */
    public record Watched(long buyerId, int score, BuyerRisk.Verdict verdict, Instant computedAt) {
    }

    public List<Watched> watched(int minScore, int limit) {
        return jdbc.query("select buyer_id, score, verdict, computed_at from risk_buyer_scores where score >= ? "
                + "order by score desc, buyer_id limit ?",
                (rs, i) -> new Watched(rs.getLong(1), rs.getInt(2), BuyerRisk.Verdict.valueOf(rs.getString(3)),
                        instant(rs, 4)),
                minScore, limit);
    }

    Optional<Integer> storedScore(long buyerId) {
        return jdbc.queryForList("select score from risk_buyer_scores where buyer_id = ?", Integer.class, buyerId)
                .stream().findFirst();
    }

    public List<Long> buyersWithActivity() {
        return jdbc.queryForList("select buyer_id from risk_orders union select buyer_id from risk_claims "
                + "union select buyer_id from risk_abuse_flags", Long.class);
    }

    public List<Long> shopsActiveSince(Instant since) {
        return jdbc.queryForList("select shop_id from risk_orders where paid_at >= ? union "
                + "select shop_id from risk_claims where filed_at >= ? union "
                + "select shop_id from risk_decisions where decided_at >= ? order by 1", Long.class, ts(since),
                ts(since), ts(since));
    }

    public List<Scorecards.OrderRow> ordersOfShopSince(long shopId, Instant since) {
        return jdbc.query("select order_id, paid_at, ship_by, shipped_at, cancelled_at, cancellation_reason "
                + "from risk_orders where shop_id = ? and (paid_at >= ? or cancelled_at >= ?)",
                (rs, i) -> new Scorecards.OrderRow(rs.getLong(1), instant(rs, 2), instant(rs, 3), instant(rs, 4),
                        instant(rs, 5), enumOf(CancellationReason.class, rs.getString(6))),
                shopId, ts(since), ts(since));
    }

    public List<Scorecards.ClaimRow> claimsOfShopSince(long shopId, Instant since) {
        return jdbc.query("select claim_id, order_id, type, filed_at, filed_by_buyer, first_answer_at, "
                + "first_answer_role, first_answer_action, escalated from risk_claims "
                + "where shop_id = ? and filed_at >= ?",
                (rs, i) -> new Scorecards.ClaimRow(rs.getLong(1), rs.getLong(2), ClaimType.valueOf(rs.getString(3)),
                        instant(rs, 4), rs.getBoolean(5), instant(rs, 6), enumOf(ActorRole.class, rs.getString(7)),
                        rs.getString(8), rs.getBoolean(9)),
                shopId, ts(since));
    }

    public List<Scorecards.DecisionRow> decisionsOfShopSince(long shopId, Instant since) {
        return jdbc.query("select claim_id, appeal, seller_at_fault, decided_at from risk_decisions "
                + "where shop_id = ? and decided_at >= ?",
                (rs, i) -> new Scorecards.DecisionRow(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3),
                        instant(rs, 4)),
                shopId, ts(since));
    }

    public List<Scorecards.RatingRow> ratingsOfShopSince(long shopId, Instant since) {
        return jdbc.query("select claim_id, stars, rated_at from claim_ratings where shop_id = ? and rated_at >= ?",
                (rs, i) -> new Scorecards.RatingRow(rs.getLong(1), rs.getInt(2), instant(rs, 3)), shopId, ts(since));
    }

    // ------------------------------------------------------------------------------------------ batch reading (queue)

    private static String in(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The last stored scores of these buyers (one query). */
    public Map<Long, Integer> storedScores(java.util.Collection<Long> buyerIds) {
        return buyerIds.isEmpty() ? Map.of() : scoresOf(List.copyOf(buyerIds));
    }

    public Map<Long, List<Scorecards.OrderRow>> ordersOfShopsSince(java.util.Collection<Long> shopIds, Instant since) {
        Map<Long, List<Scorecards.OrderRow>> by = new java.util.HashMap<>();
        jdbc.query("select shop_id, order_id, paid_at, ship_by, shipped_at, cancelled_at, cancellation_reason "
                + "from risk_orders where shop_id in (" + in(shopIds) + ") and (paid_at >= ? or cancelled_at >= ?)",
                rs -> {
                    by.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new Scorecards.OrderRow(
                            rs.getLong(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), instant(rs, 6),
                            enumOf(CancellationReason.class, rs.getString(7))));
                }, ts(since), ts(since));
        return by;
    }

    public Map<Long, List<Scorecards.ClaimRow>> claimsOfShopsSince(java.util.Collection<Long> shopIds, Instant since) {
        Map<Long, List<Scorecards.ClaimRow>> by = new java.util.HashMap<>();
        jdbc.query("select shop_id, claim_id, order_id, type, filed_at, filed_by_buyer, first_answer_at, "
                + "first_answer_role, first_answer_action, escalated from risk_claims "
                + "where shop_id in (" + in(shopIds) + ") and filed_at >= ?",
                rs -> {
                    by.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new Scorecards.ClaimRow(
                            rs.getLong(2), rs.getLong(3), ClaimType.valueOf(rs.getString(4)), instant(rs, 5),
                            rs.getBoolean(6), instant(rs, 7), enumOf(ActorRole.class, rs.getString(8)),
                            rs.getString(9), rs.getBoolean(10)));
                }, ts(since));
        return by;
    }

    public Map<Long, List<Scorecards.DecisionRow>> decisionsOfShopsSince(java.util.Collection<Long> shopIds,
            Instant since) {
        Map<Long, List<Scorecards.DecisionRow>> by = new java.util.HashMap<>();
        jdbc.query("select shop_id, claim_id, appeal, seller_at_fault, decided_at from risk_decisions "
                + "where shop_id in (" + in(shopIds) + ") and decided_at >= ?",
                rs -> {
                    by.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(
                            new Scorecards.DecisionRow(rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4),
                                    instant(rs, 5)));
                }, ts(since));
        return by;
    }

    public Map<Long, List<Scorecards.RatingRow>> ratingsOfShopsSince(java.util.Collection<Long> shopIds,
            Instant since) {
        Map<Long, List<Scorecards.RatingRow>> by = new java.util.HashMap<>();
        jdbc.query("select shop_id, claim_id, stars, rated_at from claim_ratings where shop_id in (" + in(shopIds)
                + ") and rated_at >= ?",
                rs -> {
                    by.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(
                            new Scorecards.RatingRow(rs.getLong(2), rs.getInt(3), instant(rs, 4)));
                }, ts(since));
        return by;
    }

    // ------------------------------------------------------------------------------------------ incidents

    @Transactional
    public void recordIncident(long shopId, String kind, long orderId, Long claimId, Instant at) {
        scorecards.forget(shopId);
        counting(shopId, List.of(new Source(ORDER, orderId)), () -> jdbc.update(
                "insert into risk_shop_incidents (shop_id, kind, order_id, claim_id, occurred_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing", shopId, kind, orderId, claimId, ts(at)));
    }

    /**
     * Stores a claim's rating once and counts it on its shop's scorecard.
     *
     * @return whether it was stored ({@code false}: the claim was rated before)
     */
    @Transactional
    public boolean recordRating(long claimId, long buyerId, long shopId, int stars, String comment, Instant at) {
        scorecards.forget(shopId);
        return counting(shopId, List.of(new Source(RATING, claimId)), () -> jdbc.update(
                "insert into claim_ratings (claim_id, buyer_id, shop_id, stars, comment, rated_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (claim_id) do nothing",
                claimId, buyerId, shopId, stars, comment, ts(at))) > 0;
    }

    // ------------------------------------------------------------------------------------------ scorecard counters

    static final String ORDER = "ORDER";
    static final String CLAIM = "CLAIM";
    static final String DECISION = "DECISION";
    static final String RATING = "RATING";

    /** The first key of the scorecard counters' advisory locks (the second is the shop). */
    static final int SHOP_LOCKS = 0x5253; // "RS"

    /** A read-model row whose contributions {@code risk_shop_contributions} reports under one source and id. */
    record Source(String source, long id) {
    }

    private static final String COLUMNS = String.join(", ", Scorecards.Counts.COLUMNS);

    private static final String SUMS = Scorecards.Counts.COLUMNS.stream().map(c -> "sum(" + c + ")")
            .collect(Collectors.joining(", "));

    private static final String ZEROS = Scorecards.Counts.COLUMNS.stream().map(c -> "0")
            .collect(Collectors.joining(", "));

    private static final String ADD = "insert into risk_shop_daily (shop_id, day, " + COLUMNS + ") values (?, ?, "
            + Scorecards.Counts.COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ") on conflict (shop_id, day) do update set " + Scorecards.Counts.COLUMNS.stream()
                    .map(c -> c + " = risk_shop_daily." + c + " + excluded." + c).collect(Collectors.joining(", "));

    /**
     * Writes a read-model row and adds to the shop's daily counters what its sources contribute after the write less
     * what they contributed before: a write that changes nothing (a redelivered event) adds nothing. The shop's
     * counters are changed one transaction after the other (an advisory lock until commit), so "before" is always
     * what the last change left.
     */
    private <T> T counting(long shopId, List<Source> sources, java.util.function.Supplier<T> write) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, SHOP_LOCKS, (int) shopId);
        Map<LocalDate, Scorecards.Counts> before = contributions(shopId, sources);
        T result = write.get();
        Map<LocalDate, Scorecards.Counts> after = contributions(shopId, sources);
        java.util.SortedMap<LocalDate, Scorecards.Counts> change = new java.util.TreeMap<>();
        after.forEach((day, counts) -> change.merge(day, counts, Scorecards.Counts::plus));
        before.forEach((day, counts) -> change.merge(day, Scorecards.Counts.ZERO.minus(counts),
                Scorecards.Counts::plus));
        List<Object[]> rows = new java.util.ArrayList<>();
        change.forEach((day, counts) -> {
            if (!counts.isZero()) {
                List<Object> row = new java.util.ArrayList<>(List.of(shopId, day));
                for (long v : counts.values()) {
                    row.add(Math.toIntExact(v));
                }
                rows.add(row.toArray());
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(ADD, rows);
        }
        return result;
    }

    private Map<LocalDate, Scorecards.Counts> contributions(long shopId, List<Source> sources) {
        Map<LocalDate, Scorecards.Counts> by = new java.util.HashMap<>();
        for (Source source : sources) {
            jdbc.query("select (at at time zone 'UTC')::date, " + SUMS + " from risk_shop_contributions "
                    + "where shop_id = ? and source = ? and source_id = ? group by 1", rs -> {
                        by.merge(rs.getObject(1, LocalDate.class), counts(rs, 2), Scorecards.Counts::plus);
                    }, shopId, source.source(), source.id());
        }
        return by;
    }

    private static Scorecards.Counts counts(ResultSet rs, int first) throws SQLException {
        long[] v = new long[Scorecards.Counts.COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(first + i);
        }
        return new Scorecards.Counts(v);
    }

    /** When the shop's fake-tracking incidents happened, since a time. */
    public List<Scorecards.IncidentRow> fakeTrackingOfShopSince(long shopId, Instant since) {
        return jdbc.query("select order_id, occurred_at from risk_shop_incidents where shop_id = ? "
                + "and kind = 'FAKE_TRACKING' and occurred_at >= ?",
                (rs, i) -> new Scorecards.IncidentRow(rs.getLong(1), instant(rs, 2)), shopId, ts(since));
    }

    public Map<Long, List<Scorecards.IncidentRow>> fakeTrackingOfShopsSince(java.util.Collection<Long> shopIds,
            Instant since) {
        Map<Long, List<Scorecards.IncidentRow>> by = new java.util.HashMap<>();
        jdbc.query("select shop_id, order_id, occurred_at from risk_shop_incidents where shop_id in (" + in(shopIds)
                + ") and kind = 'FAKE_TRACKING' and occurred_at >= ?",
                rs -> {
                    by.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(
                            new Scorecards.IncidentRow(rs.getLong(2), instant(rs, 3)));
                }, ts(since));
        return by;
    }

    // ------------------------------------------------------------------------------------------ mechanics

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
