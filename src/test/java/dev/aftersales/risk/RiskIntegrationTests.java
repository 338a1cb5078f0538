package dev.aftersales.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.risk.internal.HolidayExtensions;
import dev.aftersales.risk.internal.RiskSettingsStore;
import dev.aftersales.shared.SettingsStore;
import dev.aftersales.arbitration.AgentDecided;
import dev.aftersales.arbitration.BuyerFlaggedForAbuse;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.PolicyAdministration;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimView;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountLinks;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.NewAccount;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NoticeRequested;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.SqlStatementCounter;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * Risk on PostgreSQL, fed by the real events: scores recomputed on events, fast-track gated for a buyer in review,
 * linked accounts, policy edits applied to clocks started after them, holiday extensions applied exactly once.
 */
@AftersalesIntegrationTest
@RecordApplicationEvents
class RiskIntegrationTests {

    static final AtomicLong FLAG_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    RiskManagement risk;
    @Autowired
    RiskSettingsStore thresholds;
    @Autowired
    PolicyAdministration policy;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    HolidayExtensions extensions;
    @Autowired
    AccountManagement accounts;
    @Autowired
    AccountLinks links;
    @Autowired
    OrderManagement orders;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
    }

    @AfterEach
    void restore() {
        thresholds.change("reviewScore", "70", "test");
        policy.change("sellerFirstResponse", "48h", "test");
        clock.reset();
    }

    void flag(UserAccount buyer) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(
                new BuyerFlaggedForAbuse(FLAG_IDS.incrementAndGet(), 1, buyer.id(), 1, "wardrobing", clock.instant())));
    }

    UserAccount buyerSharing(String phone, String address) {
        String name = Fixtures.unique("linked");
        UserAccount other = accounts.create(new NewAccount(name, Fixtures.PASSWORD, Role.BUYER, "Linked " + name,
                null, phone, null, "ext-" + name));
        if (address != null) {
            accounts.recordAddress(other.id(), address);
        }
        return other;
    }

    long fileSmallRefund(World w, OrderDetails o) {
        return claims.file(ClaimFilings.refundOnly(o, "A", 1, ClaimReason.QUALITY, "one apple was bruised", Money.fen(1000)), w.buyerUser());
    }

    long fileMissing(World w, OrderDetails o) {
        return claims.file(ClaimFilings.missing(o, "A", 1, Remedy.RESHIP, "one box missing"), w.buyerUser());
    }

    @Test
    void anOrdinaryBuyersSmallClaimIsFastTracked() {
        long id = fileSmallRefund(world, order);

        ClaimView claim = views.detail(id, world.buyerUser());
        assertThat(claim.fastTracked()).isTrue();
        assertThat(claim.timeline()).extracting(ClaimView.TimelineView::action).doesNotContain("MARKED_FOR_REVIEW");
        assertThat(risk.verdict(world.buyer().id())).isEqualTo(BuyerRisk.Verdict.NORMAL);
    }

    @Test
    void aBuyerInReviewIsNotFastTrackedAndTheClaimIsMarkedForAgentReview() {
        thresholds.change("reviewScore", "50", "test");
        flag(world.buyer());
        flag(world.buyer());
        buyerSharing(world.buyer().phone(), null);
        buyerSharing(world.buyer().phone(), null);
        BuyerRisk before = risk.buyerRisk(world.buyer().id());
        assertThat(before.score()).isEqualTo(60); // 2 flags × 20 + 2 linked accounts × 10
        assertThat(before.verdict()).isEqualTo(BuyerRisk.Verdict.REVIEW);

        long id = fileSmallRefund(world, order);

        ClaimView claim = views.detail(id, Fixtures.user(fixtures.account(Role.AGENT, null)));
        assertThat(claim.fastTracked()).isFalse();
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        for (ClaimView party : List.of(views.detail(id, world.sellerUser()), views.detail(id, world.buyerUser()))) {
            assertThat(party.timeline()).as("the parties never see why the platform looks closer")
                    .extracting(ClaimView.TimelineView::action).doesNotContain("MARKED_FOR_REVIEW");
            assertThat(party.intervention().reviewReason()).isNull();
        }
        ClaimView.TimelineView mark = claim.timeline().stream().filter(t -> t.action().equals("MARKED_FOR_REVIEW"))
                .findFirst().orElseThrow();
        assertThat(mark.note()).contains("marked for agent review: return-abuse score 60");
        assertThat(mark.to()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(claim.intervention().reviewReason()).contains("return-abuse score 60");
        // the mark is not a move: the seller has not answered yet
        assertThat(risk.scorecard(world.shop().id()).last30().answered()).isZero();
    }

    @Test
    void aShopsScorecardIsComputedOnceUntilSomethingAboutTheShopChanges() throws Exception {
        long shop = world.shop().id();
        ShopScorecard first = risk.scorecard(shop);

        assertThat(dev.aftersales.support.SqlStatementCounter.count(() -> risk.scorecards(List.of(shop))))
                .as("statements to show the scorecard again").isZero();

        fileMissing(world, order);
        assertThat(risk.scorecards(List.of(shop)).get(shop).last30().claims())
                .as("a new claim of the shop shows at once").isEqualTo(first.last30().claims() + 1);
        clock.advance(Duration.ofMinutes(6));
        assertThat(dev.aftersales.support.SqlStatementCounter.count(() -> risk.scorecard(shop)))
                .as("read again once older than its maximum age").isPositive();
    }

    @Test
    void theScoreIsRecomputedOnEveryEventAndTheWatchlistShowsIt() {
        assertThat(risk.watchlist()).extracting(RiskManagement.WatchRow::buyerId).doesNotContain(world.buyer().id());

        flag(world.buyer());
        flag(world.buyer());

        // every test buyer shares the fixtures' delivery address, so linked accounts add their points too
        int linked = risk.buyerRisk(world.buyer().id()).signals().stream().filter(s -> s.code().equals("LINKED"))
                .mapToInt(BuyerRisk.Signal::points).sum();
        assertThat(risk.watchlist()).filteredOn(r -> r.buyerId() == world.buyer().id())
                .singleElement().satisfies(r -> {
                    assertThat(r.score()).isEqualTo(40 + linked);
                    assertThat(r.verdict()).isEqualTo(BuyerRisk.Verdict.WATCH);
                });
        BuyerRisk.Signal flags = risk.buyerRisk(world.buyer().id()).signals().stream()
                .filter(s -> s.code().equals("FLAGS")).findFirst().orElseThrow();
        assertThat(flags.args()).containsExactly(2);
    }

    @Test
    void aClaimTheWeightContradictsCountsOnTheScoreAndTheSellersAnswerOnTheScorecard() {
        // the parcel weighed as much as every line: a missing-item claim is contradicted
        long id = fileMissing(world, order);
        assertThat(views.detail(id, world.buyerUser()).weightCheck().verdict().name()).isEqualTo("CONTRADICTS");

        BuyerRisk r = risk.buyerRisk(world.buyer().id());
        assertThat(r.signals()).filteredOn(s -> s.code().equals("WEIGHT")).singleElement()
                .satisfies(s -> assertThat(s.points()).isEqualTo(15));

        clock.advance(Duration.ofHours(3));
        claims.accept(id, world.sellerUser(), null);
        new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.publishEvent(new AgentDecided(id,
                "X", order.id(), world.shop().id(), world.buyer().id(), 1, DecisionOutcome.RESHIP, CostBearer.SELLER,
                true, false, null, "S4.2", clock.instant())));

        ShopScorecard.Metrics m = risk.scorecard(world.shop().id()).last30();
        assertThat(m.orders()).isEqualTo(1);
        assertThat(m.claims()).isEqualTo(1);
        assertThat(m.shortShipments()).isEqualTo(1);
        assertThat(m.answered()).isEqualTo(1);
        assertThat(m.answeredWithinDeadline()).isEqualTo(1);
        assertThat(m.medianFirstResponseMinutes()).isEqualTo(180L);
        assertThat(m.sellerAtFault()).isEqualTo(1);
    }

    @Test
    void linkedAccountsAreFoundBySharedPhoneOrAddressAndShownWithWhatLinksThem() {
        String phone = "139" + String.format("%08d", FLAG_IDS.incrementAndGet() % 100_000_000);
        String street = "成都市武侯区科华北路 " + FLAG_IDS.incrementAndGet() + " 号 3 单元 1101";
        UserAccount me = buyerSharing(phone, street);
        UserAccount samePhone = buyerSharing(phone, null);
        UserAccount sameAddress = buyerSharing("137" + String.format("%08d", FLAG_IDS.incrementAndGet() % 100_000_000),
                street.replace(" ", ""));
        UserAccount stranger = buyerSharing("136" + String.format("%08d", FLAG_IDS.incrementAndGet() % 100_000_000),
                "杭州市西湖区文三路 " + FLAG_IDS.incrementAndGet() + " 号");

        List<AccountLinks.Link> found = links.linksOf(me.id(), 10);

        assertThat(found).extracting(AccountLinks.Link::accountId, AccountLinks.Link::via).containsExactly(
                org.assertj.core.groups.Tuple.tuple(samePhone.id(), AccountLinks.Via.PHONE),
                org.assertj.core.groups.Tuple.tuple(sameAddress.id(), AccountLinks.Via.ADDRESS));
        assertThat(found.get(0).value()).isEqualTo(phone);
        assertThat(found.get(1).value()).isEqualTo(street);
        assertThat(found).extracting(AccountLinks.Link::accountId).doesNotContain(stranger.id());

        BuyerRisk r = risk.buyerRisk(me.id());
        assertThat(r.links()).extracting(BuyerRisk.LinkedAccount::username).containsExactly(samePhone.username(),
                sameAddress.username());
        assertThat(r.signals()).filteredOn(s -> s.code().equals("LINKED")).singleElement()
                .satisfies(s -> assertThat(s.points()).isEqualTo(20));
    }

    @Test
    void aBuyerSharingAnAddressWithManyAccountsShowsTenOfThemAndAnEventRescoresAsManyBuyersWithThirtyAsWithTwelve()
            throws Exception {
        String street = "武汉市洪山区珞喻路 " + FLAG_IDS.incrementAndGet() + " 号 校园驿站";
        UserAccount me = buyerSharing("134" + String.format("%08d", FLAG_IDS.incrementAndGet() % 100_000_000), street);
        for (int i = 0; i < 12; i++) {
            buyerSharing(null, street);
        }
        int withTwelve = SqlStatementCounter.count(() -> risk.recompute(me.id()));
        for (int i = 0; i < 18; i++) {
            buyerSharing(null, street);
        }
        int withThirty = SqlStatementCounter.count(() -> risk.recompute(me.id()));

        assertThat(withThirty).as("statements to rescore a buyer linked to 30 accounts, against %d for 12", withTwelve)
                .isEqualTo(withTwelve);
        BuyerRisk r = risk.buyerRisk(me.id());
        assertThat(r.links()).hasSize(10).allSatisfy(l -> assertThat(l.value()).isEqualTo(street));
        assertThat(r.signals()).filteredOn(s -> s.code().equals("LINKED")).singleElement().satisfies(s -> {
            assertThat(s.args()).containsExactly("10+");
            assertThat(s.points()).isEqualTo(20);
        });
    }

    @Test
    void anEventAboutANewlyLinkedBuyerAlsoUpdatesTheStoredScoreOfTheBuyerItLinksTo() {
        String phone = "135" + String.format("%08d", FLAG_IDS.incrementAndGet() % 100_000_000);
        UserAccount me = buyerSharing(phone, null);
        int alone = risk.recompute(me.id()).score();
        assertThat(risk.storedScores(List.of(me.id())).get(me.id()).score()).isEqualTo(alone);

        UserAccount newcomer = buyerSharing(phone, null);
        risk.recompute(newcomer.id());

        int live = risk.buyerRisk(me.id()).score();
        assertThat(live).as("the shared phone adds the linked-account points").isGreaterThan(alone);
        assertThat(risk.storedScores(List.of(me.id())).get(me.id()).score())
                .as("what the queue and the watchlist show").isEqualTo(live);
    }

    @Test
    void aPolicyEditAppliesToClocksStartedAfterItAndNotToRunningOnes() {
        Instant filedBefore = clock.instant();
        long before = fileMissing(world, order);

        assertThat(policy.change("sellerFirstResponse", "24h", "admin-x")).isTrue();
        assertThat(catalog.policyFor(world.shop().id()).sellerFirstResponse()).isEqualTo(Duration.ofHours(24));

        World other = fixtures.world();
        OrderDetails otherOrder = fixtures.paidOrder(other);
        fixtures.deliver(otherOrder, 2_150);
        Instant filedAfter = clock.instant();
        long after = fileMissing(other, otherOrder);

        assertThat(views.detail(before, world.buyerUser()).dueAt()).isEqualTo(filedBefore.plus(Duration.ofHours(48)));
        assertThat(views.detail(after, other.buyerUser()).dueAt()).isEqualTo(filedAfter.plus(Duration.ofHours(24)));
        SettingsStore.Change change = policy.changes(1).get(0);
        assertThat(change.name()).isEqualTo("sellerFirstResponse");
        assertThat(change.oldValue()).isEqualTo("48h");
        assertThat(change.newValue()).isEqualTo("24h");
        assertThat(change.changedBy()).isEqualTo("admin-x");
        assertThat(policy.change("sellerFirstResponse", "24h", "admin-x")).as("same value again").isFalse();
        assertThatThrownBy(() -> policy.change("sellerFirstResponse", "soon", "admin-x"))
                .isInstanceOf(SettingsStore.Rejected.class);
    }

    @Test
    void aHolidayExtensionMovesEveryDueTimeInItsRangeExactlyOnceAndTellsTheParties() throws Exception {
        clock.set(Instant.parse("2031-02-10T02:00:00Z"));
        World w = fixtures.world();
        OrderDetails delivered = fixtures.paidOrder(w);
        fixtures.deliver(delivered, 2_150);
        long id = fileMissing(w, delivered);
        Instant due = views.detail(id, w.buyerUser()).dueAt();
        assertThat(due).isEqualTo(Instant.parse("2031-02-12T02:00:00Z"));
        HolidayExtensions.Request request = new HolidayExtensions.Request(UUID.randomUUID().toString(),
                HolidayExtensions.Target.CLAIMS, ClaimStatus.AWAITING_SELLER, Party.SELLER, 24,
                Instant.parse("2031-02-11T16:00:00Z"), Instant.parse("2031-02-12T16:00:00Z"), "Spring Festival");

        // two admins submit the same form at the same moment
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<HolidayExtensions.Result> first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return extensions.apply(request, "admin1");
        });
        CompletableFuture<HolidayExtensions.Result> second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return extensions.apply(request, "admin2");
        });
        start.countDown();
        List<HolidayExtensions.Result> results = List.of(first.get(), second.get());
        HolidayExtensions.Result again = extensions.apply(request, "admin1");

        assertThat(results).filteredOn(HolidayExtensions.Result::alreadyApplied).hasSize(1);
        assertThat(again.alreadyApplied()).isTrue();
        ClaimView claim = views.detail(id, w.buyerUser());
        assertThat(claim.dueAt()).isEqualTo(due.plus(Duration.ofHours(24)));
        assertThat(claim.timeline()).filteredOn(t -> t.action().equals("DUE_EXTENDED")).singleElement()
                .satisfies(t -> assertThat(t.note()).contains("+24 h").contains("2031-02-12T02:00:00Z")
                        .contains("2031-02-13T02:00:00Z"));
        assertThat(events.stream(NoticeRequested.class).filter(n -> n.key().endsWith(":claim:" + id)))
                .singleElement().satisfies(n -> {
                    assertThat(n.buyerId()).isEqualTo(w.buyer().id());
                    assertThat(n.shopId()).isEqualTo(w.shop().id());
                    assertThat(n.messageCode()).isEqualTo("risk.notice.claimExtended");
                    assertThat(n.link()).isEqualTo("/buyer/claims/" + id);
                });

        // the deadline sweep now waits for the new due time: at the old one nothing happens
        clock.set(due.plusSeconds(60));
        claims.claim(id, w.sellerUser());
        assertThat(views.detail(id, w.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void aHolidayExtensionOfShipByTimesMovesUnshippedOrdersOnly() {
        clock.set(Instant.parse("2031-03-10T02:00:00Z"));
        World w = fixtures.world();
        OrderDetails unshipped = fixtures.paidOrder(w); // paid 01:00, ship by 2031-03-12T01:00Z
        OrderDetails shipped = fixtures.paidOrder(w);
        fixtures.ship(shipped);
        HolidayExtensions.Request request = new HolidayExtensions.Request(UUID.randomUUID().toString(),
                HolidayExtensions.Target.SHIP_BY, null, null, 48, Instant.parse("2031-03-11T16:00:00Z"),
                Instant.parse("2031-03-12T16:00:00Z"), "National Day");

        HolidayExtensions.Result result = extensions.apply(request, "admin");
        HolidayExtensions.Result again = extensions.apply(request, "admin");

        assertThat(result.extended()).isGreaterThanOrEqualTo(1);
        assertThat(again.alreadyApplied()).isTrue();
        assertThat(orders.details(unshipped.id()).shipBy()).isEqualTo(unshipped.shipBy().plus(Duration.ofHours(48)));
        assertThat(orders.details(shipped.id()).shipBy()).isEqualTo(shipped.shipBy());
        assertThat(events.stream(NoticeRequested.class).filter(n -> n.key().endsWith(":order:" + unshipped.id())))
                .hasSize(1);
    }

    @Test
    void aHolidayExtensionWithABadRangeIsRefusedNamingTheField() {
        HolidayExtensions.Request backwards = new HolidayExtensions.Request(UUID.randomUUID().toString(),
                HolidayExtensions.Target.CLAIMS, null, null, 24, Instant.parse("2031-02-12T00:00:00Z"),
                Instant.parse("2031-02-11T00:00:00Z"), "oops");
        assertThatThrownBy(() -> extensions.apply(backwards, "admin"))
                .isInstanceOfSatisfying(SettingsStore.Rejected.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(extensions.applied(50)).extracting(HolidayExtensions.Applied::id).doesNotContain(backwards.id());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
