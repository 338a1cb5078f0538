package dev.aftersales.quality;

import static dev.aftersales.support.RefundStories.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.quality.internal.QualityReport;
import dev.aftersales.quality.internal.QualityReports;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimTransitioned;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderCancelled;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderPlaced;
import dev.aftersales.payments.PaymentExecuted;
import dev.aftersales.quality.internal.QualityReport.ProductRow;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.RefundStories;
import dev.aftersales.support.RefundStories.Placed;

/**
 * The quality page on PostgreSQL, fed by the real events of orders placed and cancelled, claims filed and refunds
 * paid: its numbers against a hand-counted shop, an event delivered twice counted once, the flag on a jumping
 * product and not on a steady one, and each shop's figures seen only by its seller and by agents.
 */
@AftersalesIntegrationTest
@RecordApplicationEvents
class QualityIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RefundStories stories;
    @Autowired
    QualityReports reports;
    @Autowired
    ClaimManagement claims;
    @Autowired
    OrderManagement orders;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    QualityCatchUp catchUp;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
    }

    /**
     * The hand-counted shop (A ¥30.00 500 g, B ¥50.00 1,000 g, C ¥9.90 50 g), all today:
     * <ul>
     * <li>order 1: 2 A + 1 B; A: 1 unit damaged, refunded ¥10.00; B: wrong item, rejected (a claim, no refund);</li>
     * <li>order 2: 3 A; 2 units with a quality problem, refunded ¥60.00;</li>
     * <li>order 3: 1 B + 4 C, the parcel weighed 360 g, what it weighs without the B: B missing, corroborated by the
     * weight, refunded ¥50.00 (not a quality reason);</li>
     * <li>order 4: 5 C, cancelled before shipment (not sold).</li>
     * </ul>
     * A: 5 sold, 2 claims (both quality), 2 refunds of 3 units, ¥70.00, 3 units refunded for quality: 60.0 %.
     * B: 2 sold, 2 claims (1 quality), 1 refund of 1 unit, ¥50.00, no quality refund: 0.0 %, 1 short shipment
     * corroborated. C: 4 sold, nothing else: 0.0 %. The shop: 11 sold, 4 claims, 3 refunds, ¥120.00, 3 quality units:
     * 27.3 %.
     */
    Placed[] handCountedShop() {
        var now = clock.instant().minusSeconds(3600);
        Placed o1 = stories.delivered(world, now, 2_150, line("A", 2, 3000), line("B", 1, 5000));
        Placed o2 = stories.delivered(world, now, 1_800, line("A", 3, 3000));
        Placed o3 = stories.delivered(world, now, 360, line("B", 1, 5000), line("C", 4, 990));
        Placed o4 = stories.paid(world, line("C", 5, 990));
        orders.cancel(o4.order().orderNumber(), CancellationReason.OUT_OF_STOCK, "none left", "SELLER");

        stories.refunded(o1, ClaimReason.DAMAGED, "A", 1, Money.fen(1000));
        long wrong = stories.file(o1, ClaimType.REFUND_ONLY, ClaimReason.WRONG_ITEM, Remedy.REFUND, "B", 1,
                Money.fen(5000));
        claims.reject(wrong, world.sellerUser(), null, "We sent the right item.", List.of());
        stories.refunded(o2, ClaimReason.QUALITY, "A", 2, Money.fen(6000));
        long missing = stories.file(o3, ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, Remedy.REFUND, "B", 1,
                Money.fen(5000));
        stories.acceptIfWaiting(o3, missing);
        return new Placed[] { o1, o2, o3, o4 };
    }

    static ProductRow row(QualityReport report, String sku) {
        return report.products().stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
    }

    RequestPostProcessor signIn(dev.aftersales.identity.UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    QualityReport page(String url, RequestPostProcessor user) throws Exception {
        return (QualityReport) mvc.perform(get(url).with(user)).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModel().get("report");
    }

    @Test
    void thePageShowsTheHandCountedFiguresOfEachProduct() throws Exception {
        handCountedShop();
        RequestPostProcessor seller = signIn(world.seller());
        QualityReport report = page("/seller/quality", seller);

        assertThat(report.shopId()).isEqualTo(world.shop().id());
        assertThat(report.days()).isEqualTo(30);
        ProductRow a = row(report, "A");
        assertThat(a.title()).isEqualTo("Apple box");
        assertThat(a.unitsSold()).isEqualTo(5);
        assertThat(a.claims()).isEqualTo(2);
        assertThat(a.qualityClaims()).isEqualTo(2);
        assertThat(a.refunds()).isEqualTo(2);
        assertThat(a.refundedUnits()).isEqualTo(3);
        assertThat(a.refunded()).isEqualTo(Money.fen(7000));
        assertThat(a.qualityRefundedUnits()).isEqualTo(3);
        assertThat(a.qualityRate()).isEqualByComparingTo(new BigDecimal("60.0"));
        assertThat(a.reasons()).extracting(QualityReport.ReasonRow::reason)
                .containsExactlyInAnyOrder(ClaimReason.DAMAGED, ClaimReason.QUALITY);

        ProductRow b = row(report, "B");
        assertThat(b.unitsSold()).isEqualTo(2);
        assertThat(b.claims()).isEqualTo(2);
        assertThat(b.qualityClaims()).isEqualTo(1);
        assertThat(b.refunds()).isEqualTo(1);
        assertThat(b.refunded()).isEqualTo(Money.fen(5000));
        assertThat(b.qualityRefundedUnits()).isZero();
        assertThat(b.qualityRate()).isEqualByComparingTo(new BigDecimal("0.0"));
        assertThat(b.shortCorroborated()).isEqualTo(1);
        var wrongItem = b.reasons().stream().filter(r -> r.reason() == ClaimReason.WRONG_ITEM).findFirst()
                .orElseThrow();
        assertThat(wrongItem.claims()).isEqualTo(1);
        assertThat(wrongItem.refunds()).isZero();

        ProductRow c = row(report, "C");
        assertThat(c.unitsSold()).as("the cancelled order's 5 units are not sold").isEqualTo(4);
        assertThat(c.claims()).isZero();

        var totals = report.totals();
        assertThat(totals.unitsSold()).isEqualTo(11);
        assertThat(totals.claims()).isEqualTo(4);
        assertThat(totals.refunds()).isEqualTo(3);
        assertThat(totals.refunded()).isEqualTo(Money.fen(12000));
        assertThat(totals.qualityRefundedUnits()).isEqualTo(3);
        assertThat(totals.qualityRate()).isEqualByComparingTo(new BigDecimal("27.3"));
        assertThat(totals.shortCorroborated()).isEqualTo(1);

        var today = report.trend().get(report.trend().size() - 1);
        assertThat(report.trend()).hasSize(30);
        assertThat(today.first()).isEqualTo(reports.today());
        assertThat(today.claims()).isEqualTo(4);
        assertThat(today.qualityRefundedUnits()).isEqualTo(3);
        assertThat(today.unitsSold()).isEqualTo(11);

        // the page shows them: A's row, and the refunded amount as money
        mvc.perform(get("/seller/quality").with(seller)).andExpect(status().isOk())
                .andExpect(content().string(containsString("60.0 %")))
                .andExpect(content().string(containsString("27.3 %")))
                .andExpect(content().string(containsString("¥70.00")))
                .andExpect(content().string(containsString("¥120.00")));

        // the 90-day window shows the same (all of it happened today), as weeks
        QualityReport ninety = page("/seller/quality?days=90", seller);
        assertThat(ninety.weekly()).isTrue();
        assertThat(row(ninety, "A").qualityRefundedUnits()).isEqualTo(3);
        assertThat(ninety.trend().stream().mapToLong(QualityReport.TrendPoint::claims).sum()).isEqualTo(4);
        assertThat(ninety.trend().get(0).first()).isEqualTo(ninety.from());
    }

    @Test
    void anEventDeliveredAgainIsCountedOnce() throws Exception {
        handCountedShop();
        QualityReport before = reports.report(world.shop().id(), 30);

        long shopId = world.shop().id();
        List<Object> again = new java.util.ArrayList<>();
        events.stream(OrderPlaced.class).filter(e -> e.shopId() == shopId).forEach(again::add);
        events.stream(OrderCancelled.class).filter(e -> e.shopId() == shopId).forEach(again::add);
        events.stream(ClaimTransitioned.class).filter(e -> e.shopId() == shopId && e.from() == null)
                .forEach(again::add);
        var refunds = events.stream(PaymentExecuted.class).filter(e -> e.claimId() != null).toList();
        again.addAll(refunds);
        assertThat(again).as("the story's events were recorded").hasSizeGreaterThanOrEqualTo(4 + 1 + 4 + 3);
        new TransactionTemplate(transactions).executeWithoutResult(s -> again.forEach(publisher::publishEvent));

        QualityReport after = reports.report(shopId, 30);
        assertThat(after.totals()).isEqualTo(before.totals());
        assertThat(after.products()).isEqualTo(before.products());
        assertThat(row(after, "A").unitsSold()).isEqualTo(5);
        assertThat(after.totals().refunded()).isEqualTo(Money.fen(12000));
    }

    /**
     * Steady S: 30 units sold 60 days ago; today 3 orders of 10, each with one unit refunded for a quality problem:
     * 3 of 30 = 10 %. Jumping J: today 3 orders of 1, each refunded as damaged: 3 of 3 = 100 %. The shop over 90
     * days: 6 of 63 units = 9.5 %, so the bar is 19 %: J is flagged, S is not (and with 2 refunds J would not be).
     */
    @Test
    void aProductWhoseQualityRefundsJumpIsFlaggedAndASteadyOneIsNot() throws Exception {
        var shop = world.shop();
        World w = world;
        createProduct(shop.id(), "S", "Steady soap", 1000);
        createProduct(shop.id(), "J", "Jumpy jug", 2000);
        stories.delivered(w, clock.instant().minus(Duration.ofDays(60)), 30 * 100 + 200, line("S", 30, 1000));
        for (int i = 0; i < 3; i++) {
            Placed s = stories.delivered(w, clock.instant().minusSeconds(3600), 1_300, line("S", 10, 1000));
            stories.refunded(s, ClaimReason.QUALITY, "S", 1, Money.fen(1000));
        }
        for (int i = 0; i < 2; i++) {
            Placed j = stories.delivered(w, clock.instant().minusSeconds(3600), 300, line("J", 1, 2000));
            stories.refunded(j, ClaimReason.DAMAGED, "J", 1, Money.fen(2000));
        }
        QualityReport twoRefunds = reports.report(shop.id(), 30);
        assertThat(twoRefunds.flagged()).as("two quality refunds are below the minimum of 3").isEmpty();

        Placed j = stories.delivered(w, clock.instant().minusSeconds(3600), 300, line("J", 1, 2000));
        stories.refunded(j, ClaimReason.DAMAGED, "J", 1, Money.fen(2000));

        RequestPostProcessor seller = signIn(world.seller());
        QualityReport report = page("/seller/quality", seller);
        assertThat(report.totals().normalRate()).isEqualByComparingTo(new BigDecimal("9.5"));
        assertThat(row(report, "S").rate30()).isEqualByComparingTo(new BigDecimal("10.0"));
        assertThat(row(report, "J").rate30()).isEqualByComparingTo(new BigDecimal("100.0"));
        assertThat(report.flagged()).extracting(ProductRow::sku).containsExactly("J");

        // the 90-day window flags the same product (the rule always looks at the last 30 days) and shows S's 60 units
        QualityReport ninety = page("/seller/quality?days=90", seller);
        assertThat(ninety.flagged()).extracting(ProductRow::sku).containsExactly("J");
        assertThat(row(ninety, "S").unitsSold()).isEqualTo(60);

        // its claims are one click away
        mvc.perform(get("/seller/quality").param("sku", "J").with(seller)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/seller/quality?days=30&amp;sku=J#quality-claims\"")))
                .andExpect(content().string(containsString("id=\"quality-claims\"")));
        var listed = reports.claimsOf(shop.id(), "J", 30);
        assertThat(listed).hasSize(3).allSatisfy(c -> assertThat(c.reason()).isEqualTo(ClaimReason.DAMAGED));
        var html = mvc.perform(get("/seller/quality").param("sku", "J").with(seller)).andReturn().getResponse()
                .getContentAsString();
        for (var c : listed) {
            assertThat(html).contains("href=\"/seller/claims/" + c.claimId() + "\"");
        }
    }

    @Autowired
    dev.aftersales.catalog.CatalogManagement catalogManagement;

    void createProduct(long shopId, String sku, String title, long price) {
        catalogManagement.createProduct(shopId, sku, title, Money.fen(price), 100, true);
    }

    @Test
    void aSellerSeesOnlyTheOwnShopAndAgentsSeeAnyShop() throws Exception {
        handCountedShop();
        World other = fixtures.world();
        stories.delivered(other, clock.instant().minusSeconds(3600), 2_150, line("A", 7, 3000));

        RequestPostProcessor otherSeller = signIn(other.seller());
        // the agents' page of this shop is refused to a seller, even the shop's own
        mvc.perform(get("/agent/shops/" + world.shop().id() + "/quality").with(otherSeller))
                .andExpect(status().isForbidden());
        mvc.perform(get("/agent/shops/" + world.shop().id() + "/quality").with(signIn(world.seller())))
                .andExpect(status().isForbidden());
        // the seller page shows the seller's own shop whatever the request names
        QualityReport own = page("/seller/quality?shopId=" + world.shop().id() + "&shop=" + world.shop().id(),
                otherSeller);
        assertThat(own.shopId()).isEqualTo(other.shop().id());
        assertThat(row(own, "A").unitsSold()).isEqualTo(7);
        assertThat(own.totals().claims()).isZero();
        mvc.perform(get("/seller/quality").with(otherSeller))
                .andExpect(content().string(containsString(other.shop().name())))
                .andExpect(content().string(not(containsString(world.shop().name()))));

        // an agent reads either shop, from a link on the shop's scorecard panel
        RequestPostProcessor agent = signIn(fixtures.account(Role.AGENT, null));
        QualityReport seen = page("/agent/shops/" + world.shop().id() + "/quality", agent);
        assertThat(seen.totals().unitsSold()).isEqualTo(11);
        assertThat(row(seen, "A").qualityRate()).isEqualByComparingTo(new BigDecimal("60.0"));
        mvc.perform(get("/agent/shops/" + world.shop().id() + "/quality").with(agent))
                .andExpect(content().string(containsString(world.shop().name())));
        mvc.perform(get("/agent/shops/999999999/quality").with(agent)).andExpect(status().isNotFound());
        // a buyer reads neither
        mvc.perform(get("/seller/quality").with(signIn(world.buyer()))).andExpect(status().isForbidden());
    }

    /**
     * The set-based count (the history at the first start, the large-data generator) gives the same figures as the
     * listeners: the shop's counters and keys forgotten (in a transaction rolled back), counted again from the
     * orders, claims and ledger, the report is the same; a second run counts nothing.
     */
    @Test
    void theSetBasedCountGivesWhatTheListenersCounted() {
        handCountedShop();
        long shopId = world.shop().id();
        QualityReport byListeners = reports.report(shopId, 30);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            for (String table : List.of("quality_daily", "quality_units_sold", "quality_claims")) {
                jdbc.sql("delete from " + table + " where shop_id = ?").param(shopId).update();
            }
            jdbc.sql("""
                    delete from quality_counted where event_key in (
                      select 'order-placed:' || id from orders where shop_id = :shop
                      union all select 'order-cancelled:' || id from orders where shop_id = :shop
                      union all select 'claim-filed:' || id from claims where shop_id = :shop
                      union all select 'payment:' || m.id from payment_movements m join orders o on o.id = m.order_id
                                where o.shop_id = :shop)""").param("shop", shopId).update();
            assertThat(reports.report(shopId, 30).products()).isEmpty();

            assertThat(catchUp.countShop(shopId)).as("4 orders, 1 cancellation, 4 claims, 3 refunds").isEqualTo(12);
            assertThat(reports.report(shopId, 30)).isEqualTo(byListeners);
            assertThat(catchUp.countShop(shopId)).isZero();
            assertThat(reports.report(shopId, 30)).isEqualTo(byListeners);
        });
    }

    @Test
    void aMangledWindowShowsThirtyDaysAndAnUnknownOrHostileSkuListsNoClaims() throws Exception {
        handCountedShop();
        RequestPostProcessor seller = signIn(world.seller());
        var result = mvc.perform(get("/seller/quality").param("days", "9999").param("sku", "<script>alert(1)</script>")
                .with(seller)).andExpect(status().isOk()).andReturn();
        QualityReport report = (QualityReport) result.getModelAndView().getModel().get("report");
        assertThat(report.days()).isEqualTo(30);
        assertThat(result.getModelAndView().getModel().get("selected")).isNull();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("<script>alert(1)")
                .doesNotContain("id=\"quality-claims\"").contains("60.0 %");
        QualityReport other = page("/seller/quality?days=-90", seller);
        assertThat(other.days()).isEqualTo(30);
        assertThat(row(other, "A").qualityRefundedUnits()).isEqualTo(3);
    }
}
