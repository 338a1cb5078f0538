package dev.aftersales.claims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.identity.SellerApiKeys;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.payments.internal.LocalPaymentProvider;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.ApiCalls.Response;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.SellerApiClaims;
import dev.aftersales.support.SellerApiClaims.Filed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The seller API over real HTTP, as a shop's ERP calls it: the feed, one claim, the moves with their version and
 * Idempotency-Key, the batch, the scopes, and another shop's key, which finds nothing of this shop's.
 */
@AftersalesIntegrationTest
class SellerApiIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Fixtures fixtures;
    @Autowired
    SellerApiClaims stories;
    @Autowired
    ClaimManagement claims;
    @Autowired
    SellerApiKeys keys;
    @Autowired
    AccountManagement accounts;
    @Autowired
    OrderManagement orders;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    LocalPaymentProvider provider;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    World world;
    ApiCalls erp;

    @BeforeEach
    void setUp() {
        clock.reset();
        provider.recover();
        world = fixtures.world();
        erp = api(world, EnumSet.allOf(ApiScope.class));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ApiCalls api(World shop, Set<ApiScope> scopes) {
        return new ApiCalls(port, keys.create(shop.sellerUser(), Fixtures.unique("erp-"), scopes).value());
    }

    /** A delivered order and a claim that one of its two A units is missing (¥30.00, one A unit), waiting for the seller. */
    Filed missingUnit(World shop) {
        return stories.missingUnit(shop, Remedy.REFUND);
    }

    static JsonNode json(Response response) {
        return JSON.readTree(response.body());
    }

    /** Lets the feed's settle time pass, so that what just changed is in it. */
    void settle() {
        clock.advance(Duration.ofMinutes(1));
    }

    // ------------------------------------------------------------------------------------------ the feed

    @Test
    void theFeedPagesThroughTheShopsClaimsInTheOrderTheyChangedAndResumesFromItsCursor() {
        Filed first = missingUnit(world);
        clock.advance(Duration.ofMinutes(5));
        Filed second = missingUnit(world);
        clock.advance(Duration.ofMinutes(5));
        Filed third = missingUnit(world);
        missingUnit(fixtures.world()); // another shop's claim: never in this shop's feed
        settle();

        JsonNode page1 = json(erp.get("/api/v1/seller/claims?limit=2"));
        assertThat(numbers(page1)).containsExactly(first.number(), second.number());
        assertThat(page1.get("hasMore").asBoolean()).isTrue();
        JsonNode page2 = json(erp.get("/api/v1/seller/claims?limit=2&cursor=" + page1.get("nextCursor").asString()));
        assertThat(numbers(page2)).containsExactly(third.number());
        assertThat(page2.get("hasMore").asBoolean()).isFalse();
        JsonNode item = page2.get("items").get(0);
        assertThat(item.get("status").asString()).isEqualTo("AWAITING_SELLER");
        assertThat(item.get("ballInCourt").asString()).isEqualTo("SELLER");
        assertThat(item.get("requestedAmountFen").asLong()).isEqualTo(3000);

        // nothing new: the same cursor comes back, to poll again later
        String cursor = page2.get("nextCursor").asString();
        JsonNode idle = json(erp.get("/api/v1/seller/claims?cursor=" + cursor));
        assertThat(numbers(idle)).isEmpty();
        assertThat(idle.get("nextCursor").asString()).isEqualTo(cursor);

        // the seller writes on the first claim on the page: it comes back in the feed, after its settle time only
        claims.addMessage(first.id(), world.sellerUser(), "Checking the packing video", List.of());
        assertThat(numbers(json(erp.get("/api/v1/seller/claims?cursor=" + cursor)))).isEmpty();
        settle();
        assertThat(numbers(json(erp.get("/api/v1/seller/claims?cursor=" + cursor)))).containsExactly(first.number());
    }

    @Test
    void theFeedFiltersByStatusAndByTheTimeOfChange() {
        Filed early = missingUnit(world);
        clock.advance(Duration.ofHours(2));
        var since = clock.instant();
        Filed late = missingUnit(world);
        Filed accepted = missingUnit(world);
        claims.accept(accepted.id(), world.sellerUser(), null);
        settle();

        assertThat(numbers(json(erp.get("/api/v1/seller/claims?updatedSince=" + since))))
                .containsExactlyInAnyOrder(late.number(), accepted.number()).doesNotContain(early.number());
        assertThat(numbers(json(erp.get("/api/v1/seller/claims?status=AWAITING_SELLER"))))
                .containsExactlyInAnyOrder(early.number(), late.number());
        Response bad = erp.get("/api/v1/seller/claims?cursor=not-a-cursor");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("code").asString()).isEqualTo("cursor-invalid");
    }

    // ------------------------------------------------------------------------------------------ one claim

    @Test
    void oneClaimShowsItsLinesAmountsTimelineMessagesEvidenceAndTheMovesAllowedNow() {
        Filed filed = missingUnit(world);
        claims.addMessage(filed.id(), world.buyerUser(), "The box had only one bag",
                List.of(new dev.aftersales.claims.EvidenceUpload("box.png", Fixtures.png())));

        JsonNode claim = json(erp.get("/api/v1/seller/claims/" + filed.number()));

        assertThat(claim.get("orderNumber").asString()).isEqualTo(filed.order().orderNumber());
        assertThat(claim.get("lines").get(0).get("sku").asString()).isEqualTo("A");
        assertThat(claim.get("lines").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(claim.get("lines").get(0).get("amountFen").asLong()).isEqualTo(3000);
        assertThat(claim.get("ballInCourt").asString()).isEqualTo("SELLER");
        assertThat(claim.get("dueAt").isNull()).isFalse();
        assertThat(claim.get("timeline").get(0).get("action").asString()).isEqualTo("FILED");
        assertThat(claim.get("messages").get(0).get("body").asString()).isEqualTo("The box had only one bag");
        String href = claim.get("messages").get(0).get("files").get(0).get("href").asString();
        assertThat(erp.get(href).status()).isEqualTo(200);
        // the file is the shop's: another shop's key finds nothing, a key that may only answer may not read it
        assertThat(api(fixtures.world(), EnumSet.allOf(ApiScope.class)).get(href).status()).isEqualTo(404);
        assertThat(api(world, EnumSet.of(ApiScope.CLAIMS_ANSWER)).get(href).status()).isEqualTo(403);
        List<String> moves = new ArrayList<>();
        claim.get("allowedMoves").forEach(m -> moves.add(m.asString()));
        assertThat(moves).contains("ACCEPT", "PROPOSE", "REJECT", "MESSAGE").doesNotContain("RESHIP");
    }

    @Test
    void anotherShopsKeyFindsNothingOfThisShopAndChangesNothing() {
        Filed filed = missingUnit(world);
        ApiCalls stranger = api(fixtures.world(), EnumSet.allOf(ApiScope.class));
        String base = "/api/v1/seller/claims/" + filed.number();
        long version = claims.claim(filed.id(), world.sellerUser()).version();
        String v = "{\"version\":" + version;

        List<Response> answers = List.of(stranger.get(base),
                stranger.post(base + "/accept", v + "}"),
                stranger.post(base + "/proposals", v + ",\"remedy\":\"REFUND\",\"amountFen\":100}"),
                stranger.post(base + "/rejection", v + ",\"reason\":\"no\"}"),
                stranger.post(base + "/return-inspection", v + ",\"result\":\"AS_SOLD\"}"),
                stranger.post(base + "/reshipment", v + ",\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567890\"}"),
                stranger.post(base + "/messages", "{\"body\":\"hello\"}"),
                stranger.post("/api/v1/seller/orders/" + filed.order().orderNumber() + "/shipments",
                        "{\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567890\"}"));
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(404);
            assertThat(a.problem()).isTrue();
            assertThat(json(a).get("code").asString()).isEqualTo("not-found");
        });
        JsonNode batch = json(stranger.post("/api/v1/seller/claims/batch-accept",
                "{\"items\":[{\"number\":\"" + filed.number() + "\",\"version\":" + version + "}]}"));
        assertThat(batch.get("items").get(0).get("status").asInt()).isEqualTo(404);
        var unchanged = claims.claim(filed.id(), world.sellerUser());
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(steps(filed, null)).isEqualTo(1);
        settle();
        assertThat(numbers(json(stranger.get("/api/v1/seller/claims")))).doesNotContain(filed.number());
    }

    // ------------------------------------------------------------------------------------------ scopes, keys

    @Test
    void aKeyDoesOnlyWhatItsScopesAllowAndARevokedKeyNothing() {
        Filed filed = missingUnit(world);
        ApiCalls readOnly = api(world, EnumSet.of(ApiScope.CLAIMS_READ));
        ApiCalls answerOnly = api(world, EnumSet.of(ApiScope.CLAIMS_ANSWER));
        String accept = "{\"version\":" + claims.claim(filed.id(), world.sellerUser()).version() + "}";

        assertThat(readOnly.get("/api/v1/seller/claims/" + filed.number()).status()).isEqualTo(200);
        Response refused = readOnly.post("/api/v1/seller/claims/" + filed.number() + "/accept", accept);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(json(refused).get("code").asString()).isEqualTo("scope-missing");
        assertThat(answerOnly.get("/api/v1/seller/claims/" + filed.number()).status()).isEqualTo(403);
        assertThat(answerOnly.get("/api/v1/seller/claims").status()).isEqualTo(403);
        assertThat(answerOnly.post("/api/v1/seller/orders/" + filed.order().orderNumber() + "/shipments",
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567890\"}").status()).isEqualTo(403);
        assertThat(steps(filed, null)).isEqualTo(1);

        var issued = keys.create(world.sellerUser(), Fixtures.unique("temp-"), EnumSet.of(ApiScope.CLAIMS_READ));
        ApiCalls temp = new ApiCalls(port, issued.value());
        assertThat(temp.get("/api/v1/seller/claims").status()).isEqualTo(200);
        keys.revoke(issued.key().id(), world.sellerUser());
        Response revoked = temp.get("/api/v1/seller/claims");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(json(revoked).get("code").asString()).isEqualTo("api-key-invalid");
        assertThat(new ApiCalls(port, "ssk_wrong").get("/api/v1/seller/claims").status()).isEqualTo(401);
    }

    @Test
    void aKeyStopsWorkingWhenTheAccountThatCreatedItIsDisabled() {
        var staff = fixtures.account(dev.aftersales.shared.Role.SELLER, world.shop().id());
        ApiCalls key = new ApiCalls(port, keys.create(Fixtures.user(staff), Fixtures.unique("leaver-"),
                EnumSet.of(ApiScope.CLAIMS_READ)).value());
        assertThat(key.get("/api/v1/seller/claims").status()).isEqualTo(200);
        accounts.disable(staff.id(), world.seller().id());
        assertThat(key.get("/api/v1/seller/claims").status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------------------------------ moves

    @Test
    void aMoveWithAStaleVersionIsRefusedWith409AndChangesNothing() {
        Filed filed = missingUnit(world);
        long version = claims.claim(filed.id(), world.sellerUser()).version();
        claims.addMessage(filed.id(), world.buyerUser(), "Any news?", List.of()); // a message moves no version
        claims.propose(filed.id(), world.sellerUser(), version, Remedy.RESHIP, null, "We send the box again");

        Response stale = erp.post("/api/v1/seller/claims/" + filed.number() + "/accept",
                "{\"version\":" + version + "}");

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale).get("code").asString()).isEqualTo("stale-version");
        assertThat(claims.claim(filed.id(), world.sellerUser()).status().name()).isEqualTo("PROPOSAL_PENDING");
        assertThat(ledger.of(filed.order().id()).sum("REFUND")).isZero();
    }

    @Test
    void acceptingOverTheApiRefundsOnceAndAnswersTheClaimWithItsNewVersion() {
        Filed filed = missingUnit(world);
        long version = claims.claim(filed.id(), world.sellerUser()).version();

        Response accepted = erp.post("/api/v1/seller/claims/" + filed.number() + "/accept",
                "{\"version\":" + version + "}", "accept-" + filed.number());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode claim = json(accepted);
        assertThat(claim.get("version").asLong()).isGreaterThan(version);
        assertThat(claim.get("timeline").get(1).get("actorName").asString()).endsWith("(API)");
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isEqualTo(3000);

        // the ERP did not see the answer and sends the same request again: the same answer, nothing done twice
        Response again = erp.post("/api/v1/seller/claims/" + filed.number() + "/accept",
                "{\"version\":" + version + "}", "accept-" + filed.number());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replayed()).isTrue();
        assertThat(json(again)).isEqualTo(claim);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isEqualTo(3000);

        // the same key for another request is a mistake of the caller
        Response reused = erp.post("/api/v1/seller/claims/" + filed.number() + "/accept",
                "{\"version\":" + (version + 7) + "}", "accept-" + filed.number());
        assertThat(reused.status()).isEqualTo(422);
        assertThat(json(reused).get("code").asString()).isEqualTo("idempotency-key-reused");
        Response blank = erp.post("/api/v1/seller/claims/" + filed.number() + "/accept",
                "{\"version\":" + version + "}", "has space");
        assertThat(json(blank).get("code").asString()).isEqualTo("idempotency-key-invalid");
    }

    @Test
    void theSameAcceptSentAtOnceWithOneIdempotencyKeyIsCarriedOutOnceAndEveryCallerGetsItsAnswer() {
        Filed filed = missingUnit(world);
        long version = claims.claim(filed.id(), world.sellerUser()).version();

        var outcomes = Race.runSame(8, () -> erp.post("/api/v1/seller/claims/" + filed.number() + "/accept",
                "{\"version\":" + version + "}", "race-" + filed.number()));

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.succeeded()).as(String.valueOf(o.error())).isTrue();
            assertThat(o.value().status()).as(o.value().body()).isEqualTo(200);
        });
        assertThat(outcomes.stream().map(o -> json(o.value()).get("version").asLong()).distinct()).hasSize(1);
        var ledgerNow = ledger.assertHold(filed.order().id());
        assertThat(ledgerNow.netRefundedMinor()).isEqualTo(3000);
        assertThat(ledgerNow.ofClaim(filed.id())).hasSize(1);
        assertThat(steps(filed, "ACCEPTED")).isEqualTo(1);
    }

    @Test
    void aProposalThatBreaksARuleAndAMoveTheClaimDoesNotAcceptNowAreRefusedWithTheirCodes() {
        Filed filed = missingUnit(world);
        long version = claims.claim(filed.id(), world.sellerUser()).version();
        String base = "/api/v1/seller/claims/" + filed.number();

        Response tooMuch = erp.post(base + "/proposals",
                "{\"version\":" + version + ",\"remedy\":\"REFUND\",\"amountFen\":999999}");
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(json(tooMuch).get("code").asString()).isEqualTo("invalid-input");
        assertThat(json(tooMuch).get("reason").asString()).startsWith("claim.rejected.");

        Response notNow = erp.post(base + "/reshipment",
                "{\"version\":" + version + ",\"carrier\":\"SF\",\"trackingNumber\":\"SF1234567890\"}");
        assertThat(notNow.status()).as(notNow.body()).isEqualTo(409);
        assertThat(json(notNow).get("code").asString()).isEqualTo("move-not-allowed");

        Response missingVersion = erp.post(base + "/accept", "{}");
        assertThat(missingVersion.status()).isEqualTo(422);
        assertThat(json(missingVersion).get("errors").get(0).get("field").asString()).isEqualTo("version");

        Response badFile = erp.post(base + "/messages",
                "{\"body\":\"photo\",\"files\":[{\"name\":\"a.png\",\"contentBase64\":\"***\"}]}");
        assertThat(badFile.status()).isEqualTo(422);
        assertThat(claims.claim(filed.id(), world.sellerUser()).version()).isEqualTo(version);
    }

    @Test
    void aRejectionWithEvidenceAndAMessageWithAPhotoArriveOnTheClaim() {
        Filed filed = missingUnit(world);
        long version = claims.claim(filed.id(), world.sellerUser()).version();
        String png = Base64.getEncoder().encodeToString(Fixtures.png());

        Response message = erp.post("/api/v1/seller/claims/" + filed.number() + "/messages",
                "{\"body\":\"Packing photo attached\",\"files\":[{\"name\":\"packing.png\",\"contentBase64\":\"" + png
                        + "\"}]}");
        assertThat(message.status()).as(message.body()).isEqualTo(200);
        Response rejected = erp.post("/api/v1/seller/claims/" + filed.number() + "/rejection",
                "{\"version\":" + version + ",\"reason\":\"Both bags left the warehouse\",\"files\":[{\"name\":"
                        + "\"scale.png\",\"contentBase64\":\"" + png + "\"}]}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        JsonNode claim = json(rejected);
        assertThat(claim.get("rejectionReason").asString()).isEqualTo("Both bags left the warehouse");
        assertThat(claim.get("messages").get(0).get("files").get(0).get("fileName").asString())
                .isEqualTo("packing.png");
        List<String> files = new ArrayList<>();
        claim.get("evidence").forEach(e -> files.add(e.get("fileName").asString()));
        assertThat(files).contains("scale.png");
    }

    @Test
    void aBatchAcceptAnswersEachClaimOnItsOwn() {
        Filed good = missingUnit(world);
        Filed stale = missingUnit(world);
        Filed foreign = missingUnit(fixtures.world());
        long goodVersion = claims.claim(good.id(), world.sellerUser()).version();

        JsonNode answer = json(erp.post("/api/v1/seller/claims/batch-accept", "{\"items\":["
                + "{\"number\":\"" + good.number() + "\",\"version\":" + goodVersion + "},"
                + "{\"number\":\"" + stale.number() + "\",\"version\":999},"
                + "{\"number\":\"" + foreign.number() + "\",\"version\":0}]}"));

        JsonNode items = answer.get("items");
        assertThat(items.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(items.get(0).get("version").asLong()).isGreaterThan(goodVersion);
        assertThat(items.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(items.get(1).get("code").asString()).isEqualTo("stale-version");
        assertThat(items.get(2).get("status").asInt()).isEqualTo(404);
        assertThat(ledger.assertHold(good.order().id()).netRefundedMinor()).isEqualTo(3000);
        assertThat(ledger.of(stale.order().id()).sum("REFUND")).isZero();
        assertThat(ledger.of(foreign.order().id()).sum("REFUND")).isZero();

        Response tooMany = erp.post("/api/v1/seller/claims/batch-accept", "{\"items\":[" + String.join(",",
                java.util.Collections.nCopies(101, "{\"number\":\"X\",\"version\":1}")) + "]}");
        assertThat(tooMany.status()).isEqualTo(422);
    }

    // ------------------------------------------------------------------------------------------ orders

    @Test
    void theShopsSystemShipsAnOrderOnceAndIsToldWhenItIsAlreadyShipped() {
        OrderDetails order = fixtures.paidOrder(world);
        String tracking = Fixtures.trackingNumber();

        Response shipped = erp.post("/api/v1/seller/orders/" + order.orderNumber() + "/shipments",
                "{\"carrier\":\"SF\",\"trackingNumber\":\"" + tracking + "\"}", "ship-" + order.orderNumber());
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        assertThat(json(shipped).get("trackingNumber").asString()).isEqualTo(tracking);
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
        Response replay = erp.post("/api/v1/seller/orders/" + order.orderNumber() + "/shipments",
                "{\"carrier\":\"SF\",\"trackingNumber\":\"" + tracking + "\"}", "ship-" + order.orderNumber());
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.replayed()).isTrue();

        Response twice = erp.post("/api/v1/seller/orders/" + order.orderNumber() + "/shipments",
                "{\"carrier\":\"SF\",\"trackingNumber\":\"" + Fixtures.trackingNumber() + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(json(twice).get("code").asString()).isEqualTo("order-already-shipped");
        assertThat(jdbc.queryForObject("select count(*) from shipments where order_id = ? and direction = 'OUTBOUND'",
                Long.class, order.id())).isEqualTo(1);
    }

    /** How many timeline entries the claim has (of this action, or all). */
    long steps(Filed filed, String action) {
        return stories.steps(filed, action);
    }

    static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(i -> numbers.add(i.get("number").asString()));
        return numbers;
    }
}
