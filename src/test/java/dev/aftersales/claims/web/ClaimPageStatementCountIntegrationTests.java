package dev.aftersales.claims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The claim pages run the same number of SQL statements however many rows or how long a history they show: the
 * buyer's claim list and the seller's list of claims to answer with 3N claims cost what they cost with N, and a
 * claim's page (the buyer's, the seller's) and its order's page cost the same with a long history (messages with
 * photos from both sides, a proposal turned down) as with a claim just filed. A query per row or per timeline entry
 * would show as a difference.
 */
@AftersalesIntegrationTest
class ClaimPageStatementCountIntegrationTests {

    static final int N = 3;

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;

    World few;
    World many;
    List<Filed> fewClaims;
    List<Filed> manyClaims;

    record Filed(long id, String number, OrderDetails order) {
    }

    @BeforeEach
    void setUp() {
        few = fixtures.freshWorld();
        many = fixtures.world();
        fewClaims = filed(few, N);
        manyClaims = filed(many, 3 * N);
    }

    /** Delivered orders, each with a missing-item claim waiting for the seller. */
    List<Filed> filed(World world, int count) {
        List<Filed> filed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OrderDetails order = fixtures.paidOrder(world);
            fixtures.deliver(order, 2_000);
            long id = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
            filed.add(new Filed(id, claims.claim(id, world.buyerUser()).claimNumber(), order));
        }
        return filed;
    }

    /** Five messages with a photo from each side, a reshipment proposed and turned down, then a last message each. */
    void longHistory(World world, Filed claim) {
        for (int i = 0; i < 5; i++) {
            claims.addMessage(claim.id(), world.buyerUser(), "buyer's note " + i,
                    List.of(new EvidenceUpload("buyer-" + i + ".png", Fixtures.png())));
            claims.addMessage(claim.id(), world.sellerUser(), "seller's note " + i,
                    List.of(new EvidenceUpload("seller-" + i + ".png", Fixtures.png())));
        }
        claims.propose(claim.id(), world.sellerUser(), null, Remedy.RESHIP, null, "We send the box again");
        claims.rejectProposal(claim.id(), world.buyerUser(), null, "I want my money back");
        claims.addMessage(claim.id(), world.buyerUser(), "still waiting", List.of());
        claims.addMessage(claim.id(), world.sellerUser(), "looking into it", List.of());
    }

    RequestPostProcessor signIn(UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    /**
     * Statements for the page, after a first request that warms caches up: the fewer of two counted requests, so that a
     * one-off write of the request's surroundings (the stored session) does not count as the page's own. Each counted
     * page must show every text in {@code expected}.
     */
    int statements(MockHttpServletRequestBuilder page, List<String> expected) throws Exception {
        mvc.perform(page).andExpect(status().isOk());
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            int count = SqlStatementCounter.count(() -> {
                var result = mvc.perform(page).andExpect(status().isOk());
                for (String text : expected) {
                    result.andExpect(content().string(containsString(text)));
                }
                return null;
            });
            assertThat(count).as("statements are counted").isPositive();
            fewest = Math.min(fewest, count);
        }
        return fewest;
    }

    static List<String> numbers(List<Filed> filed) {
        return filed.stream().map(Filed::number).toList();
    }

    @Test
    void theBuyersClaimListDoesNotQueryPerRow() throws Exception {
        int small = statements(get("/buyer/claims").with(signIn(few.buyer())), numbers(fewClaims));
        int large = statements(get("/buyer/claims").with(signIn(many.buyer())), numbers(manyClaims));
        assertThat(large).as("statements for %d rows against %d for %d rows", 3 * N, small, N).isEqualTo(small);
    }

    @Test
    void theSellersClaimsToAnswerDoNotQueryPerRow() throws Exception {
        int small = statements(get("/seller/claims").with(signIn(few.seller())), numbers(fewClaims));
        int large = statements(get("/seller/claims").with(signIn(many.seller())), numbers(manyClaims));
        assertThat(large).as("statements for %d rows against %d for %d rows", 3 * N, small, N).isEqualTo(small);
    }

    @Test
    void aClaimsPagesCostTheSameWithALongHistoryAsJustFiled() throws Exception {
        Filed fresh = fewClaims.get(0);
        Filed talked = manyClaims.get(0);
        longHistory(many, talked);

        int buyerFresh = statements(get("/buyer/claims/" + fresh.id()).with(signIn(few.buyer())),
                List.of(fresh.number()));
        int buyerLong = statements(get("/buyer/claims/" + talked.id()).with(signIn(many.buyer())),
                List.of(talked.number(), "buyer-4.png", "seller-4.png", "looking into it"));
        assertThat(buyerLong).as("the buyer's claim page: %d statements just filed", buyerFresh).isEqualTo(buyerFresh);

        int sellerFresh = statements(get("/seller/claims/" + fresh.id()).with(signIn(few.seller())),
                List.of(fresh.number()));
        int sellerLong = statements(get("/seller/claims/" + talked.id()).with(signIn(many.seller())),
                List.of(talked.number(), "buyer-4.png", "seller-4.png", "still waiting"));
        assertThat(sellerLong).as("the seller's claim page: %d statements just filed", sellerFresh)
                .isEqualTo(sellerFresh);

        int orderFresh = statements(get("/buyer/orders/" + fresh.order().id()).with(signIn(few.buyer())),
                List.of(fresh.number()));
        int orderLong = statements(get("/buyer/orders/" + talked.order().id()).with(signIn(many.buyer())),
                List.of(talked.number()));
        assertThat(orderLong).as("the buyer's order page: %d statements with a claim just filed", orderFresh)
                .isEqualTo(orderFresh);
    }
}
