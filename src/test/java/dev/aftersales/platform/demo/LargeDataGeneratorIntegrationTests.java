package dev.aftersales.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.aftersales.claims.ClaimDeadlineSweep;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.ShipByWatcher;
import dev.aftersales.notifications.internal.DeadlineReminderSweep;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.payments.internal.PaymentRetrySweep;
import dev.aftersales.shipping.ShipmentStatus;
import dev.aftersales.shipping.ShipmentView;
import dev.aftersales.shipping.ShippingManagement;
import dev.aftersales.shipping.TrackingWatch;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.TestDatabase;

/**
 * The benchmark data generator writes orders in every shipping state and claims in every status of every type that
 * the desk itself accepts: its pages render them for their buyer, seller and agent, its watchers find nothing left
 * undone, its deadline sweep applies every consequence, and the money adds up.
 * <p>
 * On a database of its own: thousands of generated orders and claims with running deadlines in the shared test
 * database would become every later test's sweep work.
 */
@AftersalesIntegrationTest
class LargeDataGeneratorIntegrationTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        String url = TestDatabase.freshDatabase("aftersales_generated");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    LargeDataGenerator generator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderManagement orders;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    MutableClock clock;
    @Autowired
    ClaimDeadlineSweep deadlines;
    @Autowired
    PaymentRetrySweep payments;
    @Autowired
    ShipByWatcher shipBy;
    @Autowired
    TrackingWatch tracking;
    @Autowired
    DeadlineReminderSweep reminders;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void generatesConsistentOrdersInEveryShippingStateAndContinuesNumbering() {
        List<Long> progress = new ArrayList<>();
        LargeDataGenerator.Range first = generator.generate(1_000, progress::add);
        LargeDataGenerator.Range second = generator.generate(20, done -> { });

        assertThat(first.to() - first.from()).isEqualTo(999);
        assertThat(second.from()).isEqualTo(first.to() + 1);
        assertThat(progress).containsExactly(1_000L);

        Map<String, Object> totals = jdbc.queryForMap("""
                select count(*) as orders,
                       count(*) filter (where o.paid_minor <> (select sum(l.paid_minor) from order_lines l
                                                              where l.order_id = o.id)) as wrong_totals,
                       count(*) filter (where (select count(*) from order_lines l where l.order_id = o.id)
                                              not between 1 and 3) as wrong_line_counts,
                       count(*) filter (where not exists (select 1 from order_status_history h
                                                          where h.order_id = o.id)) as without_history,
                       count(*) filter (where not exists (select 1 from risk_orders r
                                                          where r.order_id = o.id)) as unknown_to_risk
                from orders o where o.order_number between ? and ?""", number(first.from()), number(second.to()));
        assertThat(totals).containsEntry("orders", 1_020L).containsEntry("wrong_totals", 0L)
                .containsEntry("wrong_line_counts", 0L).containsEntry("without_history", 0L)
                .containsEntry("unknown_to_risk", 0L);

        // Every shipping state is there, as the desk derives it (orders without a claim).
        assertThat(orders.byNumber(unclaimed(first, 0)).orElseThrow().status())
                .isEqualTo(OrderStatus.AWAITING_SHIPMENT);
        assertThat(parcelOf(unclaimed(first, 1)).status()).isEqualTo(ShipmentStatus.AWAITING_PICKUP);
        assertThat(parcelOf(unclaimed(first, 2)).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(parcelOf(unclaimed(first, 4)).status()).isEqualTo(ShipmentStatus.STALLED);
        ShipmentView delivered = parcelOf(unclaimed(first, 7));
        assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(delivered.measuredWeightGrams()).isPositive();
        assertThat(orders.byNumber(unclaimed(first, 7)).orElseThrow().status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void generatesAboutOneClaimInFiveOrdersInEveryStatusOfEveryTypeWithTheMoneyAddingUp() {
        LargeDataGenerator.Range range = generator.generate(2_000, done -> { });

        Map<String, Long> counts = generator.counts(range);
        assertThat(counts.get("claims")).isBetween(340L, 460L);
        assertThat(counts.get("open claims")).isBetween(60L, counts.get("claims") / 2);
        assertThat(counts.get("timeline entries")).isGreaterThan(3 * counts.get("claims"));
        assertThat(counts.get("ledger entries")).isPositive();
        assertThat(counts.get("decisions")).isPositive();
        assertThat(counts.get("inbox items")).isGreaterThan(counts.get("claims"));
        assertThat(jdbc.queryForList("select distinct c.status from claims c join orders o on o.id = c.order_id "
                + "where o.order_number between ? and ?", String.class, number(range.from()), number(range.to())))
                .containsExactlyInAnyOrder(Arrays.stream(ClaimStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(jdbc.queryForList("select distinct c.type from claims c join orders o on o.id = c.order_id "
                + "where o.order_number between ? and ?", String.class, number(range.from()), number(range.to())))
                .containsExactlyInAnyOrder(Arrays.stream(ClaimType.values()).map(Enum::name).toArray(String[]::new));

        assertThat(GeneratedDataChecks.violations(jdbc, range, clock.instant())).allSatisfy((check, count) ->
                assertThat(count).as(check).isZero());

        // the quality counters, counted set-based batch by batch, hold every generated sale, claim and refund
        Map<String, Object> quality = jdbc.queryForMap("""
                with gen as (select id from shops where code like 'GEN%')
                select (select coalesce(sum(units), 0) from quality_units_sold where shop_id in (select id from gen))
                         as counted_units,
                       (select coalesce(sum(l.quantity), 0) from orders o join order_lines l on l.order_id = o.id
                        where o.shop_id in (select id from gen) and o.cancelled_at is null) as sold_units,
                       (select coalesce(sum(claims), 0) from quality_daily where shop_id in (select id from gen))
                         as counted_claims,
                       (select count(*) from (select distinct cl.claim_id, cl.sku from claim_lines cl
                                              join claims c on c.id = cl.claim_id
                                              where c.shop_id in (select id from gen)) k) as claimed_skus,
                       (select coalesce(sum(refunded_minor), 0) from quality_daily
                        where shop_id in (select id from gen)) as counted_refunded,
                       (select coalesce(sum(case when m.kind = 'REVERSAL' then -m.amount_minor else m.amount_minor end),
                                        0)
                        from payment_movements m join claims c on c.id = m.claim_id
                        where c.shop_id in (select id from gen) and m.status = 'SUCCEEDED'
                          and m.kind in ('REFUND', 'REVERSAL')
                          and exists (select 1 from claim_lines cl where cl.claim_id = c.id)) as refunded""");
        assertThat(((Number) quality.get("counted_units")).longValue()).isPositive()
                .isEqualTo(((Number) quality.get("sold_units")).longValue());
        assertThat(((Number) quality.get("counted_claims")).longValue()).isPositive()
                .isEqualTo(((Number) quality.get("claimed_skus")).longValue());
        assertThat(((Number) quality.get("counted_refunded")).longValue()).isPositive()
                .isEqualTo(((Number) quality.get("refunded")).longValue());

        // the scorecard counters of the generated shops, added batch by batch, hold what their rows contribute
        String columns = "orders, late_shipped, unshipped, claims, short_shipments, no_tracking, out_of_stock, "
                + "answered, within_deadline, escalated, seller_at_fault, ratings, stars";
        String nonZero = "greatest(abs(orders), abs(late_shipped), abs(unshipped), abs(claims), abs(short_shipments), "
                + "abs(no_tracking), abs(out_of_stock), abs(answered), abs(within_deadline), abs(escalated), "
                + "abs(seller_at_fault), abs(ratings), abs(stars)) > 0";
        String gen = "shop_id in (select id from shops where code like 'GEN%')";
        String counted = "select shop_id, day, " + columns + " from risk_shop_daily where " + gen + " and " + nonZero;
        String contributed = "select * from (select shop_id, (at at time zone 'UTC')::date as day, "
                + Arrays.stream(columns.split(", ")).map(c -> "sum(" + c + ")::integer as " + c)
                        .collect(java.util.stream.Collectors.joining(", "))
                + " from risk_shop_contributions where " + gen + " group by 1, 2) e where " + nonZero;
        Map<String, Object> scorecards = jdbc.queryForMap("select (select count(*) from (" + counted + ") c) as days, "
                + "(select count(*) from ((" + counted + " except " + contributed + ") union all (" + contributed
                + " except " + counted + ")) d) as differing, (select coalesce(sum(claims), 0) from risk_shop_daily "
                + "where " + gen + ") as claims, (select count(*) from risk_claims where " + gen
                + " and filed_by_buyer) as buyers_claims");
        assertThat(((Number) scorecards.get("days")).longValue()).as("counted shop days").isPositive();
        assertThat(((Number) scorecards.get("differing")).longValue()).as("shop days counted otherwise").isZero();
        assertThat(((Number) scorecards.get("claims")).longValue()).isPositive()
                .isEqualTo(((Number) scorecards.get("buyers_claims")).longValue());
    }

    @Test
    void generatedClaimsRenderOnTheirBuyersSellersAndAgentsPages() {
        LargeDataGenerator.Range range = generator.generate(2_000, true, done -> { });
        Map<String, Map<String, Object>> samples = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("""
                select distinct on (c.status) c.id, c.claim_number, c.status, c.order_id, o.order_number, s.code as shop,
                       c.shop_id,
                       b.id as buyer_id, b.username as buyer
                from claims c join orders o on o.id = c.order_id join shops s on s.id = c.shop_id
                join user_accounts b on b.id = c.buyer_id
                where o.order_number between ? and ? order by c.status, (s.code = ?) desc, c.id""",
                number(range.from()), number(range.to()), GeneratedAccounts.SIGN_IN_SHOP)) {
            samples.put((String) row.get("status"), row);
        }
        assertThat(samples).hasSize(ClaimStatus.values().length);

        HttpUser agent = HttpUser.browser(port);
        HttpUser seller = HttpUser.browser(port);
        assertThat(agent.attemptSignIn("gen-agent", "demo").location()).isEqualTo("/agent/queue");
        assertThat(seller.attemptSignIn("gen-seller", "demo").location()).isEqualTo("/seller/orders");
        String hash = passwords.encode("demo");
        for (Map<String, Object> claim : samples.values()) {
            long id = ((Number) claim.get("id")).longValue();
            String number = (String) claim.get("claim_number");
            String status = label((String) claim.get("status"));
            assertPage(agent.get("/agent/claims/" + id), number, status);
            if (jdbc.queryForObject("select count(*) from claim_timeline where claim_id = ? and to_status = "
                    + "'AWAITING_AGENT'", Long.class, id) > 0) {
                assertPage(agent.get("/agent/cases/" + id), number, status);
            }
            if (GeneratedAccounts.SIGN_IN_SHOP.equals(claim.get("shop"))) {
                assertPage(seller.get("/seller/claims/" + id), number, status);
            }
            jdbc.update("update user_accounts set password_hash = ? where id = ?", hash, claim.get("buyer_id"));
            HttpUser buyer = HttpUser.browser(port).signIn((String) claim.get("buyer"), "demo");
            assertPage(buyer.get("/buyer/claims/" + id), number, status);
            assertPage(buyer.get("/buyer/orders/" + claim.get("order_id")), (String) claim.get("order_number"),
                    number);
            List<Long> told = jdbc.queryForList("select id from inbox_items where recipient_id = ? "
                    + "order by created_at desc, id desc limit 1", Long.class, claim.get("buyer_id"));
            if (!told.isEmpty()) {
                assertPage(buyer.get("/inbox"), "action=\"/inbox/" + told.get(0) + "/open\"");
            }
        }

        Long genShop = jdbc.queryForObject("select id from shops where code = ?", Long.class,
                GeneratedAccounts.SIGN_IN_SHOP);
        String soonestForSeller = jdbc.queryForObject("""
                select claim_number from claims where shop_id = ? and party_to_act in ('SELLER', 'BOTH')
                order by due_at, id limit 1""", String.class, genShop);
        assertPage(seller.get("/seller/claims"), soonestForSeller);
        long escalatedShop = ((Number) samples.get("AWAITING_AGENT").get("shop_id")).longValue();
        String queued = jdbc.queryForObject("""
                select claim_number from claims where shop_id = ? and status in ('AWAITING_AGENT', 'AWAITING_EVIDENCE')
                order by due_at, requested_amount_minor desc limit 1""", String.class, escalatedShop);
        assertPage(agent.get("/agent/queue?shop=" + escalatedShop), queued);
        assertPage(agent.get("/agent/dashboard"), messages.getMessage("arbitration.dashboard.title", null,
                Locale.ENGLISH));
        HttpUser genBuyer = HttpUser.browser(port).signIn("gen-buyer", "demo");
        String newest = jdbc.queryForObject("""
                select o.order_number from orders o join user_accounts b on b.id = o.buyer_id
                where b.username = 'gen-buyer' order by o.paid_at desc, o.id desc limit 1""", String.class);
        assertPage(genBuyer.get("/buyer/orders"), newest);
    }

    @Test
    void theSweepsFindNothingLeftUndoneAndApplyEveryDueConsequenceWithTheMoneyStillAddingUp() {
        LargeDataGenerator.Range range = generator.generate(2_000, done -> { });
        String from = number(range.from());
        String to = number(range.to());
        Map<String, Long> before = sweepTraces(from, to);

        shipBy.runDue();
        tracking.flagScanless();
        tracking.noticeStalls();
        reminders.runDue();
        assertThat(sweepTraces(from, to)).as("the watchers had already done their work").isEqualTo(before);

        List<Long> overdue = jdbc.queryForList("""
                select c.id from claims c join orders o on o.id = c.order_id
                where o.order_number between ? and ? and c.deadline_at <= ?""", Long.class, from, to,
                Timestamp.from(clock.instant()));
        sweepUntilQuiet();
        payUntilQuiet();
        if (!overdue.isEmpty()) {
            assertThat(jdbc.queryForObject("select count(*) from claims where id in (" + ids(overdue)
                    + ") and deadline_at <= ?", Long.class, Timestamp.from(clock.instant()))).isZero();
        }
        assertThat(failedConsequences(from, to)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from payment_movements m join orders o on o.id = m.order_id
                where o.order_number between ? and ? and m.status = 'PENDING'""", Long.class, from, to)).isZero();

        // Ten days later every clock of every generated claim has run out: each consequence applies.
        clock.advance(Duration.ofDays(10));
        sweepUntilQuiet();
        payUntilQuiet();
        sweepUntilQuiet();
        assertThat(failedConsequences(from, to)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from claims c join orders o on o.id = c.order_id
                where o.order_number between ? and ? and c.deadline_at <= ?""", Long.class, from, to,
                Timestamp.from(clock.instant()))).isZero();
        assertThat(GeneratedDataChecks.moneyViolations(jdbc, range)).allSatisfy((check, count) ->
                assertThat(count).as(check).isZero());
    }

    private void sweepUntilQuiet() {
        while (deadlines.runDue() > 0) {
            // another pass: a pass handles at most a thousand claims
        }
    }

    private void payUntilQuiet() {
        while (payments.retryDue() > 0) {
            // another pass: a pass pays at most 200 movements
        }
    }

    private long failedConsequences(String from, String to) {
        return jdbc.queryForObject("""
                select count(*) from claim_timeline t join claims c on c.id = t.claim_id
                join orders o on o.id = c.order_id
                where o.order_number between ? and ? and t.rule = 'consequence-failed'""", Long.class, from, to);
    }

    /** What the watchers and the reminder sweep leave behind on the generated orders. */
    private Map<String, Long> sweepTraces(String from, String to) {
        return jdbc.queryForObject("""
                select (select count(*) from claims c join orders o on o.id = c.order_id
                        where o.order_number between ? and ?) as claims,
                       (select count(*) from tracking_flags f join orders o on o.id = f.order_id
                        where o.order_number between ? and ?) as flags,
                       (select count(*) from tracking_stalls s join orders o on o.id = s.order_id
                        where o.order_number between ? and ?) as stalls,
                       (select count(*) from deadline_reminders d join claims c on c.id = d.claim_id
                        join orders o on o.id = c.order_id where o.order_number between ? and ?) as reminders""",
                (rs, i) -> Map.of("claims", rs.getLong(1), "flags", rs.getLong(2), "stalls", rs.getLong(3),
                        "reminders", rs.getLong(4)),
                from, to, from, to, from, to, from, to);
    }

    private String label(String status) {
        return messages.getMessage("claim.status." + status, null, Locale.ENGLISH);
    }

    private static void assertPage(Page page, String... texts) {
        assertThat(page.status()).as(page.uri().toString()).isEqualTo(200);
        assertThat(page.body()).as(page.uri().toString()).contains(texts);
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static String number(long n) {
        return LargeDataGenerator.Range.orderNumber(n);
    }

    /** The first generated order without a claim whose number ends in {@code digit}. */
    private String unclaimed(LargeDataGenerator.Range range, int digit) {
        return jdbc.queryForObject("""
                select o.order_number from orders o where o.order_number between ? and ?
                  and substring(o.order_number from 12)::int = ?
                  and not exists (select 1 from claims c where c.order_id = o.id)
                order by o.order_number limit 1""", String.class, number(range.from()), number(range.to()), digit);
    }

    private ShipmentView parcelOf(String orderNumber) {
        OrderDetails order = orders.byNumber(orderNumber).orElseThrow();
        List<ShipmentView> parcels = shipping.shipmentsOf(order.id());
        assertThat(parcels).hasSize(1);
        return parcels.get(0);
    }
}
