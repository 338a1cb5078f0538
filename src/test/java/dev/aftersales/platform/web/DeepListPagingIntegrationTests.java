package dev.aftersales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.aftersales.claims.Claim;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.QueueFilter;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderSummary;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.Keyset;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.QueryPlans;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The deep lists page by position (keyset): walking a list with its links visits every row exactly once and in order,
 * also when many rows share a sort time and under the lists' filters; a link whose position cannot be read, and an old
 * {@code ?page=N} link, answer the first page; a page costs the same statements wherever it is in the list; and a deep
 * page starts in an index rather than reading and sorting the whole list.
 */
@AftersalesIntegrationTest
class DeepListPagingIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimInterventions interventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;

    World world;
    Instant base;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        base = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ------------------------------------------------------------------------------------------ data

    /**
     * {@code count} orders of the world's shop and buyer, paid at one of four times (so most share a paid time with
     * others); every third awaits shipment, by one of two ship-by times.
     */
    void insertOrders(int count) {
        String tag = Fixtures.unique("KS") + "-";
        jdbc.update("""
                insert into orders (order_number, shop_id, buyer_id, status, currency, paid_minor, shipping_fee_minor,
                  paid_at, ship_by, recipient_name, delivery_address, created_at, updated_at)
                select ? || g, ?, ?, case when g % 3 = 0 then 'AWAITING_SHIPMENT' else 'SHIPPED' end, 'CNY', 1000, 0,
                  ?::timestamptz - (g % 4) * interval '1 hour', ?::timestamptz + (g % 2) * interval '1 hour',
                  'Bulk', 'Bulk Road 1', ?::timestamptz, ?::timestamptz
                from generate_series(1, ?) g""", tag, world.shop().id(), world.buyer().id(), ts(base), ts(base),
                ts(base), ts(base), count);
    }

    /**
     * A claim on each of the shop's orders: on every second one waiting for the seller (or for both parties), due at
     * one of three times; on the others with the platform, due at one of two times, asking for one of three amounts,
     * of two types. They have no running deadline, so no sweep acts on them.
     */
    void insertClaims() {
        jdbc.update("""
                insert into claims (claim_number, order_id, order_number, shop_id, buyer_id, type, reason, remedy,
                  requested_amount_minor, currency, status, party_to_act, due_at, deadline_at, escalation_allowed,
                  fast_tracked, refunds_requested, created_at, updated_at)
                select 'KS' || o.id, o.id, o.order_number, o.shop_id, o.buyer_id,
                  case when o.id % 4 < 2 then 'REFUND_ONLY' else 'MISSING_ITEM' end, 'ITEMS_MISSING', 'REFUND',
                  1000 * (o.id % 3), 'CNY',
                  case when o.id % 2 = 0 then 'AWAITING_SELLER' else 'AWAITING_AGENT' end,
                  case when o.id % 2 = 1 then 'AGENT' when o.id % 10 = 0 then 'BOTH' else 'SELLER' end,
                  case when o.id % 2 = 0 then ?::timestamptz + (o.id % 3) * interval '1 hour'
                    else ?::timestamptz + (o.id % 4 / 2) * interval '1 hour' end,
                  null, true, false, 0, ?::timestamptz - (o.id % 2) * interval '1 hour', ?::timestamptz
                from orders o where o.shop_id = ?""", ts(base), ts(base), ts(base), ts(base), world.shop().id());
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    /** Ids in the order a list must show them, sorted here from the rows' own values. */
    List<Long> expected(String sql, Comparator<Map<String, Object>> order) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(sql, world.shop().id()));
        rows.sort(order);
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    static Comparator<Map<String, Object>> by(String column) {
        return Comparator.comparing(r -> ((Timestamp) r.get(column)).toInstant());
    }

    static Comparator<Map<String, Object>> byId() {
        return Comparator.comparingLong(r -> ((Number) r.get("id")).longValue());
    }

    /** Runs {@code work} on rows that vanish afterwards (a rolled-back transaction). */
    void rolledBack(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            work.run();
        });
    }

    // ------------------------------------------------------------------------------------------ walking

    /**
     * Walks a list by its "next" positions, then back from its last page by its "previous" positions: both walks must
     * give the same pages, every page full but the last, and the ids in {@code expected} exactly once, in order.
     */
    static <T> void assertWalks(Function<Keyset.Request, Keyset.Window<T>> list, Function<T, Long> id, int size,
            List<Long> expected) {
        List<List<Long>> forward = new ArrayList<>();
        Keyset.Window<T> window = list.apply(Keyset.Request.first(size));
        assertThat(window.first()).isTrue();
        assertThat(window.hasPrevious()).isFalse();
        forward.add(window.rows().stream().map(id).toList());
        while (window.hasNext()) {
            assertThat(forward).as("pages walked").hasSizeLessThan(expected.size() + 2);
            window = list.apply(Keyset.Request.of(window.next(), null, size));
            assertThat(window.first()).isFalse();
            assertThat(window.hasPrevious()).isTrue();
            forward.add(window.rows().stream().map(id).toList());
        }
        assertThat(forward.stream().flatMap(List::stream).toList()).isEqualTo(expected);
        for (List<Long> page : forward.subList(0, forward.size() - 1)) {
            assertThat(page).hasSize(size);
        }
        assertThat(forward.size()).as("pages of %d rows for %d rows", size, expected.size())
                .isEqualTo((expected.size() + size - 1) / size);

        List<List<Long>> backward = new ArrayList<>();
        backward.add(forward.get(forward.size() - 1));
        while (window.hasPrevious()) {
            assertThat(backward).as("pages walked back").hasSizeLessThan(expected.size() + 2);
            window = list.apply(Keyset.Request.of(null, window.previous(), size));
            assertThat(window.hasNext()).isTrue();
            backward.add(window.rows().stream().map(id).toList());
        }
        assertThat(window.first()).isTrue();
        Collections.reverse(backward);
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void walkingTheSellersOrdersVisitsEachOrderOnceInOrderThoughManyShareAPaidTime() {
        rolledBack(() -> {
            insertOrders(47);
            List<Long> all = expected("select id, paid_at from orders where shop_id = ?",
                    by("paid_at").reversed().thenComparing(byId().reversed()));
            assertThat(all).hasSize(47);
            assertWalks(r -> orders.shopOrders(world.shop().id(), false, r), OrderSummary::id, 5, all);
            assertWalks(r -> orders.buyerOrders(world.buyer().id(), r), OrderSummary::id, 6, all);

            List<Long> toShip = expected(
                    "select id, ship_by from orders where shop_id = ? and status = 'AWAITING_SHIPMENT'",
                    by("ship_by").thenComparing(byId()));
            assertThat(toShip).hasSize(15);
            assertWalks(r -> orders.shopOrders(world.shop().id(), true, r), OrderSummary::id, 4, toShip);

            var found = orders.search(world.buyer().username(), Keyset.Request.first(5));
            assertThat(found.total()).isEqualTo(47);
            assertWalks(r -> orders.search(world.buyer().username(), r).orders(), OrderSummary::id, 5, all);
        });
    }

    @Test
    void walkingTheClaimListsAndTheQueueVisitsEachClaimOnceInOrderAlsoUnderAFilter() {
        rolledBack(() -> {
            insertOrders(60);
            insertClaims();
            List<Long> sellerQueue = expected("""
                    select id, due_at from claims where shop_id = ? and party_to_act in ('SELLER', 'BOTH')""",
                    by("due_at").thenComparing(byId()));
            assertThat(sellerQueue).hasSize(30);
            assertWalks(r -> claims.sellerQueue(world.shop().id(), r), Claim::id, 7, sellerQueue);

            List<Long> buyers = expected("select id, created_at from claims where shop_id = ?",
                    by("created_at").reversed().thenComparing(byId().reversed()));
            assertWalks(r -> claims.buyerClaims(world.buyer().id(), r), Claim::id, 8, buyers);

            Comparator<Map<String, Object>> queueOrder = by("due_at")
                    .thenComparing(Comparator.comparingLong(
                            (Map<String, Object> r) -> ((Number) r.get("requested_amount_minor")).longValue())
                            .reversed())
                    .thenComparing(byId());
            List<Long> queue = expected("""
                    select id, due_at, requested_amount_minor from claims
                    where shop_id = ? and status = 'AWAITING_AGENT'""", queueOrder);
            assertThat(queue).hasSize(30);
            QueueFilter shop = new QueueFilter(null, world.shop().id(), null, null, false, false);
            assertWalks(r -> interventions.queue(shop, r), Claim::id, 4, queue);

            List<Long> filtered = expected("""
                    select id, due_at, requested_amount_minor from claims
                    where shop_id = ? and status = 'AWAITING_AGENT' and type = 'MISSING_ITEM'
                      and requested_amount_minor >= 1000""", queueOrder);
            assertThat(filtered).isNotEmpty().hasSizeLessThan(queue.size());
            QueueFilter narrow = new QueueFilter(ClaimType.MISSING_ITEM, world.shop().id(), 1000L, null, false, false);
            assertWalks(r -> interventions.queue(narrow, r), Claim::id, 3, filtered);
        });
    }

    // ------------------------------------------------------------------------------------------ links

    RequestPostProcessor as(UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    static <T extends AbstractMockHttpServletRequestBuilder<?>> T english(T request) {
        request.locale(Locale.ENGLISH).header("Accept-Language", "en");
        return request;
    }

    static final Pattern NEXT = Pattern.compile("class=\"page-link pager-next\" rel=\"next\" href=\"([^\"]+)\"");
    static final Pattern ORDER_NUMBER = Pattern.compile(">(KS\\d+-\\d+)<");

    @Test
    void followingTheNextLinksOfTheSellersOrdersShowsEveryOrderOnceAndKeepsTheFilter() throws Exception {
        insertOrders(47);
        RequestPostProcessor seller = as(world.seller());
        for (String filter : List.of("all", "to-ship")) {
            List<String> shown = new ArrayList<>();
            String url = "/seller/orders?filter=" + filter;
            int pages = 0;
            while (url != null) {
                String html = mvc.perform(english(get(url)).with(seller)).andReturn().getResponse()
                        .getContentAsString();
                Matcher number = ORDER_NUMBER.matcher(html);
                while (number.find()) {
                    shown.add(number.group(1));
                }
                Matcher next = NEXT.matcher(html);
                url = next.find() ? "/seller/orders" + next.group(1).replace("&amp;", "&") : null;
                if (url != null) {
                    assertThat(url).contains("after=").contains("filter=" + filter);
                }
                assertThat(++pages).isLessThan(10);
            }
            String sql = "all".equals(filter)
                    ? "select order_number from orders where shop_id = ? order by paid_at desc, id desc"
                    : "select order_number from orders where shop_id = ? and status = 'AWAITING_SHIPMENT'"
                            + " order by ship_by, id";
            assertThat(shown).as(filter).isEqualTo(jdbc.queryForList(sql, String.class, world.shop().id()));
            assertThat(pages).as(filter).isEqualTo("all".equals(filter) ? 3 : 1);
        }
    }

    @Test
    void aPositionThatCannotBeReadOrAnOldPageNumberShowsTheFirstPage() throws Exception {
        insertOrders(47);
        String newest = jdbc.queryForObject(
                "select order_number from orders where shop_id = ? order by paid_at desc, id desc limit 1",
                String.class, world.shop().id());
        RequestPostProcessor seller = as(world.seller());
        for (String query : List.of("after=garbage", "before=2026-13-45T99:00:00Z~1", "after=" + "9".repeat(5000),
                "after=2026-11-02T10:00:00Z~12345~1", "after=2026-11-02T10:00:00Z~abc", "after=~",
                "after=-1000000000-01-01T00:00:00Z~1", "before=-5000-01-01T00:00:00Z~1",
                "after=2026-11-02T10:00:00Z~99999999999999999999", "page=3000",
                "page=-1", "page=abc", "page=2147483648")) {
            MvcResult result = mvc.perform(english(get("/seller/orders?filter=all&" + query)).with(seller))
                    .andReturn();
            String html = result.getResponse().getContentAsString();
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(200);
            assertThat(html).as(query).contains(newest).contains("pager-next").doesNotContain("pager-previous");
            assertThat(html.contains("could not be read")).as(query).isEqualTo(!query.startsWith("page="));
        }

        UserAccount agent = fixtures.account(Role.AGENT, null);
        Map<String, RequestPostProcessor> lists = Map.of("/buyer/orders", as(world.buyer()), "/buyer/claims",
                as(world.buyer()), "/seller/claims", seller, "/agent/queue", as(agent),
                "/agent/orders?q=" + world.buyer().username() + "&", as(agent));
        for (var list : lists.entrySet()) {
            String path = list.getKey().contains("?") ? list.getKey() : list.getKey() + "?";
            for (String query : List.of("after=2026-11-02T10:00:00Z~12345'--", "before=1~2~3~4", "page=99999")) {
                MvcResult result = mvc.perform(english(get(path + query)).with(list.getValue())).andReturn();
                assertThat(result.getResponse().getStatus()).as(path + query).isEqualTo(200);
                assertThat(result.getResponse().getContentAsString().contains("could not be read"))
                        .as(path + query).isEqualTo(!query.startsWith("page="));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ cost

    int statements(String url, RequestPostProcessor user) throws Exception {
        mvc.perform(english(get(url)).with(user));
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            int count = SqlStatementCounter.count(() -> {
                assertThat(mvc.perform(english(get(url)).with(user)).andReturn().getResponse().getStatus())
                        .isEqualTo(200);
                return null;
            });
            fewest = Math.min(fewest, count);
        }
        return fewest;
    }

    @Test
    void aPageDeepInAListCostsTheStatementsOfTheFirstPage() throws Exception {
        insertOrders(47);
        insertClaims();
        try {
            statementsPerPage();
        } finally {
            // the bare claims leave the queue, which other stories read
            jdbc.update("update claims set status = 'CLOSED', party_to_act = 'NONE', due_at = null where shop_id = ?",
                    world.shop().id());
        }
    }

    void statementsPerPage() throws Exception {
        RequestPostProcessor seller = as(world.seller());
        RequestPostProcessor agent = as(fixtures.account(Role.AGENT, null));
        String middle = jdbc.queryForObject("""
                select to_char(paid_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '~' || id from orders
                where shop_id = ? order by paid_at desc, id desc offset 20 limit 1""", String.class,
                world.shop().id());
        String shop = "shop=" + world.shop().id();
        Map<String, RequestPostProcessor> lists = new java.util.LinkedHashMap<>();
        lists.put("/seller/orders?filter=all&", seller);
        lists.put("/seller/orders?", seller);
        lists.put("/seller/claims?", seller);
        lists.put("/agent/queue?" + shop + "&", agent);
        lists.put("/agent/orders?q=" + world.buyer().username() + "&", agent);
        for (var list : lists.entrySet()) {
            String url = list.getKey();
            int first = statements(url, list.getValue());
            String position = url.startsWith("/seller/orders?filter") || url.startsWith("/agent/orders")
                    ? middle
                    : url.startsWith("/agent/queue") ? "2000-01-01T00:00:00Z~-1000~1" : "2000-01-01T00:00:00Z~1";
            int after = statements(url + "after=" + position, list.getValue());
            int before = statements(url + "before=" + position.replace("2000-", "2099-"), list.getValue());
            assertThat(after).as(url + " after a position, against %d for the first page", first).isEqualTo(first);
            assertThat(before).as(url + " before a position, against %d for the first page", first).isEqualTo(first);
        }
    }

    /** The SQL of the one list query {@code work} runs (the one with the row-value comparison). */
    static String listQuery(Runnable work) {
        try {
            List<String> texts = SqlStatementCounter.statements(() -> {
                work.run();
                return null;
            });
            List<String> seeks = texts.stream().filter(s -> s.contains(") < (") || s.contains(") > (")
                    || s.contains(")<(") || s.contains(")>(")).toList();
            assertThat(seeks).as(texts.toString()).hasSize(1);
            return seeks.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeepPageStartsInAnIndexInsteadOfReadingAndSortingTheWholeList() {
        QueryPlans.onBulkData(transactions, jdbcClient, world.shop().id(), world.buyer().id(), plans -> {
            // a quarter of the bulk claims with the platform, as on a busy desk
            jdbc.update("""
                    update claims set status = 'AWAITING_AGENT', party_to_act = 'AGENT',
                      due_at = now() + (id % 48) * interval '1 hour', requested_amount_minor = 100 * (id % 7)
                    where claim_number like 'QP%' and id % 4 = 1""");
            jdbc.update("update claims set reason = 'ITEMS_MISSING' where claim_number like 'QP%'");
            jdbc.execute("analyze claims");
            long shopId = world.shop().id();
            Map<String, Object> deepOrder = jdbc.queryForMap("""
                    select paid_at, id from orders where shop_id = ? order by paid_at desc, id desc
                    offset 15000 limit 1""", shopId);
            Map<String, Object> deepToShip = jdbc.queryForMap("""
                    select ship_by, id from orders where shop_id = ? and status = 'AWAITING_SHIPMENT'
                    order by ship_by, id offset 1500 limit 1""", shopId);
            Map<String, Object> deepClaim = jdbc.queryForMap("""
                    select due_at, id from claims where shop_id = ? and party_to_act in ('SELLER', 'BOTH')
                    order by due_at, id offset 1000 limit 1""", shopId);
            Map<String, Object> deepQueued = jdbc.queryForMap("""
                    select due_at, -requested_amount_minor as amount, id from claims
                    where status in ('AWAITING_AGENT', 'AWAITING_EVIDENCE')
                    order by due_at, -requested_amount_minor, id offset 1000 limit 1""");

            String allSql = listQuery(() -> orders.shopOrders(shopId, false,
                    Keyset.Request.of(token(deepOrder.get("paid_at"), deepOrder.get("id")), null, 20)));
            String toShipSql = listQuery(() -> orders.shopOrders(shopId, true,
                    Keyset.Request.of(token(deepToShip.get("ship_by"), deepToShip.get("id")), null, 20)));
            String claimsSql = listQuery(() -> claims.sellerQueue(shopId,
                    Keyset.Request.of(token(deepClaim.get("due_at"), deepClaim.get("id")), null, 20)));
            String queueSql = listQuery(() -> interventions.queue(QueueFilter.none(),
                    Keyset.Request.of(token(deepQueued.get("due_at"), deepQueued.get("amount"),
                            deepQueued.get("id")), null, 20)));

            assertIndexOnly(plans.explain(allSql, shopId, deepOrder.get("paid_at"), deepOrder.get("id"), 21),
                    "orders_shop_paid_idx");
            assertIndexOnly(plans.explain(toShipSql, shopId, deepToShip.get("ship_by"), deepToShip.get("id"), 21),
                    "orders_shop_to_ship_idx");
            assertIndexOnly(plans.explain(claimsSql, shopId, deepClaim.get("due_at"), deepClaim.get("id"), 21),
                    "claims_shop_seller_due_idx");
            assertIndexOnly(plans.explain(queueSql, deepQueued.get("due_at"), deepQueued.get("amount"),
                    deepQueued.get("id"), 21), "claims_agent_queue_seek_idx");
        });
    }

    @Test
    void aShopsCountsStopAtOneThousandAndReadAtMostThatManyEntriesOfAnIndex() throws Exception {
        RequestPostProcessor seller = as(world.seller());
        long shopId = world.shop().id();
        QueryPlans.onBulkData(transactions, jdbcClient, shopId, world.buyer().id(), plans -> {
            // 1,600 claims wait for the seller, 6,400 are resolved, 2,000 orders wait to be shipped; 7 closed claims
            jdbc.update("""
                    update claims set status = 'CLOSED', party_to_act = 'NONE', due_at = null, deadline_at = null
                    where id in (select id from claims where claim_number like 'QP%' and status = 'RESOLVED'
                                 order by id limit 7)""");
            jdbc.update("update claims set reason = 'ITEMS_MISSING' where claim_number like 'QP%'");
            Map<dev.aftersales.claims.ClaimStatus, dev.aftersales.shared.CappedCount> counts = claims
                    .countsForShop(shopId);
            assertThat(counts).containsOnlyKeys(dev.aftersales.claims.ClaimStatus.AWAITING_SELLER,
                    dev.aftersales.claims.ClaimStatus.RESOLVED, dev.aftersales.claims.ClaimStatus.CLOSED);
            assertThat(counts.get(dev.aftersales.claims.ClaimStatus.AWAITING_SELLER))
                    .isEqualTo(new dev.aftersales.shared.CappedCount(1000, true));
            assertThat(counts.get(dev.aftersales.claims.ClaimStatus.CLOSED))
                    .isEqualTo(new dev.aftersales.shared.CappedCount(7, false));
            assertThat(orders.countToShip(shopId)).isEqualTo(new dev.aftersales.shared.CappedCount(1000, true));
            try {
                String claimsPage = mvc.perform(english(get("/seller/claims")).with(seller)).andReturn()
                        .getResponse().getContentAsString();
                assertThat(claimsPage).containsPattern("Waiting for the seller</span>: <strong>1,000\\+</strong>")
                        .containsPattern("Resolved</span>: <strong>1,000\\+</strong>")
                        .containsPattern("Closed</span>: <strong>7</strong>");
                String ordersPage = mvc.perform(english(get("/seller/orders")).with(seller)).andReturn()
                        .getResponse().getContentAsString();
                assertThat(ordersPage).contains("To ship (1,000+)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }

            String statusSql = onlyStatement(() -> claims.countsForShop(shopId));
            String toShipSql = onlyStatement(() -> orders.countToShip(shopId));
            // every status is counted under its own limit; the rare ones from the index
            int statuses = dev.aftersales.claims.ClaimStatus.values().length;
            Object[] parameters = new Object[2 * statuses];
            for (int i = 0; i < statuses; i++) {
                parameters[2 * i] = shopId;
                parameters[2 * i + 1] = 1001;
            }
            QueryPlans.Plan statusPlan = plans.explain(statusSql, parameters);
            assertThat(statusPlan.nodes().stream().filter(n -> n.type().equals("Limit")).count()).as(statusPlan.json())
                    .isEqualTo(statuses);
            assertThat(statusPlan.nodes().stream().filter(n -> "claims".equals(n.relation())).count())
                    .as(statusPlan.json()).isEqualTo(statuses);
            assertThat(statusPlan.nodes().stream().filter(n -> "claims_shop_status_idx".equals(n.index())).count())
                    .as(statusPlan.json()).isGreaterThanOrEqualTo(statuses - 2);
            QueryPlans.Plan toShipPlan = plans.explain(toShipSql, shopId, 1001);
            assertThat(toShipPlan.seqScanned()).as(toShipPlan.json()).isEmpty();
            assertThat(toShipPlan.nodes()).as(toShipPlan.json()).anyMatch(n -> n.type().equals("Limit"));
            assertThat(plans.explain(toShipSql, shopId, 1001).indexes()).containsOnly("orders_shop_to_ship_idx");
        });
    }

    /** The SQL of the one statement {@code work} runs. */
    static String onlyStatement(Runnable work) {
        try {
            List<String> texts = SqlStatementCounter.statements(() -> {
                work.run();
                return null;
            });
            assertThat(texts).hasSize(1);
            return texts.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(Object... values) {
        return Keyset.token(java.util.Arrays.stream(values)
                .map(v -> v instanceof Timestamp t ? t.toInstant() : v).toList());
    }

    static void assertIndexOnly(QueryPlans.Plan plan, String index) {
        assertThat(plan.seqScanned()).as(plan.json()).isEmpty();
        assertThat(plan.nodes()).as(plan.json()).noneMatch(n -> n.type().contains("Sort"));
        assertThat(plan.nodes().get(0).type()).as(plan.json()).isEqualTo("Limit");
        assertThat(plan.indexes()).as(plan.json()).containsExactly(index);
    }
}
