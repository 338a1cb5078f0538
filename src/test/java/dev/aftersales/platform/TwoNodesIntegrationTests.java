package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.DeskNode;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;
import dev.aftersales.support.Nginx;
import dev.aftersales.support.Poll;

/**
 * Two nodes of the desk on one PostgreSQL behind nginx, as production runs them: two JVMs started from the
 * application's class path ({@link DeskNode}) on a database of their own in the run's PostgreSQL, with the production
 * clock, no demo data, every sweep on and running every second, and Debian's nginx alternating between them.
 * <p>
 * Data comes in as it would in production: the integration API and the pages of node A. SQL writes only what has no
 * API or page: the shop with its product and the first admin account (the desk has no sign-up for either). Due
 * items are made due by their own dates (orders paid three days ago, scans five days old) and by short policy
 * durations given to both nodes as properties (tracking supply 10 s, first scan within 30 s). The mail server is
 * down until node A has been killed in the middle of its claim deadline sweep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

    static final Duration START_BOUND = Duration.ofSeconds(240);
    static final Duration WORK_BOUND = Duration.ofSeconds(180);
    /** Each request's bound: generous, the machine may be busy; this test is about outcomes, not speed. */
    static final Duration REQUEST_BOUND = Duration.ofSeconds(60);
    static final String PASSWORD = "two-nodes-pass-1";
    static final int ORDERS = 3;
    static final Path WORK = Path.of("target", "two-nodes");
    static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 10_000_000L);

    String jdbcUrl;
    String dbUser;
    String dbPassword;
    int smtpPort;
    DeskNode a;
    DeskNode b;
    Nginx nginx;
    GreenMail smtp;
    Connection paymentsHeld;

    HttpUser admin;
    HttpUser seller;
    String apiKey;
    long shopId;
    final List<Long> shipByOrders = new ArrayList<>();
    final List<Long> scanlessShipments = new ArrayList<>();
    final List<Long> stalledShipments = new ArrayList<>();
    final List<Long> delistedClaims = new ArrayList<>();

    @BeforeAll
    void twoNodesBehindNginx() throws Exception {
        Nginx.requireInstalled();
        String runUrl = System.getProperty("spring.datasource.url");
        dbUser = System.getProperty("spring.datasource.username");
        dbPassword = System.getProperty("spring.datasource.password");
        String database = "two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(runUrl, dbUser, dbPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        URI server = URI.create(runUrl.substring("jdbc:".length()));
        jdbcUrl = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
        smtpPort = DeskNode.freePort(); // the mail server is down until the test starts it

        a = DeskNode.start("node-a", nodeProperties("node-a"), WORK);
        b = DeskNode.start("node-b", nodeProperties("node-b"), WORK);
        a.awaitReady(START_BOUND);
        b.awaitReady(START_BOUND);
        nginx = Nginx.inFrontOf(List.of(a, b), WORK.resolve("nginx"));

        // what has no API or page: the shop, its product, the first admin
        try (Connection db = db()) {
            shopId = insert(db, "insert into shops (code, name, created_at) values (?, 'Two Nodes Shop', now())",
                    "TWO" + SEQUENCE.incrementAndGet());
            insert(db, """
                    insert into products (shop_id, sku, title, price_minor, currency, unit_weight_grams, returnable,
                      listed, created_at) values (?, 'A', 'Apple box', 3000, 'CNY', 500, true, true, now())""",
                    shopId);
            insert(db, """
                    insert into user_accounts (username, password_hash, role, display_name, enabled, created_at)
                    values ('ops-admin', ?, 'ADMIN', 'Operations admin', true, now())""",
                    PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD));
            // the test's hold on the late orders' payment accounts (see the last test)
            paymentsHeld = db();
            paymentsHeld.setAutoCommit(false);
        }

        // the rest through node A's pages and API
        admin = new HttpUser(a.base(), REQUEST_BOUND).signIn("ops-admin", PASSWORD, "/admin/users");
        Page issued = admin.submit("/admin/api-clients", "/admin/api-clients", Map.of("name", "storefront"));
        assertThat(issued.status()).isEqualTo(302);
        Matcher key = Pattern.compile("<code[^>]*>([^<]+)</code>").matcher(admin.get("/admin/api-clients").body());
        assertThat(key.find()).as("the issued key is shown once").isTrue();
        apiKey = key.group(1).trim();
        Page created = admin.submit("/admin/users/new", "/admin/users", Map.of("username", "two-seller",
                "displayName", "Two Nodes Seller", "role", "SELLER", "password", PASSWORD, "email",
                "seller@two-nodes.test", "phone", "13900000000", "shopId", Long.toString(shopId)));
        assertThat(created.status()).isEqualTo(302);
        seller = new HttpUser(a.base(), REQUEST_BOUND).signIn("two-seller", PASSWORD, "/seller/orders");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < ORDERS; i++) {
            // paid three days ago and never shipped: past ship-by; the refund at the tracking-supply deadline will
            // wait for the test's uncommitted row of the order's payment account
            long late = order(now.minus(3, ChronoUnit.DAYS));
            shipByOrders.add(late);
            try (PreparedStatement hold = paymentsHeld.prepareStatement("""
                    insert into payment_accounts (order_id, currency, paid_minor, refunded_minor, compensated_minor)
                    values (?, 'CNY', 6000, 0, 0)""")) {
                hold.setLong(1, late);
                hold.executeUpdate();
            }
            // shipped now, never scanned: fake tracking after the first-scan window
            long shipped = order(now.minus(1, ChronoUnit.HOURS));
            scanlessShipments.add(shipment(shipped, null, null));
            // shipped and scanned five days ago, nothing since: a stalled parcel
            long stalled = order(now.minus(6, ChronoUnit.DAYS));
            stalledShipments.add(shipment(stalled, now.minus(5, ChronoUnit.DAYS), now.minus(5, ChronoUnit.DAYS)
                    .plus(1, ChronoUnit.HOURS)));
            // the seller cancels the line as delisted on node A: a case waiting 72 h for the buyer's choice
            delistedClaims.add(cancelAsDelisted(order(now.minus(1, ChronoUnit.HOURS))));
        }
    }

    Map<String, String> nodeProperties(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl + "?ApplicationName=" + name);
        p.put("spring.datasource.username", dbUser);
        p.put("spring.datasource.password", dbPassword);
        p.put("spring.datasource.hikari.maximum-pool-size", "30");
        p.put("aftersales.demo.auto", "false");
        p.put("aftersales.scheduling.enabled", "true");
        p.put("aftersales.claims.deadline-interval", "1s");
        p.put("aftersales.watchers.interval", "1s");
        p.put("aftersales.notifications.reminder-interval", "1s");
        p.put("aftersales.notifications.retry-interval", "1s");
        p.put("aftersales.payments.retry-interval", "1s");
        p.put("aftersales.policy-refresh-interval", "1s");
        p.put("aftersales.policy.tracking-supply", "10s");
        p.put("aftersales.policy.first-scan-within", "30s");
        p.put("aftersales.notifications.reminder-lead", "100h");
        p.put("aftersales.notifications.email.enabled", "true");
        p.put("aftersales.notifications.retry.initial-backoff", "1s");
        p.put("aftersales.notifications.retry.max-backoff", "2s");
        p.put("aftersales.notifications.retry.max-attempts", "100000");
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", Integer.toString(smtpPort));
        p.put("logging.level.dev.aftersales", "INFO");
        return p;
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] { nginx, a, b, paymentsHeld }) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (jdbcUrl != null) {
            try (Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                    dbUser, dbPassword); Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1)
                        + " with (force)");
            }
        }
    }

    @Test
    @Order(1)
    void aSessionMadeOnNodeAWorksOnNodeBAndAClaimMovedOnASeenOnB() {
        long claimId = delistedClaims.get(0);
        String claimPage = "/seller/claims/" + claimId;
        Page moved = seller.submit(claimPage, claimPage + "/messages",
                Map.of("body", "The apple box is no longer made; a refund or another item, your choice"));
        assertThat(moved.status()).isEqualTo(302);

        Page onB = seller.at(b.base()).get(claimPage);
        assertThat(onB.status()).as("the session made on A, on B").isEqualTo(200);
        assertThat(onB.body()).contains("The apple box is no longer made").contains("Two Nodes Seller");

        HttpUser throughProxy = seller.at(nginx.base());
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Page page = throughProxy.get(claimPage);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("The apple box is no longer made");
            answeredBy.add(page.header("X-Upstream"));
        }
        assertThat(answeredBy).as("nginx alternates").containsExactlyInAnyOrder("127.0.0.1:" + a.port(),
                "127.0.0.1:" + b.port());
    }

    @Test
    @Order(2)
    void aPolicyChangeOnNodeAReachesNodeBWithinItsRefreshIntervalEvenWhileASweepOnBWaits() throws Exception {
        assertThat(policyValue(admin.at(b.base()), "appealWindow")).isEqualTo("7d");
        // B's claim deadline sweep is busy: it holds a due claim and waits for the payment account the test holds
        Poll.until("node B in the middle of a deadline, holding the claim", WORK_BOUND,
                () -> nodesHoldingAClaimWhileWaiting().contains("node-b"));
        Page saved = admin.submit("/admin/policy", "/admin/policy/deadlines", Map.of("policy.appealWindow", "9d"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(policyValue(admin, "appealWindow")).as("A at once").isEqualTo("9d");
        // B re-reads every second (aftersales.policy-refresh-interval=1s); the bound only keeps a broken refresh
        // from hanging the test
        Poll.until("node B shows the changed appeal window", Duration.ofSeconds(30),
                () -> policyValue(admin.at(b.base()), "appealWindow"), "9d"::equals);
    }

    @Test
    @Order(3)
    void everySweepActsExactlyOnceOnTwoNodesAndKillingNodeAInTheMiddleOfASweepLosesNothing() throws Exception {
        // node A's claim deadline sweep is caught in the middle: it holds a due claim's row (FOR UPDATE) and waits,
        // inside the consequence, for the order's payment account that the test holds
        Poll.until("node A in the middle of a deadline, holding the claim", WORK_BOUND,
                () -> nodesHoldingAClaimWhileWaiting().contains("node-a"));
        a.kill();
        assertThat(a.isAlive()).isFalse();
        paymentsHeld.rollback();
        paymentsHeld.close();
        paymentsHeld = null;

        // email deliveries failed while the mail server was down and wait for their retry
        Poll.until("an email delivery failed and waiting for its retry", WORK_BOUND, () -> {
            try (Connection db = db()) {
                return count(db, """
                        select count(*) from notification_deliveries
                        where channel = 'EMAIL' and status = 'PENDING' and attempts >= 1""") > 0;
            }
        });
        // the mail server comes back: deliveries that failed until now are retried
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        try {
            Poll.until("every due item handled by node B", WORK_BOUND, this::progress, p -> p.done(ORDERS));
        } catch (AssertionError notDone) {
            throw new AssertionError(notDone.getMessage() + "; threads of node B in " + b.dumpThreads(), notDone);
        }

        try (Connection db = db()) {
            // ship-by watcher: one NO_TRACKING case per late order
            for (long order : shipByOrders) {
                assertThat(count(db, "select count(*) from claims where order_id = ? and type = 'NO_TRACKING'",
                        order)).as("cases of order " + order).isEqualTo(1);
                // claim deadline sweep: the tracking-supply deadline applied once, refund and compensation once
                assertThat(count(db, """
                        select count(*) from claim_timeline t join claims c on c.id = t.claim_id
                        where c.order_id = ? and t.action = 'AUTO_REFUNDED' and t.rule = 'tracking-supply'""",
                        order)).isEqualTo(1);
                assertThat(count(db, "select count(*) from payment_movements where order_id = ? and kind = 'REFUND'",
                        order)).isEqualTo(1);
                assertThat(count(db, """
                        select count(*) from payment_movements where order_id = ? and kind = 'COMPENSATION'""",
                        order)).isEqualTo(1);
                assertThat(count(db, """
                        select count(*) from payment_movements m join orders o on o.id = m.order_id
                        where m.order_id = ? and m.kind = 'REFUND' and m.amount_minor <= o.paid_minor""", order))
                        .as("never more than paid").isEqualTo(1);
            }
            // fake-tracking watcher: one flag and one notice to the seller per scanless parcel
            for (long shipment : scanlessShipments) {
                assertThat(count(db, "select count(*) from tracking_flags where shipment_id = ?", shipment))
                        .isEqualTo(1);
                assertThat(count(db, "select count(*) from inbox_items where event_key = ?",
                        "fake-tracking:shipment:" + shipment)).isEqualTo(1);
            }
            // stalled-tracking watcher: one standstill and one notice to the buyer per parcel
            for (long shipment : stalledShipments) {
                assertThat(count(db, "select count(*) from tracking_stalls where shipment_id = ?", shipment))
                        .isEqualTo(1);
                assertThat(count(db, "select count(*) from inbox_items where event_key like ?",
                        "tracking-stalled:shipment:" + shipment + ":%")).isEqualTo(1);
            }
            // deadline reminders: one per claim and due time, one notice to the buyer whose choice it is
            for (long claim : delistedClaims) {
                assertThat(count(db, "select count(*) from deadline_reminders where claim_id = ?", claim))
                        .isEqualTo(1);
                assertThat(count(db, "select count(*) from inbox_items where event_key like ?",
                        "deadline:" + claim + ":%")).isEqualTo(1);
            }
            // payment retries: every movement paid, each once in the provider's books
            assertThat(count(db, "select count(*) from payment_movements where status <> 'SUCCEEDED'")).isZero();
            assertThat(count(db, """
                    select count(*) from payment_movements m
                    where (select count(*) from provider_transfers p where p.idempotency_key = m.idempotency_key) <> 1
                    """)).isZero();
            assertThat(count(db, "select count(*) from provider_transfers")).isEqualTo(
                    count(db, "select count(*) from payment_movements"));
            // notification retries: every email delivery sent once, after failing while the server was down
            long emails = count(db, "select count(*) from notification_deliveries where channel = 'EMAIL'");
            assertThat(emails).isPositive();
            assertThat(count(db, """
                    select count(*) from notification_deliveries where channel = 'EMAIL' and status = 'SENT'"""))
                    .isEqualTo(emails);
            assertThat(count(db, """
                    select count(*) from notification_deliveries where channel = 'EMAIL' and attempts > 1""")).as(
                    "retried after the mail server came back").isPositive();
            assertThat(smtp.getReceivedMessages()).as("one email per delivery").hasSize((int) emails);
        }
    }

    /**
     * The nodes (by application name) with a backend that waits on a lock inside a claim deadline's consequence while
     * another of their backends, or the same, holds a claim's row.
     */
    List<String> nodesHoldingAClaimWhileWaiting() throws SQLException {
        List<String> nodes = new ArrayList<>();
        try (Connection db = db(); PreparedStatement query = db.prepareStatement("""
                select distinct w.application_name from pg_stat_activity w
                where w.datname = current_database() and w.wait_event_type = 'Lock'
                  and w.query like '%payment_accounts%'
                  and exists (select 1 from pg_locks l
                              where l.pid = w.pid and l.granted
                                and l.relation = 'claims'::regclass and l.mode = 'RowShareLock')""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                nodes.add(rows.getString(1));
            }
        }
        return nodes;
    }

    /** What the sweeps have done so far, and what they still owe. */
    record Progress(long resolvedCases, long flags, long stalls, long reminders, long pendingPayments,
            long pendingEmails, long sentEmails, int receivedEmails) {

        boolean done(int orders) {
            return resolvedCases == orders && flags == orders && stalls == orders && reminders == orders
                    && pendingPayments == 0 && pendingEmails == 0 && receivedEmails >= sentEmails;
        }
    }

    Progress progress() throws SQLException {
        try (Connection db = db()) {
            return new Progress(
                    count(db, """
                            select count(*) from claims where type = 'NO_TRACKING' and status = 'RESOLVED'
                            and order_id = any(?)""", (Object) shipByOrders.toArray(Long[]::new)),
                    count(db, "select count(*) from tracking_flags where shipment_id = any(?)",
                            (Object) scanlessShipments.toArray(Long[]::new)),
                    count(db, "select count(*) from tracking_stalls where shipment_id = any(?)",
                            (Object) stalledShipments.toArray(Long[]::new)),
                    count(db, "select count(*) from deadline_reminders where claim_id = any(?)",
                            (Object) delistedClaims.toArray(Long[]::new)),
                    count(db, "select count(*) from payment_movements where status = 'PENDING'"),
                    count(db, """
                            select count(*) from notification_deliveries where channel = 'EMAIL'
                            and status = 'PENDING'"""),
                    count(db, """
                            select count(*) from notification_deliveries where channel = 'EMAIL'
                            and status = 'SENT'"""),
                    smtp.getReceivedMessages().length);
        }
    }

    // --- data through node A ------------------------------------------------------------------------------------

    long order(Instant paidAt) {
        String number = "TN" + SEQUENCE.incrementAndGet();
        ApiCalls.Response page = new ApiCalls(a.base(), apiKey, REQUEST_BOUND).post("/api/v1/orders", """
                {"orderNumber":"%s","shopCode":"%s",
                 "buyer":{"id":"ext-%s","name":"Buyer %s","phone":"13800000000"},
                 "currency":"CNY","paidAmount":6000,"shippingFee":0,"paidAt":"%s",
                 "delivery":{"recipient":"Buyer","phone":"13800000000","address":"Test Road 1, Hangzhou"},
                 "lines":[{"sku":"A","quantity":2,"unitPrice":3000}]}"""
                .formatted(number, shopCode(), number, number, paidAt));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        return idOf(page.body());
    }

    long shipment(long orderId, Instant shippedAt, Instant scannedAt) throws SQLException {
        String tracking = "SF" + String.format("%013d", SEQUENCE.incrementAndGet());
        String orderNumber;
        try (Connection db = db()) {
            orderNumber = text(db, "select order_number from orders where id = ?", orderId);
        }
        ApiCalls api = new ApiCalls(a.base(), apiKey, REQUEST_BOUND);
        ApiCalls.Response shipped = api.post("/api/v1/shipments", """
                {"orderNumber":"%s","carrier":"SF","trackingNumber":"%s"%s}""".formatted(orderNumber, tracking,
                shippedAt == null ? "" : ",\"shippedAt\":\"" + shippedAt + "\""));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        if (scannedAt != null) {
            ApiCalls.Response scan = api.post("/api/v1/shipments/" + tracking + "/events", """
                    {"eventId":"scan-1","occurredAt":"%s","kind":"IN_TRANSIT","location":"Hangzhou"}"""
                    .formatted(scannedAt));
            assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        }
        return idOf(shipped.body());
    }

    long cancelAsDelisted(long orderId) {
        String form = "/seller/orders/" + orderId + "/cancel-lines";
        Page page = seller.get(form);
        Matcher line = Pattern.compile("name=\"units\\[(\\d+)\\]\"").matcher(page.body());
        assertThat(line.find()).as("a line to cancel").isTrue();
        Page done = seller.post(form, page.csrf(), Map.of("units[" + line.group(1) + "]", "1", "reason", "DELISTED",
                "substituteSku", "", "note", "no longer made"));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        Matcher claim = Pattern.compile("/seller/claims/(\\d+)").matcher(done.location());
        assertThat(claim.find()).as(done.location()).isTrue();
        return Long.parseLong(claim.group(1));
    }

    String shopCode() {
        try (Connection db = db()) {
            return text(db, "select code from shops where id = ?", shopId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String policyValue(HttpUser admin, String name) {
        Page page = admin.get("/admin/policy");
        assertThat(page.status()).isEqualTo(200);
        Matcher value = Pattern.compile("id=\"policy-" + name + "\"[^>]*?value=\"([^\"]*)\"").matcher(page.body());
        assertThat(value.find()).as("the " + name + " field").isTrue();
        return value.group(1);
    }

    static long idOf(String json) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(id.find()).as(json).isTrue();
        return Long.parseLong(id.group(1));
    }

    // --- the database, for setup and for counting effects -------------------------------------------------------

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    static long insert(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql + " returning id")) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static String text(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Long[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("bigint", ids));
            } else {
                statement.setObject(i + 1, args[i]);
            }
        }
    }
}
