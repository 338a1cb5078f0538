package dev.aftersales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.DatabaseSnapshot;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.RefusedForms;

/**
 * The inputs that used to hold the desk up, answer 500 or store nonsense, each refused with its reason and without
 * changing anything (or, for characters the desk never keeps, taken without them).
 */
@AftersalesIntegrationTest
class InputLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
    }

    long claim() {
        return claims.file(ClaimFilings.missing(order, "A", 1, Remedy.REFUND, "one box short"), world.buyerUser());
    }

    /** Signed in, with a first page seen (it records the reader's language), so snapshots see only the forms. */
    RequestPostProcessor as(UserAccount account) throws Exception {
        RequestPostProcessor session = FormLogin.signIn(mvc, account);
        mvc.perform(english(get("/")).with(session));
        return session;
    }

    static <T extends AbstractMockHttpServletRequestBuilder<?>> T english(T request) {
        request.locale(Locale.ENGLISH).header("Accept-Language", "en");
        return request;
    }

    MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(english(request).with(csrf())).andReturn();
    }

    // ------------------------------------------------------------------------------------------ amounts

    @Test
    void aMillionDigitAmountIsRefusedForItsLengthBeforeItIsReadAsANumber() throws Exception {
        long id = claim();
        RequestPostProcessor seller = as(world.seller());
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        for (String move : List.of("propose", "confirm-return")) {
            var request = "propose".equals(move) ? post("/seller/claims/{id}/propose", id).param("alternative", "REFUND")
                    : multipart("/seller/claims/{id}/confirm-return", id).param("result", "DAMAGED");
            MvcResult result = perform(request.param("amount", "9".repeat(1_000_000)).with(seller));
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/seller/claims/" + id);
            if ("propose".equals(move)) {
                var page = RefusedForms.follow(mvc, result, seller);
                RefusedForms.assertRefusedAt(page, "propose-amount", "Amount: at most 20 characters.");
                // what was typed comes back only as far as the desk keeps a typed text
                assertThat(RefusedForms.shown(page, "propose-amount")).hasSize(4_000);
            } else {
                // the claim does not wait for a return: the page has no such form, the refusal names the field
                assertThat(((dev.aftersales.shared.web.FormRefusal) result.getFlashMap().get("refusal")).errors())
                        .containsKey("amount");
            }
        }
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
        assertThat(views.detail(id, world.sellerUser()).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void anotherShopsSellerIsToldNotFoundBeforeAnythingTypedIsRead() throws Exception {
        long id = claim();
        World other = fixtures.world();
        RequestPostProcessor stranger = as(other.seller());
        MvcResult propose = perform(post("/seller/claims/{id}/propose", id).param("alternative", "REFUND")
                .param("amount", "not an amount").with(stranger));
        assertThat(propose.getResponse().getStatus()).isEqualTo(404);
        MvcResult confirm = perform(multipart("/seller/claims/{id}/confirm-return", id).param("result", "AS_SOLD")
                .param("amount", "not an amount").with(stranger));
        assertThat(confirm.getResponse().getStatus()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ the API's numbers

    String apiKey() {
        return apiClients.create(Fixtures.unique("limits-")).key();
    }

    String order(String number, String lines, long paid) {
        String paidAt = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"orderNumber":"%s","shopCode":"%s","buyer":{"id":"ext-%s","name":"Li Lei","phone":"13800000000"},
                 "currency":"CNY","paidAmount":%d,"shippingFee":0,"paidAt":"%s",
                 "delivery":{"recipient":"Li Lei","phone":"13800000000","address":"Test Road 1"},
                 "lines":%s}""".formatted(number, world.shop().code(), number, paid, paidAt, lines);
    }

    MvcResult api(String key, String path, String body) throws Exception {
        return mvc.perform(post(path).header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    @Test
    void orderLinesWhosePaidAmountsOverflowTheirSumAreRefusedAndNoOrderIsStored() throws Exception {
        String key = apiKey();
        String number = Fixtures.unique("OVF");
        // the three amounts add up to 2^64 + 1000: a long sum wraps around to exactly the order's 1000 fen
        String lines = """
                [{"sku":"A","quantity":1,"unitPrice":6148914691236517539,"paidAmount":6148914691236517539},
                 {"sku":"B","quantity":1,"unitPrice":6148914691236517539,"paidAmount":6148914691236517539},
                 {"sku":"C","quantity":1,"unitPrice":6148914691236517538,"paidAmount":6148914691236517538}]""";
        MvcResult result = api(key, "/api/v1/orders", order(number, lines, 1000));

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("lines[0].paidAmount");
        assertThat(jdbc.queryForObject("select count(*) from orders where order_number = ?", Long.class, number))
                .isZero();
    }

    @Test
    void aUnitPriceTimesQuantityBeyondALongIsRefusedNotAnError() throws Exception {
        String key = apiKey();
        String number = Fixtures.unique("OVF");
        MvcResult result = api(key, "/api/v1/orders", order(number,
                "[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":9223372036854775807}]", 1000));

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString()).contains("lines[0].unitPrice");
        assertThat(jdbc.queryForObject("select count(*) from orders where order_number = ?", Long.class, number))
                .isZero();
    }

    @Test
    void anUnknownCurrencyAndTimesOutsideWhatTheDatabaseKeepsAreRefusedByField() throws Exception {
        String key = apiKey();
        String zzz = order(Fixtures.unique("CUR"), "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3000}]", 3000)
                .replace("\"currency\":\"CNY\"", "\"currency\":\"ZZZ\"");
        MvcResult currency = api(key, "/api/v1/orders", zzz);
        assertThat(currency.getResponse().getStatus()).isEqualTo(422);
        assertThat(currency.getResponse().getContentAsString()).contains("\"field\":\"currency\"");

        String number = Fixtures.unique("TIME");
        String farFuture = order(number, "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3000}]", 3000)
                .replaceFirst("\"paidAt\":\"[^\"]+\"", "\"paidAt\":\"+300000-01-01T00:00:00Z\"");
        MvcResult time = api(key, "/api/v1/orders", farFuture);
        assertThat(time.getResponse().getStatus()).isEqualTo(422);
        assertThat(time.getResponse().getContentAsString()).contains("\"field\":\"paidAt\"");
        assertThat(jdbc.queryForObject("select count(*) from orders where order_number = ?", Long.class, number))
                .isZero();
    }

    @Test
    void aNulCharacterInAnApiTextIsDroppedInsteadOfFailingTheOrder() throws Exception {
        String key = apiKey();
        String number = Fixtures.unique("NUL");
        MvcResult result = api(key, "/api/v1/orders", order(number,
                "[{\"sku\":\"A\",\"title\":\"Apple\\u0000 box\\u202E\",\"quantity\":1,\"unitPrice\":3000}]", 3000));

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select l.title from order_lines l join orders o on o.id = l.order_id "
                + "where o.order_number = ?", String.class, number)).isEqualTo("Apple box");
    }

    @Test
    void apiPathsWithoutAnEndpointAnswerAsProblemJson() throws Exception {
        String key = apiKey();
        MvcResult unknown = mvc.perform(get("/api/v1/nothing").header("X-Api-Key", key)).andReturn();
        MvcResult method = mvc.perform(get("/api/v1/orders").header("X-Api-Key", key)).andReturn();
        MvcResult type = mvc.perform(post("/api/v1/orders").header("X-Api-Key", key)
                .contentType(MediaType.TEXT_PLAIN).content("hello")).andReturn();
        assertThat(List.of(unknown, method, type)).extracting(r -> r.getResponse().getStatus())
                .containsExactly(404, 405, 415);
        for (MvcResult r : List.of(unknown, method, type)) {
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(r.getResponse().getContentAsString()).contains("\"detail\"");
        }
    }

    // ------------------------------------------------------------------------------------------ unreadable values

    @Test
    void unreadableValuesOnTheClaimFormComeBackNextToTheirFieldWithNothingFiled() throws Exception {
        long line = Fixtures.lineId(order, "A");
        RequestPostProcessor buyer = as(world.buyer());
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        List<Map<String, String>> cases = List.of(Map.of("reason", "FOO"), Map.of("units[" + line + "]", "abc"),
                Map.of("units[" + line + "]", "1.5"), Map.of("units[" + line + "]", "99999999999"),
                Map.of("units[abc]", "1"));
        for (Map<String, String> c : cases) {
            var form = multipart("/buyer/orders/{id}/claims/new", order.id()).param("type", "MISSING_ITEM")
                    .param("remedy", "RESHIP").param("description", "typed text stays")
                    .param("submissionKey", UUID.randomUUID().toString());
            form.param("reason", c.getOrDefault("reason", "ITEMS_MISSING"));
            if (!c.containsKey("reason")) {
                c.forEach(form::param);
            } else {
                form.param("units[" + line + "]", "1");
            }
            MvcResult result = perform(form.with(buyer));
            String html = result.getResponse().getContentAsString();
            assertThat(result.getResponse().getStatus()).as(c.toString()).isEqualTo(422);
            assertThat(html).as(c.toString()).contains(c.containsKey("reason") ? "id=\"reason-error\""
                    : "id=\"units-error\"").contains("typed text stays");
        }
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }

    @Test
    void unreadableNumbersAndChoicesOfTheAgentsFormsComeBackNextToTheirField() throws Exception {
        long id = claim();
        claims.reject(id, world.sellerUser(), null, "complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "light");
        UserAccount agent = fixtures.account(Role.AGENT, null);
        arbitration.take(id, Fixtures.user(agent));
        RequestPostProcessor session = as(agent);
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);

        for (String[] c : new String[][] { { "outcome", "FOO", "d-outcome-error" },
                { "points", "2147483648", "d-points-error" } }) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("choice", "DECIDE", "outcome", "REJECT",
                    "rationale", "my reasons", "clause", "R-8.1", "penalty", "POINTS", "points", "3",
                    "penaltyReason", "late"));
            fields.put(c[0], c[1]);
            var decide = post("/agent/cases/{id}/decide", id);
            fields.forEach(decide::param);
            MvcResult result = perform(decide.with(session));
            assertThat(result.getResponse().getStatus()).as(c[0]).isEqualTo(422);
            assertThat(result.getResponse().getContentAsString()).as(c[0]).contains("id=\"" + c[2] + "\"")
                    .contains("my reasons");
        }
        MvcResult hours = perform(post("/agent/cases/{id}/evidence", id).param("party", "BUYER")
                .param("request", "photos please").param("hours", "abc").with(session));
        assertThat(hours.getResponse().getStatus()).isEqualTo(422);
        assertThat(hours.getResponse().getContentAsString()).contains("id=\"ev-hours-error\"")
                .contains("Enter a whole number.").contains("photos please");
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }

    @Test
    void aClauseThatDoesNotApplyToTheClaimsTypeIsRefusedNextToTheClause() throws Exception {
        long id = claim();
        claims.reject(id, world.sellerUser(), null, "complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "light");
        RequestPostProcessor agent = as(fixtures.account(Role.AGENT, null));
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);

        // R-5.2 (seven-day return) is for returns and exchanges, not for a missing item
        MvcResult result = perform(post("/agent/cases/{id}/decide", id).param("choice", "DECIDE")
                .param("outcome", "REJECT").param("rationale", "no").param("clause", "R-5.2").with(agent));

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString()).contains("id=\"d-clause-error\"")
                .contains("does not apply to a claim of this type");
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }

    @Test
    void unreadableNumbersOfTheSellersPolicyAndTheAdminsUserFormComeBackNextToTheirField() throws Exception {
        MvcResult policy = perform(post("/seller/policy").param("shipByHours", "abc").with(as(world.seller())));
        assertThat(policy.getResponse().getStatus()).isEqualTo(422);
        assertThat(policy.getResponse().getContentAsString()).contains("id=\"shipByHours-error\"");

        UserAccount admin = fixtures.account(Role.ADMIN, null);
        String username = Fixtures.unique("newseller");
        MvcResult user = perform(post("/admin/users").param("username", username).param("displayName", "New Seller")
                .param("role", "SELLER").param("password", "long-enough-1").param("shopId", "abc").with(as(admin)));
        assertThat(user.getResponse().getStatus()).isEqualTo(422);
        assertThat(user.getResponse().getContentAsString()).contains("id=\"shopId-error\"").contains(username);
        assertThat(jdbc.queryForObject("select count(*) from user_accounts where username = ?", Long.class, username))
                .isZero();
    }

    @Test
    void aHolidayExtensionToAYearBeyondTheDesksRangeIsRefusedNextToTheDate() throws Exception {
        RequestPostProcessor admin = as(fixtures.account(Role.ADMIN, null));
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        MvcResult result = perform(post("/admin/policy/extensions").param("id", UUID.randomUUID().toString())
                .param("target", "CLAIMS").param("hours", "24").param("from", "2031-01-01")
                .param("to", "+999999999-12-31").param("reason", "New year").with(admin));

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(result.getResponse().getContentAsString()).contains("id=\"ext-to-error\"");
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ texts

    @Test
    void aNulCharacterInAMessageIsDroppedAndTheMessageIsSent() throws Exception {
        long id = claim();
        MvcResult result = perform(multipart("/buyer/claims/{id}/messages", id).param("body", "Hello\u0000 there\u202E")
                .with(as(world.buyer())));

        assertThat(result.getFlashMap().get("flashSuccess")).isEqualTo("claim.flash.messageSent");
        assertThat(jdbc.queryForObject("select body from claim_messages where claim_id = ? order by id desc limit 1",
                String.class, id)).isEqualTo("Hello there");
    }

    @Test
    void textsLongerThanTheirColumnAreRefusedWithTheLimitAndChangeNothing() throws Exception {
        long id = claim();
        RequestPostProcessor seller = as(world.seller());
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);

        MvcResult reject = perform(multipart("/seller/claims/{id}/reject", id).param("reason", "r".repeat(2_001))
                .with(seller));
        MvcResult note = perform(post("/seller/claims/{id}/propose", id).param("alternative", "REFUND")
                .param("amount", "1.00").param("note", "n".repeat(1_000_000)).with(seller));

        for (MvcResult result : List.of(reject, note)) {
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/seller/claims/" + id);
        }
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).isEmpty();
        RefusedForms.assertRefusedAt(RefusedForms.follow(mvc, reject, seller), "reject-reason",
                "Reason: at most 2,000 characters.");
        RefusedForms.assertRefusedAt(RefusedForms.follow(mvc, note, seller), "propose-note", "at most 2,000 characters.");
    }

    // ------------------------------------------------------------------------------------------ lists and pages

    @Test
    void theLastPossiblePageNumberShowsAnEmptyPageOnEveryList() throws Exception {
        UserAccount agent = fixtures.account(Role.AGENT, null);
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        Map<String, RequestPostProcessor> lists = Map.of("/buyer/orders", as(world.buyer()), "/buyer/claims",
                as(world.buyer()), "/seller/claims", as(world.seller()), "/seller/orders", as(world.seller()),
                "/agent/queue", as(agent), "/agent/orders?q=a", as(agent), "/admin/users", as(admin));
        for (var list : lists.entrySet()) {
            String separator = list.getKey().contains("?") ? "&" : "?";
            MvcResult result = mvc.perform(english(get(list.getKey() + separator + "page=2147483647"))
                    .with(list.getValue())).andReturn();
            assertThat(result.getResponse().getStatus()).as(list.getKey()).isEqualTo(200);
        }
        // the deep lists page by position and read no page number (DeepListPagingIntegrationTests); the admin's does
        MvcResult notANumber = mvc.perform(english(get("/admin/users?page=abc")).with(as(admin))).andReturn();
        assertThat(notANumber.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aSearchForAPercentSignFindsNoBuyerWhoseNameHasNone() throws Exception {
        UserAccount agent = fixtures.account(Role.AGENT, null);
        for (String q : List.of("%", "_")) {
            String html = mvc.perform(english(get("/agent/orders").param("q", q)).with(as(agent))).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).as(q).doesNotContain(order.orderNumber());
        }
    }

    @Test
    void askingForTheErrorPageDirectlyIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/error")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
