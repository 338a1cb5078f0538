package dev.aftersales.claims.api;

import static dev.aftersales.support.SellerApiClaims.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.ApiScope;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.ApiCalls.Response;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.SellerApiClaims;
import dev.aftersales.support.SellerApiClaims.Filed;
import tools.jackson.databind.JsonNode;

/**
 * Every seller move over real HTTP against the two promises of docs/seller-api.md: a move decided on an old version of
 * the claim answers 409 {@code stale-version} and changes nothing; a move sent again with the same
 * {@code Idempotency-Key} answers the first answer again, marked {@code Idempotent-Replayed: true}, and is done once.
 */
@AftersalesIntegrationTest
class SellerApiMovesIntegrationTests {

    static final String PNG = Base64.getEncoder().encodeToString(Fixtures.png());

    @Autowired
    Fixtures fixtures;
    @Autowired
    SellerApiClaims stories;
    @Autowired
    ClaimManagement claims;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    World world;
    ApiCalls erp;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        erp = stories.api(world, EnumSet.allOf(ApiScope.class), port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String base(Filed filed) {
        return "/api/v1/seller/claims/" + filed.number();
    }

    /** Everything a move could change about a claim: its status and version, and what it and its order hold. */
    record Footprint(ClaimStatus status, long version, long steps, long messages, long evidence, long movements,
            long parcels, long refundedFen) {
    }

    Footprint footprint(Filed filed) {
        return new Footprint(stories.status(filed, world), stories.version(filed, world), stories.steps(filed, null),
                stories.messages(filed), stories.evidence(filed), stories.movements(filed), stories.parcels(filed),
                ledger.assertHold(filed.order().id()).netRefundedMinor());
    }

    /**
     * A claim waiting for the seller whose version the ERP read, then changed on the desk: the seller proposed a
     * reshipment and the buyer turned it down, so it waits for the seller again, at a newer version.
     */
    long changedSinceRead(Filed filed) {
        long read = stories.version(filed, world);
        claims.propose(filed.id(), world.sellerUser(), read, Remedy.RESHIP, null, "We send the box again");
        claims.rejectProposal(filed.id(), world.buyerUser(), null, "I want my money back");
        assertThat(stories.status(filed, world)).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(stories.version(filed, world)).isGreaterThan(read);
        return read;
    }

    /** Sends the move with a stale version and asserts the 409 and that nothing about the claim changed. */
    void refusedAsStale(Filed filed, String path, String body) {
        Footprint before = footprint(filed);

        Response stale = erp.post(base(filed) + path, body);

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.problem()).isTrue();
        assertThat(json(stale).get("code").asString()).isEqualTo("stale-version");
        assertThat(footprint(filed)).as("nothing changed").isEqualTo(before);
    }

    /**
     * Sends the move with an Idempotency-Key, then the same request with the same key again: the same answer, marked
     * replayed, and the claim as the first call left it.
     */
    JsonNode doneOnceThoughSentTwice(Filed filed, String path, String body) {
        String key = "k-" + path.replaceAll("\\W", "") + "-" + filed.number();
        Footprint before = footprint(filed);

        Response first = erp.post(base(filed) + path, body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.replayed()).isFalse();
        Footprint after = footprint(filed);
        assertThat(after).as("the move was done").isNotEqualTo(before);

        Response again = erp.post(base(filed) + path, body, key);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.replayed()).as("Idempotent-Replayed: true").isTrue();
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(footprint(filed)).as("done once").isEqualTo(after);
        return json(first);
    }

    // ------------------------------------------------------------------------------------------ stale versions

    @Test
    void anAcceptOnAStaleVersionIsRefusedAndTheNewVersionIsAccepted() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);
        long stale = changedSinceRead(filed);

        refusedAsStale(filed, "/accept", "{\"version\":" + stale + "}");

        Response current = erp.post(base(filed) + "/accept", "{\"version\":" + stories.version(filed, world) + "}");
        assertThat(current.status()).as("the same move on the claim as it is now").isEqualTo(200);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isEqualTo(3000);
    }

    @Test
    void aProposalOnAStaleVersionIsRefusedAndChangesNothing() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);
        long stale = changedSinceRead(filed);
        String proposal = ",\"remedy\":\"REFUND\",\"amountFen\":1500,\"note\":\"Half back, keep the apples\"}";

        refusedAsStale(filed, "/proposals", "{\"version\":" + stale + proposal);

        Response current = erp.post(base(filed) + "/proposals",
                "{\"version\":" + stories.version(filed, world) + proposal);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(json(current).get("status").asString()).isEqualTo("PROPOSAL_PENDING");
    }

    @Test
    void aRejectionOnAStaleVersionIsRefusedAndKeepsNoneOfItsEvidence() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);
        long stale = changedSinceRead(filed);
        String rejection = ",\"reason\":\"Both bags left the warehouse\",\"files\":[{\"name\":\"scale.png\","
                + "\"contentBase64\":\"" + PNG + "\"}]}";

        refusedAsStale(filed, "/rejection", "{\"version\":" + stale + rejection);

        Response current = erp.post(base(filed) + "/rejection",
                "{\"version\":" + stories.version(filed, world) + rejection);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(json(current).get("rejectionReason").asString()).isEqualTo("Both bags left the warehouse");
    }

    @Test
    void aReturnInspectionOnAVersionReadBeforeTheParcelArrivedIsRefusedAndRefundsNothing() {
        Filed filed = stories.returnInTransit(world);
        long readInTransit = stories.version(filed, world);
        fixtures.deliverLeg(stories.returnTracking(filed));
        assertThat(stories.status(filed, world)).isEqualTo(ClaimStatus.AWAITING_RETURN_CONFIRMATION);
        String inspection = ",\"result\":\"AS_SOLD\",\"note\":\"Sealed, as sold\"}";

        refusedAsStale(filed, "/return-inspection", "{\"version\":" + readInTransit + inspection);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isZero();

        Response current = erp.post(base(filed) + "/return-inspection",
                "{\"version\":" + stories.version(filed, world) + inspection);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isEqualTo(5000);
    }

    @Test
    void aReshipmentOnAVersionReadBeforeTheAcceptIsRefusedAndRegistersNoParcel() {
        Filed filed = stories.missingUnit(world, Remedy.RESHIP);
        long readWhenFiled = stories.version(filed, world);
        claims.accept(filed.id(), world.sellerUser(), readWhenFiled);
        assertThat(stories.status(filed, world)).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);
        String tracking = Fixtures.trackingNumber();
        String reshipment = ",\"carrier\":\"SF\",\"trackingNumber\":\"" + tracking + "\"}";

        refusedAsStale(filed, "/reshipment", "{\"version\":" + readWhenFiled + reshipment);

        Response current = erp.post(base(filed) + "/reshipment",
                "{\"version\":" + stories.version(filed, world) + reshipment);
        assertThat(current.status()).as("the same tracking number is still free: " + current.body()).isEqualTo(200);
        assertThat(json(current).get("status").asString()).isEqualTo("RESHIPMENT_IN_TRANSIT");
    }

    // ------------------------------------------------------------------------------------------ refused parcels

    @Test
    void aReshipmentWithANumberOfAnotherFormatIsRefusedAtTheNumberInTheClaimPagesWordsAndRegistersNoParcel() {
        Filed filed = stories.awaitingReshipment(world);
        Footprint before = footprint(filed);

        Response refused = erp.post(base(filed) + "/reshipment", "{\"version\":" + stories.version(filed, world)
                + ",\"carrier\":\"SF\",\"trackingNumber\":\"SF12345\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.problem()).isTrue();
        JsonNode problem = json(refused);
        assertThat(problem.get("code").asString()).isEqualTo("tracking-number-invalid");
        assertThat(problem.get("reason").asString()).isEqualTo("watchers.supply.error.format");
        assertThat(problem.get("detail").asString())
                .isEqualTo("That is not a tracking number of this carrier (for example SF1234567890123).");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("trackingNumber");
        assertThat(footprint(filed)).as("no parcel, no step").isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------ replays

    @Test
    void anAcceptSentTwiceWithOneKeyRefundsOnce() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);

        JsonNode answer = doneOnceThoughSentTwice(filed, "/accept",
                "{\"version\":" + stories.version(filed, world) + "}");

        assertThat(answer.get("status").asString()).isNotEqualTo("AWAITING_SELLER");
        var money = ledger.assertHold(filed.order().id());
        assertThat(money.netRefundedMinor()).isEqualTo(3000);
        assertThat(money.ofClaim(filed.id())).hasSize(1);
        assertThat(stories.steps(filed, "ACCEPTED")).isEqualTo(1);
    }

    @Test
    void aProposalSentTwiceWithOneKeyIsMadeOnce() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);

        JsonNode answer = doneOnceThoughSentTwice(filed, "/proposals", "{\"version\":"
                + stories.version(filed, world) + ",\"remedy\":\"REFUND\",\"amountFen\":1500,\"note\":\"Half back\"}");

        assertThat(answer.get("status").asString()).isEqualTo("PROPOSAL_PENDING");
        assertThat(answer.get("proposal").get("amountFen").asLong()).isEqualTo(1500);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).as("a proposal moves no money").isZero();
    }

    @Test
    void aRejectionWithEvidenceSentTwiceWithOneKeyIsRecordedOnceWithItsFileOnce() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);

        JsonNode answer = doneOnceThoughSentTwice(filed, "/rejection", "{\"version\":"
                + stories.version(filed, world) + ",\"reason\":\"Both bags left the warehouse\",\"files\":[{\"name\":"
                + "\"scale.png\",\"contentBase64\":\"" + PNG + "\"}]}");

        assertThat(answer.get("rejectionReason").asString()).isEqualTo("Both bags left the warehouse");
        assertThat(stories.evidence(filed)).isEqualTo(1);
        assertThat(stories.steps(filed, "REJECTED")).isEqualTo(1);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isZero();
    }

    @Test
    void aReturnInspectionSentTwiceWithOneKeyRefundsTheReturnOnce() {
        Filed filed = stories.awaitingReturnConfirmation(world);

        JsonNode answer = doneOnceThoughSentTwice(filed, "/return-inspection", "{\"version\":"
                + stories.version(filed, world) + ",\"result\":\"AS_SOLD\",\"note\":\"Sealed, as sold\"}");

        assertThat(answer.get("status").asString()).isNotEqualTo("AWAITING_RETURN_CONFIRMATION");
        var money = ledger.assertHold(filed.order().id());
        assertThat(money.netRefundedMinor()).isEqualTo(5000);
        assertThat(money.ofClaim(filed.id())).hasSize(1);
    }

    @Test
    void aReshipmentSentTwiceWithOneKeyRegistersOneParcel() {
        Filed filed = stories.awaitingReshipment(world);
        String tracking = Fixtures.trackingNumber();

        JsonNode answer = doneOnceThoughSentTwice(filed, "/reshipment", "{\"version\":"
                + stories.version(filed, world) + ",\"carrier\":\"SF\",\"trackingNumber\":\"" + tracking + "\"}");

        assertThat(answer.get("status").asString()).isEqualTo("RESHIPMENT_IN_TRANSIT");
        assertThat(stories.parcels(filed)).as("the order's parcel and the reshipment").isEqualTo(2);
        assertThat(ledger.assertHold(filed.order().id()).netRefundedMinor()).isZero();
    }

    @Test
    void aMessageSentTwiceWithOneKeyIsWrittenOnce() {
        Filed filed = stories.missingUnit(world, Remedy.REFUND);

        JsonNode answer = doneOnceThoughSentTwice(filed, "/messages", "{\"body\":\"Packing photo attached\","
                + "\"files\":[{\"name\":\"packing.png\",\"contentBase64\":\"" + PNG + "\"}]}");

        assertThat(answer.get("messages")).hasSize(1);
        assertThat(stories.messages(filed)).isEqualTo(1);
        assertThat(stories.evidence(filed)).isEqualTo(1);
        assertThat(stories.status(filed, world)).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void aBatchAcceptSentTwiceWithOneKeyRefundsEachClaimOnce() {
        Filed one = stories.missingUnit(world, Remedy.REFUND);
        Filed two = stories.missingUnit(world, Remedy.REFUND);
        Footprint oneBefore = footprint(one);
        Footprint twoBefore = footprint(two);
        String batch = "{\"items\":[{\"number\":\"" + one.number() + "\",\"version\":" + oneBefore.version()
                + "},{\"number\":\"" + two.number() + "\",\"version\":" + twoBefore.version() + "}]}";
        String key = "batch-" + one.number();

        Response first = erp.post("/api/v1/seller/claims/batch-accept", batch, key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.replayed()).isFalse();
        List.of(0, 1).forEach(i -> assertThat(json(first).get("items").get(i).get("status").asInt()).isEqualTo(200));
        Footprint oneAfter = footprint(one);
        Footprint twoAfter = footprint(two);

        Response again = erp.post("/api/v1/seller/claims/batch-accept", batch, key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replayed()).isTrue();
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(footprint(one)).isEqualTo(oneAfter);
        assertThat(footprint(two)).isEqualTo(twoAfter);
        for (Filed f : List.of(one, two)) {
            var money = ledger.assertHold(f.order().id());
            assertThat(money.netRefundedMinor()).isEqualTo(3000);
            assertThat(money.ofClaim(f.id())).hasSize(1);
            assertThat(stories.steps(f, "ACCEPTED")).isEqualTo(1);
        }
    }
}
