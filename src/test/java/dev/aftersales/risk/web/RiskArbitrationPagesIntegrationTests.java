package dev.aftersales.risk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.risk.BuyerRisk;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.SqlStatementCounter;

/**
 * The risk panels on the arbitration pages: the buyer's score with its signals and the shop's scorecard on the
 * workspace, a score badge per row of the queue (without a query per row), the watchlist and supervision list on the
 * dashboard; only agents see them.
 */
@AftersalesIntegrationTest
class RiskArbitrationPagesIntegrationTests {

    @Autowired
    dev.aftersales.support.MutableClock clock;
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
    RiskManagement risk;

    World world;
    UserAccount agent;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        agent = fixtures.account(Role.AGENT, null);
    }

    /** An escalated missing-item claim of this world's buyer on a new delivered order. */
    long escalated(World w) {
        OrderDetails order = fixtures.paidOrder(w);
        fixtures.deliver(order, 1_500);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"), w.buyerUser());
        claims.reject(id, w.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, w.buyerUser(), null, "the parcel was light");
        return id;
    }

    /** The same shop with another buyer. */
    World otherBuyer(World w) {
        return new World(w.shop(), w.products(), w.seller(), fixtures.account(Role.BUYER, null));
    }

    RequestPostProcessor as(UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    String number(long id) {
        return views.detail(id, Fixtures.user(agent)).claimNumber();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A decided claim whose buyer the agent flagged for abuse: the buyer's score now has the flag signal. */
    void flagBuyer() {
        long id = escalated(world);
        arbitration.take(id, Fixtures.user(agent));
        arbitration.decide(id, Fixtures.user(agent), null, new DecisionCommand(DecisionOutcome.REJECT, null,
                "the parcel weight shows nothing missing", "R-8.1", null, null, 0, null, null,
                "third empty-box claim this month"));
    }

    @Test
    void theWorkspaceShowsTheBuyersScoreWithItsSignalsAndTheShopsScorecard() throws Exception {
        flagBuyer();
        long open = escalated(world);
        BuyerRisk r = risk.buyerRisk(world.buyer().id());
        assertThat(r.score()).isPositive();

        String html = page(get("/agent/cases/" + open).with(as(agent)));
        assertThat(html).contains("id=\"buyer-risk\"", "id=\"shop-scorecard\"", "data-signal=\"FLAGS\"",
                r.score() + " / 100", "1 abuse flags by agents", "Return-abuse score",
                world.shop().name(), "data-metric=\"sellerAtFault\"");
        // once, in the side column: the order's own risk section is left out of the workspace
        assertThat(html.split("id=\"buyer-risk\"", -1)).as("buyer's score panels").hasSize(2);
        assertThat(html.split("id=\"shop-scorecard\"", -1)).as("shop's scorecard panels").hasSize(2);

        String zh = page(get("/agent/cases/" + open).header("Accept-Language", "zh-CN").with(as(agent)));
        assertThat(zh).contains("data-signal=\"FLAGS\"", r.score() + " / 100")
                .doesNotContain("abuse flags by agents");
    }

    @Test
    void theQueueShowsEachBuyersScoreAndVerdict() throws Exception {
        flagBuyer();
        long open = escalated(world);
        World clean = otherBuyer(world);
        long other = escalated(clean);
        // the queue shows each buyer's last stored score (recomputed after every event about them), looked up in one
        // query for the page
        Map<Long, RiskManagement.StoredScore> stored = risk.storedScores(List.of(world.buyer().id(),
                clean.buyer().id()));
        RiskManagement.StoredScore flagged = stored.get(world.buyer().id());
        RiskManagement.StoredScore fresh = stored.get(clean.buyer().id());
        String html = page(get("/agent/queue").param("shop", String.valueOf(world.shop().id())).with(as(agent)));
        assertThat(row(html, number(open))).contains(flagged.score() + " / 100 · "
                + flagged.verdict().name().toLowerCase());
        assertThat(row(html, number(other))).contains(fresh.score() + " / 100 · "
                + fresh.verdict().name().toLowerCase());
        // the agent's abuse flag is what sets the first buyer apart
        assertThat(flagged.score() - fresh.score()).isGreaterThanOrEqualTo(20);
        String zh = page(get("/agent/queue").param("shop", String.valueOf(world.shop().id()))
                .header("Accept-Language", "zh-CN").with(as(agent)));
        assertThat(row(zh, number(open))).contains(flagged.score() + " / 100 · ").doesNotContain("· watch", "· review");
    }

    /** The queue row of one claim. */
    static String row(String html, String claimNumber) {
        int at = html.indexOf("data-claim=\"" + claimNumber + "\"");
        assertThat(at).as("row of %s", claimNumber).isPositive();
        int end = html.indexOf("</tr>", at);
        return html.substring(at, end);
    }

    @Test
    void theQueueDoesNotQueryPerRowForTheRiskColumn() throws Exception {
        World few = fixtures.world();
        World many = fixtures.world();
        List<Long> fewIds = new ArrayList<>();
        List<Long> manyIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fewIds.add(escalated(otherBuyer(few)));
        }
        for (int i = 0; i < 9; i++) {
            manyIds.add(escalated(otherBuyer(many)));
        }
        RequestPostProcessor me = as(agent);
        int small = statements(get("/agent/queue").param("shop", String.valueOf(few.shop().id())).with(me), fewIds);
        int large = statements(get("/agent/queue").param("shop", String.valueOf(many.shop().id())).with(me),
                manyIds);
        assertThat(large).as("statements for 9 rows against %d for 3 rows", small).isEqualTo(small);
    }

    /** Statements for the page after a warm-up: the fewer of two counted requests (see the order lists' test). */
    int statements(MockHttpServletRequestBuilder request, List<Long> expected) throws Exception {
        List<String> numbers = expected.stream().map(this::number).toList();
        mvc.perform(request).andExpect(status().isOk());
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            int count = SqlStatementCounter.count(() -> {
                var result = mvc.perform(request).andExpect(status().isOk())
                        .andExpect(content().string(containsString("queue-risk")));
                for (String n : numbers) {
                    result.andExpect(content().string(containsString(n)));
                }
                return null;
            });
            assertThat(count).isPositive();
            fewest = Math.min(fewest, count);
        }
        return fewest;
    }

    @Test
    void theDashboardListsTheWatchlistAndTheSupervisionListWithLinks() throws Exception {
        flagBuyer();
        clock.advance(java.time.Duration.ofSeconds(61)); // past the dashboard's minute
        String html = page(get("/agent/dashboard").with(as(agent)));
        assertThat(html).contains("id=\"dash-watchlist\"", "Abuse watchlist", "href=\"/agent/watchlist\"",
                "id=\"dash-supervision\"", "Shops under supervision", "href=\"/agent/supervision\"");
        String zh = page(get("/agent/dashboard").header("Accept-Language", "zh-CN").with(as(agent)));
        assertThat(zh).contains("id=\"dash-watchlist\"", "href=\"/agent/watchlist\"").doesNotContain("Abuse watchlist");
        List<RiskManagement.WatchRow> top = risk.watchlist();
        if (!top.isEmpty()) {
            assertThat(html).contains("data-buyer=\"" + top.get(0).buyerId() + "\"");
        }
    }

    @Test
    void aShopWithThreeSellerAtFaultDecisionsIsMarkedSupervisedInTheQueueAndOnTheDashboard() throws Exception {
        String page0 = page(get("/agent/queue").param("shop", String.valueOf(world.shop().id())).with(as(agent)));
        assertThat(page0).doesNotContain("queue-supervised");
        for (int i = 0; i < 3; i++) {
            long id = escalated(otherBuyer(world));
            arbitration.take(id, Fixtures.user(agent));
            arbitration.decide(id, Fixtures.user(agent), null, DecisionCommand.of(DecisionOutcome.FULL_REFUND, null,
                    "the parcel was light", "R-3.2"));
        }
        long open = escalated(world);
        assertThat(risk.scorecard(world.shop().id()).supervised()).isTrue();
        String html = page(get("/agent/queue").param("shop", String.valueOf(world.shop().id())).with(as(agent)));
        assertThat(row(html, number(open))).contains("Shop under supervision");
        assertThat(risk.supervisionInBatch()).extracting(c -> c.shopId()).contains(world.shop().id());
        assertThat(risk.supervisionInBatch()).extracting(c -> c.shopId())
                .containsExactlyElementsOf(risk.supervision().stream().map(c -> c.shopId()).toList());
    }

    @Test
    void buyersAndSellersGetForbiddenOnTheAgentPagesWithPanels() throws Exception {
        long id = escalated(world);
        for (UserAccount party : List.of(world.buyer(), world.seller())) {
            RequestPostProcessor them = as(party);
            mvc.perform(get("/agent/cases/" + id).with(them)).andExpect(status().isForbidden())
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("buyer-risk"))));
            mvc.perform(get("/agent/queue").with(them)).andExpect(status().isForbidden());
            mvc.perform(get("/agent/dashboard").with(them)).andExpect(status().isForbidden());
        }
    }
}
