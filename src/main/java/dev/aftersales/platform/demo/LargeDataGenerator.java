package dev.aftersales.platform.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.PolicyDefaults;
import dev.aftersales.claims.WeightCheckSettings;
import dev.aftersales.quality.QualityCatchUp;
import dev.aftersales.risk.RiskManagement;

/**
 * Generates a large, consistent data set for benchmarks: its own shops, products, buyers and agents
 * ({@link GeneratedAccounts}), as many orders as asked ({@code GEN000000001}…, {@link GeneratedOrders}) and, on about
 * one order in five, a claim that walked one of the paths of {@link GenScenarios} to any status of the lifecycle,
 * with everything the modules keep about it: lines, timeline, messages, evidence, parcels ({@link GeneratedClaims}),
 * the ledger ({@link GeneratedMoney}), the platform's decisions ({@link GeneratedArbitration}), inbox items and
 * ratings ({@link GeneratedNotices}), the shop's record and the risk read models ({@link GeneratedRisk}), the quality
 * counters (counted set-based by {@link QualityCatchUp}); at the end
 * the buyers' return-abuse scores are computed by the risk module itself.
 *
 * <p>The rows are written set-based in batches of {@value #BATCH} orders, one transaction a batch, so progress is
 * visible and an interrupted run keeps what it finished; a second run continues numbering after the last generated
 * order. It writes straight into the modules' tables (the platform module composes the others): this is bulk
 * loading for measurements, not a business path, and the consistency it promises is checked by
 * {@code LargeDataGeneratorIntegrationTests} through the desk's own pages and sweeps.
 */
@Component
public class LargeDataGenerator {

    static final int BATCH = 50_000;
    /** The password of the accounts {@link #generate(long, boolean, LongConsumer)} lets sign in. */
    static final String SIGN_IN_PASSWORD = "demo";
    /** A 16×16 PNG every generated evidence row points at. */
    static final byte[] EVIDENCE_IMAGE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mM4UaFBEmIY1TCqYfhqAAADaGgQ4a3ZQQAAAABJRU5ErkJggg==");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CatalogManagement catalog;
    private final WeightCheckSettings weight;
    private final PasswordEncoder passwords;
    private final RiskManagement risk;
    private final QualityCatchUp quality;
    private final String displayZone;
    private final Duration reminderLead;

    LargeDataGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            CatalogManagement catalog, WeightCheckSettings weight, PasswordEncoder passwords, RiskManagement risk,
            QualityCatchUp quality, @Value("${aftersales.display-zone:Asia/Shanghai}") String displayZone,
            @Value("${aftersales.notifications.reminder-lead:12h}") Duration reminderLead) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.catalog = catalog;
        this.weight = weight;
        this.passwords = passwords;
        this.risk = risk;
        this.quality = quality;
        this.displayZone = displayZone;
        this.reminderLead = reminderLead;
    }

    /** Adds {@code orders} generated orders (and their claims), without accounts that can sign in. */
    public Range generate(long orders, LongConsumer progress) {
        return generate(orders, false, progress);
    }

    /**
     * Adds {@code orders} generated orders with their claims and reports the number of orders written so far after
     * each batch.
     *
     * @param signIn also let {@code gen-buyer}, {@code gen-seller}, {@code gen-agent} and {@code gen-agent2} sign in
     *               with the password {@value #SIGN_IN_PASSWORD}
     * @return the numbers of the first and last order written
     */
    public Range generate(long orders, boolean signIn, LongConsumer progress) {
        if (orders <= 0) {
            throw new IllegalArgumentException("orders must be positive");
        }
        Instant now = clock.instant();
        PolicyDefaults policy = catalog.platformPolicy();
        GeneratedAccounts accounts = new GeneratedAccounts(jdbc);
        tx.executeWithoutResult(status -> accounts.ensure(now));
        if (signIn) {
            String hash = passwords.encode(SIGN_IN_PASSWORD);
            tx.executeWithoutResult(status -> accounts.enableSignIn(hash, now));
        }
        ScenarioTables scenarios = new ScenarioTables(policy, displayZone);
        GeneratedOrders orderWriter = new GeneratedOrders(jdbc);
        GeneratedClaims claimWriter = new GeneratedClaims(jdbc, weight, policy.appealWindow().toMinutes() / 60.0);
        String sha256 = sha256(EVIDENCE_IMAGE);
        double stallHours = policy.trackingStall().toMinutes() / 60.0;
        Long last = jdbc.queryForObject("select coalesce(max(substring(order_number from 4)::bigint), 0) "
                + "from orders where order_number ~ '^GEN[0-9]{9}$'", Long.class);
        long first = (last == null ? 0 : last) + 1;
        long end = first + orders - 1;
        for (long from = first; from <= end; from += BATCH) {
            long to = Math.min(end, from + BATCH - 1);
            long batchFrom = from;
            int salt = (int) ((from / BATCH) % 1_000_003);
            tx.executeWithoutResult(status -> {
                scenarios.create(jdbc);
                orderWriter.write(batchFrom, to, salt, now, stallHours);
                claimWriter.write(now, EVIDENCE_IMAGE, sha256);
                new GeneratedMoney(jdbc).write(now);
                new GeneratedArbitration(jdbc).write();
                new GeneratedNotices(jdbc, reminderLead).write(now);
                new GeneratedRisk(jdbc).write();
                quality.countOrders(Range.orderNumber(batchFrom), Range.orderNumber(to));
            });
            progress.accept(to - first + 1);
        }
        return new Range(first, end);
    }

    /**
     * Computes the return-abuse score of every generated buyer with the risk module (the watchlist and the queue's
     * risk column read the stored scores), reporting the number done after every 500.
     *
     * @return how many buyers were scored
     */
    public int scoreBuyers(LongConsumer progress) {
        List<Long> buyers = jdbc.queryForList(
                "select id from user_accounts where role = 'BUYER' and username like 'gen-buyer%' order by id",
                Long.class);
        int done = 0;
        for (Long buyer : buyers) {
            risk.recompute(buyer);
            if (++done % 500 == 0 || done == buyers.size()) {
                progress.accept(done);
            }
        }
        return done;
    }

    /** How many rows of each kind the generated orders hold (for the log and the documentation of the shapes). */
    public Map<String, Long> counts(Range range) {
        String from = Range.orderNumber(range.from());
        String to = Range.orderNumber(range.to());
        Map<String, Long> counts = new LinkedHashMap<>();
        String orders = "(select id from orders where order_number between '" + from + "' and '" + to + "')";
        String claims = "(select id from claims where order_id in " + orders + ")";
        counts.put("orders", count("select count(*) from orders where id in " + orders));
        counts.put("claims", count("select count(*) from claims where id in " + claims));
        counts.put("open claims", count("select count(*) from claims where id in " + claims + " and ended_at is null"));
        counts.put("timeline entries", count("select count(*) from claim_timeline where claim_id in " + claims));
        counts.put("messages", count("select count(*) from claim_messages where claim_id in " + claims));
        counts.put("evidence files", count("select count(*) from claim_evidence where claim_id in " + claims));
        counts.put("ledger entries", count("select count(*) from payment_movements where claim_id in " + claims));
        counts.put("decisions", count("select count(*) from arbitration_decisions where claim_id in " + claims));
        counts.put("inbox items", count("select count(*) from inbox_items where link like '/%/claims/%' "
                + "and substring(link from '[0-9]+$')::bigint in " + claims));
        return counts;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** The generated order numbers {@code from}…{@code to}. */
    public record Range(long from, long to) {

        public static String orderNumber(long n) {
            return "GEN%09d".formatted(n);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
