package dev.aftersales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.claims.CancelLines;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.SavedReplies;
import dev.aftersales.claims.ShopRuleKind;
import dev.aftersales.claims.ShopRules;
import dev.aftersales.claims.SystemCases;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.SellerApiKeys;
import dev.aftersales.webhooks.internal.WebhookManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.CancellationReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.FormRefusal;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.DatabaseSnapshot;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;

/**
 * Every form of the desk and every call of the integration API, posted with the inputs that used to break them
 * and with a generated set per field (seeded, so a failure repeats): no answer is a 500; every refusal tells why
 * (the form again with the message next to the field, a redirect back with the message, a 400 page naming the
 * field, or problem+json with a detail), and a refused request changes no business row (a checksum of every
 * business table, computed by PostgreSQL, before and after).
 * <p>
 * The forms come from the controllers themselves: {@link #everyPostEndpointHasInputCases} fails when a POST
 * endpoint is added without cases here.
 */
@AftersalesIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputSuiteIntegrationTests {

    /** Generated values per field (besides the fixed hostile ones); the seed makes every run post the same. */
    static final int GENERATED_PER_FIELD = 1;
    static final long SEED = 20261207L;

    /** POST endpoints that are not forms of ours: the sign-in and sign-out of Spring Security. */
    static final Set<String> NOT_FORMS = Set.of("/login", "/logout");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SellerApiKeys sellerKeys;
    @Autowired
    ShopRules shopRules;
    @Autowired
    SavedReplies savedReplies;
    @Autowired
    ClaimManagement claims;
    @Autowired
    SystemCases systemCases;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    WebhookManagement webhooks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    World world;
    OrderDetails delivered;
    OrderDetails unshipped;
    OrderDetails cancelTarget;
    OrderDetails apiCancelTarget;
    String shippedTracking;
    long claim;
    long escalated;
    long toDecide;
    long choiceClaim;
    long disposableUser;
    long disposableClient;
    long disposableSellerKey;
    long suiteRule;
    long sellerReply;
    long agentReply;
    long shopWebhook;
    long platformWebhook;
    String apiKey;
    String sellerKey;
    String claimNumber;
    Map<String, RequestPostProcessor> sessions = new LinkedHashMap<>();
    String snapshotSql;

    enum Kind {
        /** free text with a maximum length */
        TEXT,
        /** an amount typed in yuan */
        AMOUNT,
        /** a whole number of a form */
        INT,
        /** an id or version */
        LONG,
        /** one of a list of values */
        ENUM,
        /** a day (yyyy-MM-dd) */
        DATE,
        /** units per order line: units[lineId] */
        UNITS,
        /** a setting of the platform's policy (a duration or a number) */
        SETTING
    }

    /**
     * A field of a form.
     *
     * @param errorId the id of the element showing its message when the form comes back (null: a redirect back
     *                with the message, or no field element)
     */
    record Field(String name, Kind kind, int max, String errorId) {

        static Field text(String name, int max, String errorId) {
            return new Field(name, Kind.TEXT, max, errorId);
        }

        static Field of(String name, Kind kind, String errorId) {
            return new Field(name, kind, 0, errorId);
        }
    }

    /** A form or list as a role uses it: where, the valid values, the fields to try. */
    record Endpoint(String pattern, String method, String role, Supplier<String> url, Map<String, String> valid,
            List<Field> fields, boolean multipart) {
    }

    /** An API call: where and a valid JSON body with {@code %s} holes for the field under test. */
    record ApiCall(String pattern, Supplier<String> url, String field,
            java.util.function.Function<String, String> bodyFor, List<String> mustRefuse, List<String> any,
            String key) {

        ApiCall(String pattern, Supplier<String> url, String field,
                java.util.function.Function<String, String> bodyFor, List<String> mustRefuse, List<String> any) {
            this(pattern, url, field, bodyFor, mustRefuse, any, null);
        }

        /** A call with its own key, its values added a few at a time. */
        static final class Builder {

            final String pattern;
            final Supplier<String> url;
            final String field;
            final String key;
            java.util.function.Function<String, String> body;
            final List<String> refuse = new ArrayList<>();
            final List<String> any = new ArrayList<>();

            Builder(String pattern, Supplier<String> url, String field, String key) {
                this.pattern = pattern;
                this.url = url;
                this.field = field;
                this.key = key;
            }

            Builder body(java.util.function.Function<String, String> template) {
                this.body = template;
                return this;
            }

            ApiCall refuse(String... values) {
                return refuse(List.of(values));
            }

            ApiCall refuse(List<String> values) {
                refuse.addAll(values);
                return build();
            }

            ApiCall build() {
                return new ApiCall(pattern, url, field, body, List.copyOf(refuse), List.copyOf(any), key);
            }
        }

        /** The same call with more values that must be refused. */
        ApiCall refuse(List<String> values) {
            List<String> all = new ArrayList<>(mustRefuse);
            all.addAll(values);
            return new ApiCall(pattern, url, field, bodyFor, all, any, key);
        }

        /** The same call with values it may take. */
        ApiCall any(List<String> values) {
            List<String> all = new ArrayList<>(any);
            all.addAll(values);
            return new ApiCall(pattern, url, field, bodyFor, mustRefuse, all, key);
        }

        String body(String value) {
            return bodyFor.apply(value);
        }
    }

    /** One request of the suite and what it should come to. */
    record Case(String label, boolean mustRefuse) {
    }

    @BeforeAll
    void setUp() throws Exception {
        world = fixtures.freshWorld();
        delivered = fixtures.paidOrder(world);
        fixtures.deliver(delivered, 2_150);
        OrderDetails second = fixtures.paidOrder(world);
        fixtures.deliver(second, 2_150);
        unshipped = fixtures.paidOrder(world);
        cancelTarget = fixtures.paidOrder(world);
        apiCancelTarget = fixtures.paidOrder(world);
        OrderDetails toTrack = fixtures.paidOrder(world);
        shippedTracking = fixtures.ship(toTrack);
        claim = claims.file(ClaimFilings.missing(delivered, "A", 1, Remedy.REFUND, "one box short"), world.buyerUser());
        escalated = claims.file(ClaimFilings.missing(second, "A", 2, Remedy.REFUND, "two boxes short"), world.buyerUser());
        claims.reject(escalated, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(escalated, world.buyerUser(), null, "the parcel was light");
        OrderDetails third = fixtures.paidOrder(world);
        fixtures.deliver(third, 2_150);
        toDecide = claims.file(ClaimFilings.missing(third, "A", 2, Remedy.REFUND, "two boxes short"), world.buyerUser());
        claims.reject(toDecide, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(toDecide, world.buyerUser(), null, "the parcel was light");
        choiceClaim = systemCases.cancelLines(new CancelLines(cancelTarget.id(),
                Map.of(Fixtures.lineId(cancelTarget, "B"), 1), CancellationReason.OUT_OF_STOCK, null, null),
                world.sellerUser());
        UserAccount agent = fixtures.account(Role.AGENT, null);
        agentReply = savedReplies.create(Fixtures.user(agent), "Suite rationale", "Decided on {claim}.").id();
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        disposableUser = fixtures.account(Role.BUYER, null).id();
        disposableClient = apiClients.create(Fixtures.unique("disposable-")).client().id();
        apiKey = apiClients.create(Fixtures.unique("suite-")).key();
        sellerKey = sellerKeys.create(world.sellerUser(), "suite", EnumSet.allOf(ApiScope.class)).value();
        disposableSellerKey = sellerKeys.create(world.sellerUser(), "disposable", EnumSet.of(ApiScope.CLAIMS_READ))
                .key().id();
        claimNumber = claims.claim(claim, world.sellerUser()).claimNumber();
        suiteRule = shopRules.create(world.sellerUser(), "Suite greeting", ShopRuleKind.REPLY, null, "Hello").id();
        sellerReply = savedReplies.create(world.sellerUser(), "Suite reply", "Hello {buyer}").id();
        sessions.put("buyer", FormLogin.signIn(mvc, world.buyer()));
        sessions.put("seller", FormLogin.signIn(mvc, world.seller()));
        sessions.put("agent", FormLogin.signIn(mvc, agent));
        sessions.put("admin", FormLogin.signIn(mvc, admin));
        arbitration.take(escalated, Fixtures.user(agent));
        // webhook endpoints to rotate, disable and enable (the platform's disabled: it would hear every shop)
        shopWebhook = webhooks.register(world.sellerUser(), "http://127.0.0.1:9/hook", List.of("claim.filed"))
                .endpointId();
        platformWebhook = webhooks.register(Fixtures.user(admin), "http://127.0.0.1:9/hook",
                List.of("claim.filed")).endpointId();
        webhooks.activate(Fixtures.user(admin), platformWebhook, false);
        // a session's first page records the reader's language; done here, so no refusal is blamed for it
        for (var role : List.of("buyer", "seller", "agent", "admin")) {
            mvc.perform(get("/").with(sessions.get(role)).locale(Locale.ENGLISH).header("Accept-Language", "en"));
        }
        snapshotSql = DatabaseSnapshot.sql(DatabaseSnapshot.businessTables(jdbc));
    }

    // ------------------------------------------------------------------------------------------ the forms

    List<Endpoint> endpoints() {
        long lineA = Fixtures.lineId(delivered, "A");
        long unshippedB = Fixtures.lineId(unshipped, "B");
        String text = "Looked at it carefully";
        Field version = Field.of("version", Kind.LONG, null);
        Field reason = Field.text("reason", 2000, null);
        Field body = Field.text("body", 2000, null);
        Field tracking = Field.text("trackingNumber", 40, null);
        Field carrier = Field.of("carrier", Kind.ENUM, null);
        List<Endpoint> all = new ArrayList<>();
        // buyer
        all.add(new Endpoint("/buyer/orders/{orderId}/claims/new", "POST", "buyer",
                () -> "/buyer/orders/" + delivered.id() + "/claims/new?type=REFUND_ONLY",
                Map.of("reason", "QUALITY", "remedy", "REFUND", "description", text, "requestedAmount", "1.00",
                        "units[" + Fixtures.lineId(delivered, "B") + "]", "1", "submissionKey", "fresh"),
                List.of(Field.of("reason", Kind.ENUM, "reason-error"), Field.of("remedy", Kind.ENUM, "remedy-error"),
                        Field.text("description", 2000, "description-error"),
                        Field.of("requestedAmount", Kind.AMOUNT, "requestedAmount-error"),
                        Field.of("units", Kind.UNITS, "units-error"),
                        Field.text("submissionKey", 80, null)),
                true));
        all.add(move("/buyer/claims/{id}/accept-proposal", "buyer", () -> claim, Map.of(), List.of(version)));
        all.add(move("/buyer/claims/{id}/reject-proposal", "buyer", () -> claim, Map.of("reason", text),
                List.of(version, reason)));
        all.add(move("/buyer/claims/{id}/return", "buyer", () -> claim,
                Map.of("carrier", "SF", "trackingNumber", Fixtures.trackingNumber()),
                List.of(version, carrier, tracking)));
        all.add(move("/buyer/claims/{id}/received", "buyer", () -> claim, Map.of(), List.of(version)));
        all.add(move("/buyer/claims/{id}/withdraw", "buyer", () -> choiceClaim, Map.of("reason", text),
                List.of(version, reason)));
        all.add(move("/buyer/claims/{id}/escalate", "buyer", () -> claim, Map.of("reason", text),
                List.of(version, reason)));
        all.add(multipartMove("/buyer/claims/{id}/messages", "buyer", () -> claim, Map.of("body", text),
                List.of(body)));
        all.add(move("/buyer/claims/{id}/choice", "buyer", () -> choiceClaim, Map.of("choice", "REFUND"),
                List.of(version, Field.of("choice", Kind.ENUM, null))));
        all.add(move("/buyer/orders/{orderId}/no-tracking", "buyer", () -> unshipped.id(), Map.of(), List.of()));
        all.add(multipartMove("/buyer/claims/{id}/evidence-answer", "buyer", () -> escalated, Map.of("text", text),
                List.of(version, Field.text("text", 2000, null))));
        all.add(multipartMove("/buyer/claims/{id}/appeal", "buyer", () -> escalated, Map.of("statement", text),
                List.of(version, Field.text("statement", 2000, null))));
        all.add(move("/buyer/claims/{id}/rating", "buyer", () -> claim, Map.of("stars", "5", "comment", text),
                List.of(Field.of("stars", Kind.INT, null), Field.text("comment", 1000, null))));
        // seller
        all.add(move("/seller/claims/{id}/accept", "seller", () -> claim, Map.of(), List.of(version)));
        all.add(move("/seller/claims/{id}/propose", "seller", () -> claim,
                Map.of("alternative", "REFUND", "amount", "1.00", "note", text),
                List.of(version, Field.of("alternative", Kind.ENUM, null), Field.of("amount", Kind.AMOUNT, null),
                        Field.text("note", 2000, null))));
        all.add(multipartMove("/seller/claims/{id}/reject", "seller", () -> claim, Map.of("reason", text),
                List.of(version, reason)));
        all.add(move("/seller/claims/{id}/reship", "seller", () -> claim,
                Map.of("carrier", "SF", "trackingNumber", Fixtures.trackingNumber()),
                List.of(version, carrier, tracking)));
        all.add(multipartMove("/seller/claims/{id}/confirm-return", "seller", () -> claim,
                Map.of("result", "AS_SOLD", "note", text, "amount", ""),
                List.of(version, Field.of("result", Kind.ENUM, null), Field.text("note", 2000, null),
                        Field.of("amount", Kind.AMOUNT, null))));
        all.add(move("/seller/claims/{id}/escalate", "seller", () -> claim, Map.of("reason", text),
                List.of(version, reason)));
        all.add(multipartMove("/seller/claims/{id}/messages", "seller", () -> claim, Map.of("body", text),
                List.of(body)));
        all.add(move("/seller/claims/{id}/tracking", "seller", () -> choiceClaim,
                Map.of("carrier", "SF", "trackingNumber", Fixtures.trackingNumber()),
                List.of(version, carrier, tracking)));
        all.add(multipartMove("/seller/claims/{id}/evidence-answer", "seller", () -> escalated, Map.of("text", text),
                List.of(version, Field.text("text", 2000, null))));
        all.add(multipartMove("/seller/claims/{id}/appeal", "seller", () -> escalated, Map.of("statement", text),
                List.of(version, Field.text("statement", 2000, null))));
        all.add(new Endpoint("/seller/orders/{id}/cancel-lines", "POST", "seller",
                () -> "/seller/orders/" + unshipped.id() + "/cancel-lines",
                Map.of("units[" + unshippedB + "]", "1", "reason", "OUT_OF_STOCK", "substituteSku", "",
                        "note", text),
                List.of(Field.of("units", Kind.UNITS, "units-error"), Field.of("reason", Kind.ENUM, "reason-error"),
                        Field.text("substituteSku", 64, "substituteSku-error"), Field.text("note", 500, "note-error")),
                false));
        all.add(new Endpoint("/seller/orders/{id}/ship", "POST", "seller",
                () -> "/seller/orders/" + unshipped.id() + "/ship",
                Map.of("carrier", "SF", "trackingNumber", "not-a-number"),
                List.of(Field.of("carrier", Kind.ENUM, "carrier-error"), Field.text("trackingNumber", 40,
                        "trackingNumber-error")),
                false));
        all.add(new Endpoint("/seller/policy", "POST", "seller", () -> "/seller/policy",
                Map.of("shipByHours", "24", "fastTrackThreshold", "10.00"),
                List.of(Field.of("shipByHours", Kind.INT, "shipByHours-error"),
                        Field.of("firstResponseHours", Kind.INT, "firstResponseHours-error"),
                        Field.of("qualityWindowDays", Kind.INT, "qualityWindowDays-error"),
                        Field.of("fastTrackThreshold", Kind.AMOUNT, "fastTrackThreshold-error")),
                false));
        all.add(new Endpoint("/seller/webhooks", "POST", "seller", () -> "/seller/webhooks",
                Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", "claim.filed"),
                List.of(Field.text("url", 500, "url-error"), Field.of("eventTypes", Kind.ENUM, "eventTypes-error")),
                false));
        all.add(move("/seller/webhooks/{id}/rotate", "seller", () -> shopWebhook, Map.of(), List.of()));
        all.add(move("/seller/webhooks/{id}/disable", "seller", () -> shopWebhook, Map.of(), List.of()));
        all.add(move("/seller/webhooks/{id}/enable", "seller", () -> shopWebhook, Map.of(), List.of()));
        all.add(move("/seller/webhooks/deliveries/{deliveryId}/redeliver", "seller", () -> -1L, Map.of(),
                List.of()));
        // agent
        all.add(move("/agent/cases/{id}/take", "agent", () -> escalated, Map.of(), List.of()));
        all.add(move("/agent/cases/{id}/release", "agent", () -> -1L, Map.of(), List.of()));
        all.add(new Endpoint("/agent/cases/{id}/evidence", "POST", "agent",
                () -> "/agent/cases/" + escalated + "/evidence",
                Map.of("party", "BUYER", "request", "Photos of the open parcel", "hours", "72"),
                List.of(Field.of("party", Kind.ENUM, "ev-party-error"), Field.text("request", 2000, "ev-request-error"),
                        Field.of("hours", Kind.INT, "ev-hours-error"), version),
                false));
        all.add(new Endpoint("/agent/cases/{id}/decide", "POST", "agent",
                () -> "/agent/cases/" + toDecide + "/decide",
                Map.of("choice", "DECIDE", "outcome", "PARTIAL_REFUND", "amount", "1.00", "rationale", text,
                        "clause", "R-3.1", "costBearer", "SELLER", "penalty", "POINTS", "points", "5",
                        "penaltyReason", text),
                List.of(Field.of("outcome", Kind.ENUM, "d-outcome-error"), Field.of("amount", Kind.AMOUNT,
                        "d-amount-error"), Field.text("rationale", 2000, "d-rationale-error"),
                        Field.of("clause", Kind.ENUM, "d-clause-error"), Field.of("costBearer", Kind.ENUM,
                                "d-bearer-error"),
                        Field.of("penalty", Kind.ENUM, "d-penalty-error"), Field.of("points", Kind.INT,
                                "d-points-error"),
                        Field.of("deduction", Kind.AMOUNT, "d-deduction-error"), Field.text("penaltyReason", 1000,
                                "d-penalty-reason-error"),
                        Field.text("flagReason", 1000, null), version),
                false));
        // admin
        all.add(new Endpoint("/admin/users", "POST", "admin", () -> "/admin/users",
                Map.of("username", "x", "displayName", "Someone", "role", "SELLER", "password", "long-enough-1",
                        "shopId", String.valueOf(world.shop().id())),
                List.of(Field.text("displayName", 100, "displayName-error"), Field.of("role", Kind.ENUM, "role-error"),
                        Field.text("email", 200, "email-error"), Field.text("phone", 32, "phone-error"),
                        Field.of("shopId", Kind.LONG, "shopId-error"), Field.text("username", 32, "username-error")),
                false));
        all.add(move("/admin/users/{id}/disable", "admin", () -> disposableUser, Map.of(), List.of()));
        all.add(move("/admin/users/{id}/enable", "admin", () -> disposableUser, Map.of(), List.of()));
        all.add(new Endpoint("/admin/api-clients", "POST", "admin", () -> "/admin/api-clients", Map.of("name", "x"),
                List.of(Field.text("name", 100, "name-error")), false));
        all.add(move("/admin/api-clients/{id}/revoke", "admin", () -> disposableClient, Map.of(), List.of()));
        all.add(new Endpoint("/seller/api-keys", "POST", "seller", () -> "/seller/api-keys",
                Map.of("name", "ERP suite", "scopes", "CLAIMS_READ"),
                List.of(Field.text("name", 100, "name-error"), Field.of("scopes", Kind.ENUM, "scopes-error")), false));
        all.add(move("/seller/api-keys/{id}/revoke", "seller", () -> disposableSellerKey, Map.of(), List.of()));
        all.add(new Endpoint("/seller/rules", "POST", "seller", () -> "/seller/rules",
                Map.of("name", "Small refunds", "kind", "ACCEPT_SMALL_REFUND", "maxAmount", "10.00"),
                List.of(Field.text("name", 100, "name-error"), Field.of("kind", Kind.ENUM, "kind-error"),
                        Field.of("maxAmount", Kind.AMOUNT, "maxAmount-error")), false));
        all.add(new Endpoint("/seller/rules", "POST", "seller", () -> "/seller/rules",
                Map.of("name", "Greeting", "kind", "REPLY", "replyText", "Hello {buyer}"),
                List.of(Field.text("replyText", 2000, "replyText-error")), false));
        all.add(move("/seller/rules/{id}/switch", "seller", () -> suiteRule, Map.of("on", "false"), List.of()));
        all.add(new Endpoint("/seller/replies", "POST", "seller", () -> "/seller/replies",
                Map.of("title", "Sorry", "body", "Sorry {buyer}, we check {order}."),
                List.of(Field.text("title", 100, "title-error"), Field.text("body", 2000, "body-error")), false));
        all.add(move("/seller/replies/{id}/retire", "seller", () -> sellerReply, Map.of(), List.of()));
        all.add(new Endpoint("/agent/replies", "POST", "agent", () -> "/agent/replies",
                Map.of("title", "Weight", "body", "The parcel's weight shows {claim} is right."),
                List.of(Field.text("title", 100, "title-error"), Field.text("body", 2000, "body-error")), false));
        all.add(move("/agent/replies/{id}/retire", "agent", () -> agentReply, Map.of(), List.of()));
        // refused on its own: a platform endpoint would hear every shop's events for the rest of the run
        all.add(new Endpoint("/admin/webhooks", "POST", "admin", () -> "/admin/webhooks",
                Map.of("url", "http://erp.example.com/hook", "eventTypes", "claim.filed"),
                List.of(Field.text("url", 500, "url-error"), Field.of("eventTypes", Kind.ENUM, "eventTypes-error")),
                false));
        all.add(move("/admin/webhooks/{id}/rotate", "admin", () -> platformWebhook, Map.of(), List.of()));
        all.add(move("/admin/webhooks/{id}/enable", "admin", () -> platformWebhook, Map.of(), List.of()));
        all.add(move("/admin/webhooks/{id}/disable", "admin", () -> platformWebhook, Map.of(), List.of()));
        all.add(move("/admin/webhooks/deliveries/{deliveryId}/redeliver", "admin", () -> -1L, Map.of(),
                List.of()));
        // values refused on their own: a valid value here would change the platform's policy for every test
        all.add(new Endpoint("/admin/policy/deadlines", "POST", "admin", () -> "/admin/policy/deadlines",
                Map.of("policy.shipBy", "not a duration"),
                List.of(Field.of("policy.shipBy", Kind.SETTING, null)), false));
        all.add(new Endpoint("/admin/policy/thresholds", "POST", "admin", () -> "/admin/policy/thresholds",
                Map.of("risk.watchScore", "not a number"),
                List.of(Field.of("risk.watchScore", Kind.SETTING, null)), false));
        all.add(new Endpoint("/admin/policy/extensions", "POST", "admin", () -> "/admin/policy/extensions",
                Map.of("id", "fresh", "target", "CLAIMS", "hours", "24", "from", "2031-01-01", "to", "2031-01-02",
                        "reason", "Holiday"),
                List.of(Field.of("from", Kind.DATE, null), Field.of("to", Kind.DATE, null),
                        Field.of("hours", Kind.INT, null), Field.of("target", Kind.ENUM, null),
                        Field.of("status", Kind.ENUM, null), Field.of("party", Kind.ENUM, null),
                        Field.text("reason", 500, null), Field.text("id", 64, null)),
                false));
        // everyone
        all.add(move("/inbox/{id}/read", "buyer", () -> Long.MAX_VALUE, Map.of("page", "1"),
                List.of(Field.of("page", Kind.INT, null))));
        all.add(move("/inbox/{id}/open", "buyer", () -> Long.MAX_VALUE, Map.of(), List.of()));
        all.add(new Endpoint("/inbox/read-all", "POST", "buyer", () -> "/inbox/read-all", Map.of(), List.of(), false));
        // lists: filters and searches; page numbers where a list still has them (the lists that page by position
        // ignore page numbers and answer an unreadable position with their first page: DeepListPagingIntegrationTests)
        for (String list : List.of("/buyer/orders", "/buyer/claims")) {
            all.add(list(list, "buyer", Map.of(), List.of()));
        }
        for (String list : List.of("/seller/claims", "/seller/orders")) {
            all.add(list(list, "seller", Map.of(), List.of()));
        }
        all.add(list("/agent/queue", "agent", Map.of(), List.of(Field.of("shop", Kind.LONG, null),
                Field.of("min", Kind.AMOUNT, null), Field.of("type", Kind.ENUM, null))));
        all.add(list("/agent/orders", "agent", Map.of("q", "a"), List.of(Field.text("q", 100, null))));
        all.add(list("/admin/users", "admin", Map.of(), List.of(Field.of("page", Kind.INT, null))));
        all.add(list("/buyer/orders/" + delivered.id() + "/claims/new", "buyer", Map.of("type", "MISSING_ITEM"),
                List.of(Field.of("type", Kind.ENUM, null))));
        return all;
    }

    Endpoint move(String pattern, String role, Supplier<Long> id, Map<String, String> valid, List<Field> fields) {
        return new Endpoint(pattern, "POST", role, () -> pattern.replaceFirst("\\{[^}]+}", String.valueOf(id.get())),
                valid, fields, false);
    }

    Endpoint multipartMove(String pattern, String role, Supplier<Long> id, Map<String, String> valid,
            List<Field> fields) {
        return new Endpoint(pattern, "POST", role, () -> pattern.replaceFirst("\\{[^}]+}", String.valueOf(id.get())),
                valid, fields, true);
    }

    Endpoint list(String path, String role, Map<String, String> valid, List<Field> fields) {
        return new Endpoint(path, "GET", role, () -> path, valid, fields, false);
    }

    // ------------------------------------------------------------------------------------------ the API

    List<ApiCall> apiCalls() {
        String paidAt = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String order = """
                {"orderNumber":"%s","shopCode":"%s","buyer":{"id":"ext-suite","name":%s,"phone":"13800000000"},
                 "currency":%s,"paidAmount":%s,"shippingFee":0,"paidAt":%s,
                 "delivery":{"recipient":"Li Lei","phone":"13800000000","address":%s},
                 "lines":[{"sku":"A","title":%s,"quantity":%s,"unitPrice":%s,"paidAmount":%s}]}""";
        List<String> hugeNumbers = List.of("9223372036854775807", "9223372036854775808", "-1", "1e30", "\"abc\"",
                "100000000001", "1.5");
        List<String> texts = List.of("\"" + "x".repeat(5_000) + "\"", "[]", "{}");
        List<String> cleanTexts = List.of("\"nul\\u0000byte\"", "\"\\u202Eevil\\u2066\"", "\"ctl\\u0001\\u001b\"",
                "12345");
        List<String> badTimes = List.of("\"+300000-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"yesterday\"", "12");
        List<ApiCall> calls = new ArrayList<>();
        // one field varied at a time; the others valid (3000 fen, one unit of A)
        record Order(String name, String currency, String paid, String paidAt, String address, String title,
                String quantity, String unitPrice, String linePaid) {
        }
        java.util.function.Function<Order, String> body = o -> order.formatted(Fixtures.unique("API"),
                world.shop().code(), o.name(), o.currency(), o.paid(), o.paidAt(), o.address(), o.title(),
                o.quantity(), o.unitPrice(), o.linePaid());
        Order valid = new Order("\"Li Lei\"", "\"CNY\"", "3000", "\"" + paidAt + "\"", "\"Road 1\"", "\"Apple\"", "1",
                "3000", "3000");
        calls.add(api("/api/v1/orders", "currency", v -> body.apply(new Order(valid.name(), v, valid.paid(),
                valid.paidAt(), valid.address(), valid.title(), valid.quantity(), valid.unitPrice(),
                valid.linePaid())), List.of("\"ZZZ\"", "\"XXX\"", "\"cny\"", "\"" + "C".repeat(1000) + "\"", "1"),
                List.of()));
        calls.add(api("/api/v1/orders", "paidAmount", v -> body.apply(new Order(valid.name(), valid.currency(), v,
                valid.paidAt(), valid.address(), valid.title(), valid.quantity(), valid.unitPrice(),
                valid.linePaid())), hugeNumbers, List.of()));
        calls.add(api("/api/v1/orders", "lines[0].unitPrice", v -> body.apply(new Order(valid.name(),
                valid.currency(), valid.paid(), valid.paidAt(), valid.address(), valid.title(), "2", v, "3000")),
                hugeNumbers, List.of()));
        calls.add(api("/api/v1/orders", "lines[0].paidAmount", v -> body.apply(new Order(valid.name(),
                valid.currency(), valid.paid(), valid.paidAt(), valid.address(), valid.title(), valid.quantity(),
                valid.unitPrice(), v)), hugeNumbers, List.of()));
        calls.add(api("/api/v1/orders", "lines[0].quantity", v -> body.apply(new Order(valid.name(),
                valid.currency(), valid.paid(), valid.paidAt(), valid.address(), valid.title(), v, valid.unitPrice(),
                valid.linePaid())), List.of("0", "10000", "2147483648", "\"x\""), List.of()));
        calls.add(api("/api/v1/orders", "paidAt", v -> body.apply(new Order(valid.name(), valid.currency(),
                valid.paid(), v, valid.address(), valid.title(), valid.quantity(), valid.unitPrice(),
                valid.linePaid())), badTimes, List.of()));
        calls.add(api("/api/v1/orders", "buyer.name", v -> body.apply(new Order(v, valid.currency(), valid.paid(),
                valid.paidAt(), valid.address(), valid.title(), valid.quantity(), valid.unitPrice(),
                valid.linePaid())), texts, cleanTexts));
        calls.add(api("/api/v1/orders", "delivery.address", v -> body.apply(new Order(valid.name(), valid.currency(),
                valid.paid(), valid.paidAt(), v, valid.title(), valid.quantity(), valid.unitPrice(),
                valid.linePaid())), texts, cleanTexts));
        calls.add(api("/api/v1/orders", "lines[0].title", v -> body.apply(new Order(valid.name(), valid.currency(),
                valid.paid(), valid.paidAt(), valid.address(), v, valid.quantity(), valid.unitPrice(),
                valid.linePaid())), texts, cleanTexts));
        calls.add(new ApiCall("/api/v1/orders/{orderNumber}/cancellations",
                () -> "/api/v1/orders/" + apiCancelTarget.orderNumber() + "/cancellations", "reason",
                v -> "{\"reason\":%s,\"note\":\"n\"}".formatted(v), List.of("\"FOO\"", "1", "null", "\"" + "R".repeat(5000) + "\""),
                List.of()));
        calls.add(new ApiCall("/api/v1/orders/{orderNumber}/cancellations",
                () -> "/api/v1/orders/" + apiCancelTarget.orderNumber() + "/cancellations", "note",
                v -> "{\"reason\":\"FOO\",\"note\":%s}".formatted(v), List.of("\"" + "n".repeat(501) + "\"", "\"nul\\u0000\""),
                List.of()));
        calls.add(new ApiCall("/api/v1/shipments", () -> "/api/v1/shipments", "shippedAt",
                v -> "{\"orderNumber\":\"" + unshipped.orderNumber() + "\",\"carrier\":\"SF\",\"trackingNumber\":\""
                        + "bad\",\"shippedAt\":" + v + "}", badTimes, List.of()));
        calls.add(new ApiCall("/api/v1/shipments", () -> "/api/v1/shipments", "trackingNumber",
                v -> "{\"orderNumber\":\"" + unshipped.orderNumber() + "\",\"carrier\":\"SF\",\"trackingNumber\":" + v
                        + "}",
                List.of("\"" + "9".repeat(5000) + "\"", "\"SF\\u0000123\"", "12"), List.of()));
        calls.add(new ApiCall("/api/v1/shipments/{trackingNumber}/events",
                () -> "/api/v1/shipments/" + shippedTracking + "/events", "occurredAt",
                v -> "{\"occurredAt\":" + v + ",\"kind\":\"IN_TRANSIT\",\"location\":\"Hub\"}", badTimes, List.of()));
        calls.add(new ApiCall("/api/v1/shipments/{trackingNumber}/events",
                () -> "/api/v1/shipments/" + shippedTracking + "/events", "weightGrams",
                v -> "{\"occurredAt\":\"" + paidAt + "\",\"kind\":\"IN_TRANSIT\",\"weightGrams\":" + v + "}",
                List.of("2147483648", "-5", "0", "1000001", "\"heavy\""), List.of()));
        calls.add(new ApiCall("/api/v1/shipments/{trackingNumber}/events",
                () -> "/api/v1/shipments/" + shippedTracking + "/events", "location",
                v -> "{\"occurredAt\":\"" + paidAt + "\",\"kind\":\"FOO\",\"location\":" + v + "}",
                List.of("\"" + "L".repeat(101) + "\"", "\"nul\\u0000\""), List.of()));
        sellerApiCalls(calls, hugeNumbers, texts, cleanTexts);
        return calls;
    }

    /**
     * The seller API's moves on the suite's claim, with the shop's key. Every body carries a version the claim never
     * had, so that a value the move would take still changes nothing; the values must be refused before that.
     */
    void sellerApiCalls(List<ApiCall> calls, List<String> hugeNumbers, List<String> texts, List<String> cleanTexts) {
        String claimPath = "/api/v1/seller/claims/{number}";
        java.util.function.BiFunction<String, String, ApiCall.Builder> on = (move, field) -> new ApiCall.Builder(
                claimPath + move, () -> "/api/v1/seller/claims/" + claimNumber + move, field, sellerKey);
        String stale = "\"version\":999999";
        List<String> badFiles = List.of("[{\"name\":\"a.png\",\"contentBase64\":\"***\"}]", "\"x\"", "[1]",
                "[{\"name\":\"\",\"contentBase64\":\"\"}]");
        calls.add(on.apply("/accept", "version").body(v -> "{\"version\":" + v + "}")
                .refuse("\"abc\"", "9223372036854775808", "null", "999999", "[]"));
        calls.add(on.apply("/proposals", "amountFen")
                .body(v -> "{" + stale + ",\"remedy\":\"REFUND\",\"amountFen\":" + v + "}").refuse(hugeNumbers));
        calls.add(on.apply("/proposals", "remedy").body(v -> "{" + stale + ",\"remedy\":" + v + "}")
                .refuse("\"FOO\"", "1", "null"));
        calls.add(on.apply("/proposals", "note")
                .body(v -> "{" + stale + ",\"remedy\":\"RESHIP\",\"note\":" + v + "}").refuse(texts));
        calls.add(on.apply("/rejection", "reason").body(v -> "{" + stale + ",\"reason\":" + v + "}")
                .refuse(texts).refuse(cleanTexts));
        calls.add(on.apply("/rejection", "files")
                .body(v -> "{" + stale + ",\"reason\":\"complete\",\"files\":" + v + "}").refuse(badFiles));
        calls.add(on.apply("/return-inspection", "result").body(v -> "{" + stale + ",\"result\":" + v + "}")
                .refuse("\"FOO\"", "null", "7"));
        calls.add(on.apply("/return-inspection", "refundFen")
                .body(v -> "{" + stale + ",\"result\":\"USED\",\"refundFen\":" + v + "}").refuse(hugeNumbers));
        calls.add(on.apply("/reshipment", "trackingNumber")
                .body(v -> "{" + stale + ",\"carrier\":\"SF\",\"trackingNumber\":" + v + "}")
                .refuse("\"" + "9".repeat(5000) + "\"", "\"SF\\u0000123\"", "12", "null"));
        calls.add(on.apply("/reshipment", "carrier")
                .body(v -> "{" + stale + ",\"carrier\":" + v + ",\"trackingNumber\":\"SF1234567890\"}")
                .refuse("\"FOO\"", "null"));
        calls.add(on.apply("/messages", "body").body(v -> "{\"body\":" + v + "}")
                .refuse("\"" + "x".repeat(5_000) + "\"", "[]", "{}", "\"\"", "null").any(cleanTexts));
        calls.add(on.apply("/messages", "files").body(v -> "{\"body\":\"photo\",\"files\":" + v + "}")
                .refuse(badFiles));
        calls.add(new ApiCall.Builder("/api/v1/seller/claims/batch-accept", () -> "/api/v1/seller/claims/batch-accept",
                "items", sellerKey).body(v -> "{\"items\":" + v + "}").refuse("[]", "null", "\"x\"",
                        "[" + String.join(",", java.util.Collections.nCopies(101, "{\"number\":\"X\",\"version\":1}"))
                                + "]", "[{\"number\":null,\"version\":1}]"));
        calls.add(new ApiCall.Builder("/api/v1/seller/orders/{orderNumber}/shipments",
                () -> "/api/v1/seller/orders/" + unshipped.orderNumber() + "/shipments", "trackingNumber", sellerKey)
                .body(v -> "{\"carrier\":\"SF\",\"trackingNumber\":" + v + "}")
                .refuse("\"" + "9".repeat(5000) + "\"", "\"SF\\u0000123\"", "12", "null"));
    }

    /** A call whose body is built per value (each order gets a fresh order number). */
    ApiCall api(String pattern, String field, java.util.function.Function<String, String> body,
            List<String> mustRefuse, List<String> any) {
        return new ApiCall(pattern, () -> pattern, field, body, mustRefuse, any);
    }

    // ------------------------------------------------------------------------------------------ the tests

    @Test
    void everyPostEndpointHasInputCases() {
        Set<String> covered = new TreeSet<>();
        endpoints().stream().filter(e -> e.method().equals("POST")).forEach(e -> covered.add(e.pattern()));
        apiCalls().forEach(c -> covered.add(c.pattern()));
        Set<String> declared = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                declared.addAll(info.getPatternValues());
            }
        });
        declared.removeAll(NOT_FORMS);
        assertThat(covered).as("POST endpoints of the controllers without input cases in this suite")
                .containsAll(declared);
        assertThat(declared).as("input cases for endpoints that no controller declares").containsAll(covered);
    }

    @Test
    void noFormAnswers500AndEveryRefusalSaysWhyAndChangesNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        Random random = new Random(SEED);
        List<String> timings = new ArrayList<>();
        int requests = 0;
        DatabaseSnapshot before = snapshot();
        for (Endpoint endpoint : endpoints()) {
            // the fixed hostile values of every field first, then the generated ones, the valid values last: a
            // request that is taken may end what the others are tried on
            List<Map.Entry<Case, Map<String, String>>> cases = new ArrayList<>();
            List<Map.Entry<Case, Map<String, String>>> generated = new ArrayList<>();
            boolean first = true;
            for (Field field : endpoint.fields()) {
                cases.addAll(variants(endpoint, field, first && (field.kind() == Kind.TEXT
                        || field.kind() == Kind.AMOUNT || field.kind() == Kind.ENUM)));
                first &= field.kind() != Kind.TEXT && field.kind() != Kind.AMOUNT && field.kind() != Kind.ENUM;
                generated.addAll(generated(endpoint, field, random));
            }
            // what must be refused before what may be taken
            cases.sort(java.util.Comparator.comparing(e -> !e.getKey().mustRefuse()));
            cases.addAll(generated);
            cases.add(Map.entry(new Case("valid values", false), new LinkedHashMap<>(endpoint.valid())));
            long started = System.nanoTime();
            for (Map.Entry<Case, Map<String, String>> c : cases) {
                requests++;
                String label = endpoint.method() + " " + endpoint.pattern() + " " + c.getKey().label();
                MvcResult result;
                try {
                    result = mvc.perform(request(endpoint, c.getValue())).andReturn();
                } catch (Exception e) {
                    failures.add(label + ": answered with an exception (500): " + rootCause(e));
                    before = snapshot();
                    continue;
                }
                String answer = classify(result, endpoint, c.getKey(), failures, label);
                DatabaseSnapshot after = snapshot();
                if ("refused".equals(answer)) {
                    Set<String> changed = after.changedSince(before);
                    if (!changed.isEmpty()) {
                        failures.add(label + ": refused, but changed " + changed);
                    }
                }
                before = after;
            }
            timings.add(String.format("%6d ms %3d requests %s", (System.nanoTime() - started) / 1_000_000,
                    cases.size(), endpoint.pattern()));
        }
        System.out.println("Input suite: " + requests + " form requests");
        timings.forEach(System.out::println);
        assertThat(requests).as("requests posted").isGreaterThan(300);
        assertThat(failures).as("forms that failed their inputs").isEmpty();
    }

    @Test
    void noApiCallAnswers500AndEveryRefusalIsAProblemWithADetailAndChangesNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        DatabaseSnapshot before = snapshot();
        for (ApiCall call : apiCalls()) {
            List<Map.Entry<String, Boolean>> values = new ArrayList<>();
            call.mustRefuse().forEach(v -> values.add(Map.entry(v, true)));
            call.any().forEach(v -> values.add(Map.entry(v, false)));
            for (Map.Entry<String, Boolean> value : values) {
                String label = "POST " + call.pattern() + " " + call.field() + "=" + abbreviate(value.getKey());
                MvcResult result;
                try {
                    result = mvc.perform(post(call.url().get()).header("X-Api-Key",
                            call.key() != null ? call.key() : apiKey)
                            .contentType(MediaType.APPLICATION_JSON).content(call.body(value.getKey()))).andReturn();
                } catch (Exception e) {
                    failures.add(label + ": answered with an exception (500): " + rootCause(e));
                    before = snapshot();
                    continue;
                }
                int status = result.getResponse().getStatus();
                String body = result.getResponse().getContentAsString();
                DatabaseSnapshot after = snapshot();
                if (status >= 500) {
                    failures.add(label + ": answered " + status);
                } else if (status >= 400) {
                    if (!String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")
                            || !body.contains("\"detail\"")) {
                        failures.add(label + ": refused " + status + " without a problem detail: " + abbreviate(body));
                    }
                    Set<String> changed = after.changedSince(before);
                    if (!changed.isEmpty()) {
                        failures.add(label + ": refused, but changed " + changed);
                    }
                } else if (value.getValue()) {
                    failures.add(label + ": accepted (" + status + ") a value it must refuse");
                } else if (body.contains("\\u0000") || body.contains("\u0000")) {
                    failures.add(label + ": kept a NUL character: " + abbreviate(body));
                }
                before = after;
            }
        }
        assertThat(failures).as("API calls that failed their inputs").isEmpty();
    }

    @Test
    void apiPathsWithoutAnEndpointAnswerProblemJson() throws Exception {
        for (var request : List.of(get("/api/v1/nothing-here"), get("/api/v1/orders"),
                post("/api/v1/orders").contentType(MediaType.TEXT_PLAIN).content("hello"))) {
            MvcResult result = mvc.perform(request.header("X-Api-Key", apiKey)).andReturn();
            assertThat(result.getResponse().getStatus()).isIn(404, 405, 415);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(result.getResponse().getContentAsString()).contains("\"detail\"");
        }
    }

    // ------------------------------------------------------------------------------------------ cases

    /**
     * The hostile values of a field: those it must refuse, and those it may take once cleaned. A megabyte of text
     * goes into the first text field of each form only (every form reads its fields the same way).
     */
    List<Map.Entry<Case, Map<String, String>>> variants(Endpoint endpoint, Field field, boolean megabyte) {
        List<Map.Entry<Case, Map<String, String>>> out = new ArrayList<>();
        Map<String, Boolean> values = new LinkedHashMap<>();
        switch (field.kind()) {
            case TEXT -> {
                values.put("x".repeat(field.max() + 1), true);
                if (megabyte) {
                    values.put("y".repeat(1_000_000), true);
                    values.put("nul\u0000byte \u202Eevil\u2066 ctl\u0001\u001B\u007F\u0085 😀 中文 %_\\'\";--", false);
                }
            }
            case AMOUNT -> {
                if (megabyte) {
                    values.put("1".repeat(1_000_000), true);
                    values.put("０.５", false);
                }
                values.put("abc", true);
                values.put("12.345", true);
                values.put("99999999999999", true);
            }
            case INT -> {
                values.put("abc", true);
                values.put("2147483648", true);
                values.put("2147483647", false);
            }
            case LONG -> {
                values.put("abc", true);
                values.put("9223372036854775808", true);
            }
            case ENUM -> {
                values.put("FOO", true);
                if (megabyte) {
                    values.put("x".repeat(10_000), true);
                }
            }
            case SETTING -> {
                values.put("abc", true);
                values.put("1".repeat(1000), true);
                values.put("-5d", true);
                values.put("99999d", true);
            }
            case DATE -> {
                values.put("+999999999-12-31", true);
                values.put("2020-13-45", true);
            }
            case UNITS -> {
                long line = endpoint.valid().keySet().stream().filter(k -> k.startsWith("units[")).findFirst()
                        .map(k -> Long.parseLong(k.substring(6, k.length() - 1))).orElse(0L);
                for (String[] u : new String[][] { { "units[abc]", "1" }, { "units[" + line + "]", "abc" },
                        { "units[" + line + "]", "99999999999" },
                        { "units[" + line + "]", "-5" }, { "units[99999999999999999999]", "1" } }) {
                    Map<String, String> params = new LinkedHashMap<>(endpoint.valid());
                    params.keySet().removeIf(k -> k.startsWith("units["));
                    params.put(u[0], u[1]);
                    out.add(Map.entry(new Case(u[0] + "=" + u[1], true), params));
                }
                return out;
            }
        }
        return cases(endpoint, field, values);
    }

    /**
     * Generated values of a field. A text longer than its field (once cleaned) must be refused; other generated
     * values may be taken or refused, never answered with a 500. The admin's platform policy gets none: a valid
     * value there would change the deadlines of every other test.
     */
    List<Map.Entry<Case, Map<String, String>>> generated(Endpoint endpoint, Field field, Random random) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        if (field.kind() == Kind.UNITS || field.kind() == Kind.LONG || endpoint.pattern().startsWith("/admin/policy/deadlines")
                || endpoint.pattern().startsWith("/admin/policy/thresholds")) {
            return List.of();
        }
        for (int i = 0; i < GENERATED_PER_FIELD; i++) {
            String generated = generate(field, random);
            values.putIfAbsent(generated, field.kind() == Kind.TEXT
                    && dev.aftersales.shared.web.InputText.clean(generated).strip().length() > field.max());
        }
        return cases(endpoint, field, values);
    }

    static List<Map.Entry<Case, Map<String, String>>> cases(Endpoint endpoint, Field field,
            Map<String, Boolean> values) {
        List<Map.Entry<Case, Map<String, String>>> out = new ArrayList<>();
        values.forEach((value, mustRefuse) -> {
            Map<String, String> params = new LinkedHashMap<>(endpoint.valid());
            params.put(field.name(), value);
            out.add(Map.entry(new Case(field.name() + "=" + abbreviate(value), mustRefuse), params));
        });
        return out;
    }

    /** A value for the field from the seeded generator: texts of every kind of character, numbers of every shape. */
    static String generate(Field field, Random random) {
        String[] pieces = { "a", "Z", "9", " ", "\n", "\t", "中", "文", "😀", "\u0000", "\u0001", "\u001F", "\u007F",
                "\u0085", "\u202E", "\u2066", "\u200E", "\uFEFF", "%", "_", "'", "\"", "<", ">", "&", "\\", "/", ";",
                "-", ".", ",", "e", "０", "١", "\uD800" };
        StringBuilder text = new StringBuilder();
        switch (field.kind()) {
            case TEXT -> {
                int length = random.nextInt(4) == 0 ? field.max() + 1 + random.nextInt(50) : random.nextInt(60);
                while (text.length() < length) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            default -> {
                String[] numeric = { "0", "1", "5", "9", "-", ".", "e", "+", " ", "０", "١", "x" };
                int length = 1 + random.nextInt(random.nextBoolean() ? 6 : 40);
                for (int i = 0; i < length; i++) {
                    text.append(numeric[random.nextInt(numeric.length)]);
                }
            }
        }
        return text.toString();
    }

    AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Map<String, String> params) {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (endpoint.method().equals("GET")) {
            request = get(endpoint.url().get());
        } else if (endpoint.multipart()) {
            request = multipart(endpoint.url().get());
        } else {
            request = post(endpoint.url().get());
        }
        params.forEach((name, value) -> request.param(name, "fresh".equals(value) ? UUID.randomUUID().toString()
                : "username".equals(name) && "x".equals(value) ? Fixtures.unique("suite") : value));
        request.with(sessions.get(endpoint.role())).with(csrf()).locale(Locale.ENGLISH)
                .header("Accept-Language", "en");
        return request;
    }

    /**
     * What the answer was: "refused" (with its reason shown), "accepted", or "bad" (recorded as a failure): a
     * 500, a refusal without a reason, a value that must be refused taken.
     */
    String classify(MvcResult result, Endpoint endpoint, Case c, List<String> failures, String label)
            throws Exception {
        int status = result.getResponse().getStatus();
        String html = result.getResponse().getContentAsString();
        Object flashError = result.getFlashMap().get("flashError");
        boolean refused;
        if (status >= 500) {
            failures.add(label + ": answered " + status);
            return "bad";
        } else if (status >= 300 && status < 400) {
            // the reason above the page, by the file field, or next to the field of the form that was refused
            refused = flashError != null || result.getFlashMap().get(FormInputFilter.UPLOAD_ERROR) != null
                    || result.getFlashMap().get(FormRefusal.ATTRIBUTE) instanceof FormRefusal r
                            && !r.errors().isEmpty();
        } else if (status >= 400) {
            refused = true;
            boolean reason = html.contains("invalid-feedback") || html.contains("text-danger")
                    || html.contains("alert alert-danger") || html.contains("alert alert-warning")
                    || result.getRequest().getAttribute(PageInputErrors.INPUT_ERROR) != null
                    || status == 403 || status == 404 || status == 409;
            if (!reason) {
                failures.add(label + ": refused " + status + " without a reason shown");
            }
            String field = c.label().contains("=") ? c.label().substring(0, c.label().indexOf('=')) : null;
            Field spec = field == null ? null : endpoint.fields().stream().filter(f -> f.name().equals(field)
                    || field.startsWith(f.name() + "[")).findFirst().orElse(null);
            if (status == 422 && c.mustRefuse() && spec != null && spec.errorId() != null
                    && !html.contains("id=\"" + spec.errorId() + "\"")) {
                failures.add(label + ": the form came back without the message next to " + field);
            }
        } else if (endpoint.method().equals("GET") && html.contains("invalid-feedback")) {
            refused = true; // a list's filter refused next to its field
        } else {
            refused = false;
            if (!endpoint.method().equals("GET")) {
                failures.add(label + ": a form answered " + status + " instead of a redirect or a refusal");
            }
            if (html.contains("\u0000")) {
                failures.add(label + ": the page shows a NUL character");
            }
        }
        if (c.mustRefuse() && !refused) {
            failures.add(label + ": accepted (" + status + ") a value it must refuse");
        }
        return refused ? "refused" : "accepted";
    }

    DatabaseSnapshot snapshot() {
        return DatabaseSnapshot.take(jdbc, snapshotSql);
    }

    static String abbreviate(String value) {
        String shown = value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(cp -> out.append(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= 0x200E && cp <= 0x2069) ? String.format("\\u%04X", cp) : new String(Character.toChars(cp))));
        return out.toString();
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String text = t.toString();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
