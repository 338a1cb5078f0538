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
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.aftersales.claims.ClaimFacts;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.WeightVerdict;
import dev.aftersales.ordering.OrderFeed;
import dev.aftersales.risk.BuyerRisk;
import dev.aftersales.shared.TransactionScoped;

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

    // ------------------------------------------------------------------------------------------ batch reading (queue)

    private static String in(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The last stored scores of these buyers (one query). */
    public Map<Long, Integer> storedScores(java.util.Collection<Long> buyerIds) {
        return buyerIds.isEmpty() ? Map.of() : scoresOf(List.copyOf(buyerIds));
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

    /**
     * The first keys of the advisory locks on one source of contributions (the second is its id), in the order a
     * transaction takes them.
     */
    static final Map<String, Integer> SOURCE_LOCKS = Map.of(CLAIM, 0x525343, DECISION, 0x525344, ORDER, 0x52534F,
            RATING, 0x525352); // "RSC", "RSD", "RSO", "RSR"

    /** The first key of the lock every counted write shares and {@link #lockAllSources} takes alone. */
    static final int ALL_SOURCES = 0x525341; // "RSA"

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
     * what they contributed before: a write that changes nothing (a redelivered event) adds nothing. What a source
     * contributes depends only on rows of its own order or claim, and every write that changes such a row names that
     * source, so the writes of one source are made one transaction after the other (an advisory lock per source until
     * commit, taken in one order of keys) and "before" is always what the last change left. Writes about other orders
     * and claims of the shop do not wait: the changes to the shop's counters are added just before the commit
     * ({@link PendingCounts}), one upsert per shop and day in the order of those keys.
     */
    private <T> T counting(long shopId, List<Source> sources, java.util.function.Supplier<T> write) {
        PendingCounts pending = pendingCounts();
        if (!pending.fenced) {
            jdbc.query("select pg_advisory_xact_lock_shared(?, 0)", rs -> null, ALL_SOURCES);
            pending.fenced = true;
        }
        if (!pending.everything) {
            sources.stream().sorted(java.util.Comparator.comparing((Source s) -> SOURCE_LOCKS.get(s.source()))
                    .thenComparingLong(Source::id))
                    .forEach(s -> jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null,
                            SOURCE_LOCKS.get(s.source()), (int) s.id()));
        }
        Map<LocalDate, Scorecards.Counts> before = contributions(shopId, sources);
        T result = write.get();
        Map<LocalDate, Scorecards.Counts> after = contributions(shopId, sources);
        after.forEach((day, counts) -> pending.add(shopId, day, counts));
        before.forEach((day, counts) -> pending.add(shopId, day, Scorecards.Counts.ZERO.minus(counts)));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            pending.write();
        }
        return result;
    }

    /**
     * Makes this transaction the only one writing counted rows until it commits: it waits for the writes in progress
     * and holds new ones, and then needs no lock per source (a rebuild writes every order and claim of a year, more
     * locks than PostgreSQL's lock table holds).
     */
    @Transactional
    public void lockAllSources() {
        jdbc.query("select pg_advisory_xact_lock(?, 0)", rs -> null, ALL_SOURCES);
        PendingCounts pending = pendingCounts();
        pending.fenced = true;
        pending.everything = true;
    }

    /** This transaction's changes to the daily counters (written at once when no transaction synchronises). */
    private PendingCounts pendingCounts() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new PendingCounts();
        }
        return TransactionScoped.get(PendingCounts.class, PendingCounts::new, PendingCounts::write);
    }

    /**
     * What one transaction adds to the shops' daily counters, summed per shop and day and written just before the
     * commit in the order of (shop, day): the row locks are held only for the commit, and two transactions adding to
     * the same rows take them in one order.
     */
    private final class PendingCounts {

        /** Whether this transaction holds the lock over all sources shared (or alone: {@link #everything}). */
        boolean fenced;
        /** Whether this transaction holds the lock over all sources alone ({@link #lockAllSources}). */
        boolean everything;

        private final java.util.SortedMap<Long, java.util.SortedMap<LocalDate, Scorecards.Counts>> changes =
                new java.util.TreeMap<>();

        void add(long shopId, LocalDate day, Scorecards.Counts counts) {
            changes.computeIfAbsent(shopId, k -> new java.util.TreeMap<>()).merge(day, counts,
                    Scorecards.Counts::plus);
        }

        void write() {
            List<Object[]> rows = new java.util.ArrayList<>();
            changes.forEach((shopId, days) -> days.forEach((day, counts) -> {
                if (!counts.isZero()) {
                    List<Object> row = new java.util.ArrayList<>(List.of(shopId, day));
                    for (long v : counts.values()) {
                        row.add(Math.toIntExact(v));
                    }
                    rows.add(row.toArray());
                }
            }));
            changes.clear();
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(ADD, rows);
            }
        }
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

    /**
     * The query of {@link #scorecardTallies}: per shop, its days after the 90-day window's first (part 0), the sums
     * over the 90- and 30-day windows' first days from the window's start (1, 2), the median first response over 90
     * and 30 days (3, 4) and the unshipped orders paid in the window whose ship-by time is yet to come (5, 6).
     */
    static String talliesQuery(java.util.Collection<Long> shopIds) {
        String shops = in(shopIds);
        String firstDay = "select %s, shop_id, null::date, " + SUMS + ", null::bigint from risk_shop_contributions "
                + "where shop_id in (" + shops + ") and at >= ? and at < ? group by shop_id";
        String median = "select %s, shop_id, null::date, " + ZEROS + ", (percentile_disc(0.5) within group (order "
                + "by m) + percentile_disc(0.5) within group (order by m desc)) / 2 from (select shop_id, "
                + "floor(extract(epoch from first_answer_at) - extract(epoch from filed_at))::bigint / 60 as m "
                + "from risk_claims where shop_id in (" + shops + ") and filed_by_buyer "
                + "and first_answer_at is not null "
                + "and coalesce(first_answer_action, '') not in ('FAST_TRACKED', 'WITHDRAWN') and filed_at >= ?) a "
                + "group by shop_id";
        String notDue = "select %s, shop_id, null::date, " + ZEROS + ", count(*) from risk_orders "
                + "where shop_id in (" + shops + ") and shipped_at is null and cancelled_at is null and ship_by >= ? "
                + "and paid_at >= ? group by shop_id";
        return "select 0, shop_id, day, " + COLUMNS + ", null::bigint from risk_shop_daily where shop_id in ("
                + shops + ") and day > ?"
                + " union all " + firstDay.formatted(1) + " union all " + firstDay.formatted(2)
                + " union all " + median.formatted(3) + " union all " + median.formatted(4)
                + " union all " + notDue.formatted(5) + " union all " + notDue.formatted(6);
    }

    /** The parameters of {@link #talliesQuery} at this time. */
    static Object[] talliesParameters(Instant now) {
        Instant since30 = now.minus(java.time.Duration.ofDays(30));
        Instant since90 = now.minus(java.time.Duration.ofDays(90));
        LocalDate day30 = since30.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate day90 = since90.atZone(ZoneOffset.UTC).toLocalDate();
        Instant end30 = day30.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end90 = day90.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Object[] {day90, ts(since90), ts(end90), ts(since30), ts(end30), ts(since90), ts(since30), ts(now),
                ts(since90), ts(now), ts(since30)};
    }

    /**
     * The 30- and 90-day tallies of these shops, in one query: the whole UTC days of each window from
     * {@code risk_shop_daily} (at most one row per shop and day), its first, partial day summed from the read models'
     * rows of that day, the median first response and the unshipped orders not due yet. Shops without any activity
     * get empty tallies.
     */
    public Map<Long, Scorecards.Tally[]> scorecardTallies(java.util.Collection<Long> shopIds, Instant now) {
        LocalDate day30 = now.minus(java.time.Duration.ofDays(30)).atZone(ZoneOffset.UTC).toLocalDate();
        Map<Long, Scorecards.Counts[]> counts = new java.util.HashMap<>();
        Map<Long, long[]> notDueOf = new java.util.HashMap<>();
        Map<Long, Long[]> medians = new java.util.HashMap<>();
        int value = 3 + Scorecards.Counts.COLUMNS.size() + 1;
        jdbc.query(talliesQuery(shopIds), rs -> {
            long shop = rs.getLong(2);
            Scorecards.Counts[] c = counts.computeIfAbsent(shop,
                    k -> new Scorecards.Counts[] {Scorecards.Counts.ZERO, Scorecards.Counts.ZERO});
            switch (rs.getInt(1)) {
                case 0 -> {
                    Scorecards.Counts day = counts(rs, 4);
                    if (rs.getObject(3, LocalDate.class).isAfter(day30)) {
                        c[0] = c[0].plus(day);
                    }
                    c[1] = c[1].plus(day);
                }
                case 1 -> c[1] = c[1].plus(counts(rs, 4));
                case 2 -> c[0] = c[0].plus(counts(rs, 4));
                case 3 -> medians.computeIfAbsent(shop, k -> new Long[2])[1] = rs.getLong(value);
                case 4 -> medians.computeIfAbsent(shop, k -> new Long[2])[0] = rs.getLong(value);
                case 5 -> notDueOf.computeIfAbsent(shop, k -> new long[2])[1] = rs.getLong(value);
                case 6 -> notDueOf.computeIfAbsent(shop, k -> new long[2])[0] = rs.getLong(value);
                default -> throw new IllegalStateException();
            }
        }, talliesParameters(now));
        Map<Long, Scorecards.Tally[]> out = new java.util.HashMap<>();
        for (Long shop : shopIds) {
            Scorecards.Counts[] c = counts.getOrDefault(shop,
                    new Scorecards.Counts[] {Scorecards.Counts.ZERO, Scorecards.Counts.ZERO});
            long[] n = notDueOf.getOrDefault(shop, new long[2]);
            Long[] m = medians.getOrDefault(shop, new Long[2]);
            out.put(shop, new Scorecards.Tally[] {new Scorecards.Tally(c[0], n[0], m[0]),
                    new Scorecards.Tally(c[1], n[1], m[1])});
        }
        return out;
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
