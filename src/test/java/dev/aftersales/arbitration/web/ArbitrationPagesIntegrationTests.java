package dev.aftersales.arbitration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.arbitration.PenaltyKind;
import dev.aftersales.catalog.PolicyAdministration;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.SqlStatementCounter;

/** The agent pages, the parties' answers to the platform, and who may use which. */
@AftersalesIntegrationTest
class ArbitrationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ClaimInterventions interventions;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    PaymentManagement payments;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    PolicyAdministration policy;
    @Autowired
    Formats formats;

    World world;
    OrderDetails order;
    UserAccount agent;
    UserAccount agent2;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_500);
        agent = fixtures.account(Role.AGENT, null);
        agent2 = fixtures.account(Role.AGENT, null);
    }

    long escalated() {
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"), world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "the parcel was light");
        return id;
    }

    RequestPostProcessor as(UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    String number(long id) {
        return views.detail(id, Fixtures.user(agent)).claimNumber();
    }

    @Test
    void theQueueListsEscalatedClaimsByDueTimeWithFiltersAndTheirCounts() throws Exception {
        long first = escalated();
        clock.advance(Duration.ofMinutes(5));
        OrderDetails second = fixtures.paidOrder(world);
        fixtures.deliver(second, 1_500);
        order = second;
        long later = escalated();
        interventions.markForReview(later, "return-abuse verdict: review");
        clock.advance(Duration.ofSeconds(61)); // past the filter counts' minute
        RequestPostProcessor me = as(agent);
        String page = mvc.perform(get("/agent/queue").param("shop", String.valueOf(world.shop().id())).with(me))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(number(first))).isPositive().isLessThan(page.indexOf(number(later)));
        assertThat(page).contains(world.shop().name() + " (");

        mvc.perform(get("/agent/queue").param("shop", String.valueOf(world.shop().id())).param("review", "true")
                .with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number(later))))
                .andExpect(content().string(not(containsString(number(first)))))
                .andExpect(content().string(containsString("return-abuse verdict: review")));
        mvc.perform(get("/agent/queue").param("shop", String.valueOf(world.shop().id())).param("min", "70.00")
                .with(me)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(number(first)))))
                .andExpect(content().string(containsString("No escalated claim matches.")));
        mvc.perform(get("/agent/queue").param("min", "abc").with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("An amount in yuan, like 12.50.")));
    }

    @Test
    void theQueuesFilterCountsAreCountedAtMostOnceAMinuteWhileItsListIsCurrent() throws Exception {
        escalated();
        clock.advance(Duration.ofSeconds(61));
        RequestPostProcessor me = as(agent);
        String shop = String.valueOf(world.shop().id());
        String counted = queue(me, shop);
        String at = formats.dateTime(clock.instant());
        assertThat(counted).contains("Filter counts as of " + at + ", counted again at most every 60 seconds;");
        assertThat(shopCount(counted)).isEqualTo(1);
        assertThat(counted).contains(">1 claim<");

        OrderDetails second = fixtures.paidOrder(world);
        fixtures.deliver(second, 1_500);
        order = second;
        long later = escalated();
        clock.advance(Duration.ofSeconds(59));
        String within = queue(me, shop);
        assertThat(within).as("the list is current").contains(number(later)).contains(">2 claims<");
        assertThat(shopCount(within)).as("the same counts within their minute").isEqualTo(1);
        assertThat(within).contains("Filter counts as of " + at + ",");

        clock.advance(Duration.ofSeconds(2));
        String after = queue(me, shop);
        assertThat(shopCount(after)).as("the view after the minute does not wait for a count").isEqualTo(1);
        assertThat(after).contains("Filter counts as of " + at + ",");
        assertThat(shopCount(queue(me, shop))).as("counted again in the background for the next view").isEqualTo(2);
    }

    String queue(RequestPostProcessor me, String shop) throws Exception {
        return mvc.perform(get("/agent/queue").param("shop", shop).with(me)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** The count beside the world's shop in the queue's shop filter. */
    long shopCount(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                world.shop().name()) + " \\((\\d+)\\)").matcher(page);
        assertThat(m.find()).as("the shop's filter option").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theEvidenceRequestStartsWithThePolicysTimeToAnswer() throws Exception {
        long id = escalated();
        RequestPostProcessor me = as(agent);
        mvc.perform(post("/agent/cases/" + id + "/take").with(me).with(csrf()));
        policy.change("evidenceAnswer", "36h", "test");
        try {
            String page = mvc.perform(get("/agent/cases/" + id).with(me)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).containsPattern("id=\"ev-hours\"[^>]*value=\"36\"");
        } finally {
            policy.change("evidenceAnswer", "72h", "test");
        }
    }

    @Test
    void anAgentTakesDecidesAndTheBuyerSeesTheDecisionAndTheRefund() throws Exception {
        long id = escalated();
        RequestPostProcessor me = as(agent);
        mvc.perform(get("/agent/cases/" + id).with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Take the case")))
                .andExpect(content().string(containsString("R-3.1 Short shipment")))
                .andExpect(content().string(containsString("The buyer&#39;s claims")));
        mvc.perform(post("/agent/cases/" + id + "/take").with(me).with(csrf()))
                .andExpect(redirectedUrl("/agent/cases/" + id));
        mvc.perform(post("/agent/cases/" + id + "/decide").with(me).with(csrf()).param("choice", "DECIDE")
                .param("outcome", "PARTIAL_REFUND").param("amount", "").param("rationale", "")
                .param("clause", "").param("costBearer", "SELLER")).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Enter the partial refund, more than zero.")))
                .andExpect(content().string(containsString("Fill this in.")));
        assertThat(payments.movementsOfClaim(id)).isEmpty();

        mvc.perform(post("/agent/cases/" + id + "/decide").with(me).with(csrf()).param("choice", "DECIDE")
                .param("outcome", "PARTIAL_REFUND").param("amount", "30.00")
                .param("rationale", "one box short by the parcel weight").param("clause", "R-3.2")
                .param("costBearer", "SELLER")).andExpect(redirectedUrl("/agent/cases/" + id))
                .andExpect(flash().attribute("flashSuccess", "arbitration.flash.decided"));
        assertThat(payments.movementsOfClaim(id)).extracting(m -> m.amount()).containsExactly(Money.fen(3000));

        mvc.perform(get("/buyer/claims/" + id).with(as(world.buyer()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("The platform decided")))
                .andExpect(content().string(containsString("one box short by the parcel weight")))
                .andExpect(content().string(containsString("Rule R-3.2 Parcel weight as evidence")))
                .andExpect(content().string(containsString("¥30.00")))
                .andExpect(content().string(containsString("Appeal the decision")));
    }

    @Test
    void theBuyerAnswersAnEvidenceRequestAndAppealsOnceInChinese() throws Exception {
        long id = escalated();
        arbitration.take(id, Fixtures.user(agent));
        arbitration.requestEvidence(id, Fixtures.user(agent), null, Party.BUYER, "开箱照片", Duration.ofHours(72));
        RequestPostProcessor buyer = as(world.buyer());
        mvc.perform(get("/buyer/claims/" + id).with(buyer).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("平台要求您补充证据")))
                .andExpect(content().string(containsString("开箱照片")));
        mvc.perform(get("/seller/claims/" + id).with(as(world.seller()))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("The platform asks you for evidence"))));
        mvc.perform(multipart("/buyer/claims/" + id + "/evidence-answer")
                .file(new MockMultipartFile("files", "open.png", "image/png", Fixtures.png())).param("text",
                        "the box was empty").with(buyer).with(csrf()))
                .andExpect(redirectedUrl("/buyer/claims/" + id));
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        // the evidence was answered and nothing is decided yet: no "The platform" heading with nothing under it
        for (RequestPostProcessor party : List.of(buyer, as(world.seller()))) {
            String page = mvc.perform(get(party == buyer ? "/buyer/claims/" + id : "/seller/claims/" + id).with(party))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(dev.aftersales.support.PageText.emptyHeadings(dev.aftersales.support.PageText.parse(page)))
                    .isEmpty();
        }

        arbitration.decide(id, Fixtures.user(agent), null, DecisionCommand.of(DecisionOutcome.REJECT, null,
                "the weight matches a complete parcel", "R-3.2"));
        var refused = mvc.perform(multipart("/buyer/claims/" + id + "/appeal").param("statement", " ")
                .with(buyer).with(csrf())).andExpect(redirectedUrl("/buyer/claims/" + id)).andReturn();
        dev.aftersales.support.RefusedForms.assertRefusedAt(
                dev.aftersales.support.RefusedForms.follow(mvc, refused, buyer), "appeal-statement",
                "Say why the decision is wrong.");
        mvc.perform(multipart("/buyer/claims/" + id + "/appeal").param("statement", "the box was empty")
                .with(buyer).with(csrf())).andExpect(flash().attribute("flashSuccess", "arbitration.flash.appealed"));
        mvc.perform(multipart("/buyer/claims/" + id + "/appeal").param("statement", "again").with(buyer)
                .with(csrf())).andExpect(flash().attribute("flashError", "claim.rejected.appeal"));

        RequestPostProcessor first = as(agent);
        mvc.perform(get("/agent/cases/" + id).with(first)).andExpect(status().isOk())
                .andExpect(content().string(containsString("You made the first decision")))
                .andExpect(content().string(not(containsString("id=\"decision-form\""))));
        mvc.perform(get("/agent/cases/" + id).with(as(agent2))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Decide the appeal (final)")));
    }

    @Test
    void buyersAndSellersGet403OnAgentPagesAndAgentsCannotActAsAParty() throws Exception {
        long id = escalated();
        for (UserAccount party : List.of(world.buyer(), world.seller())) {
            RequestPostProcessor p = as(party);
            for (String url : List.of("/agent/queue", "/agent/dashboard", "/agent/cases/" + id)) {
                mvc.perform(get(url).with(p)).andExpect(status().isForbidden());
            }
            mvc.perform(post("/agent/cases/" + id + "/take").with(p).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        arbitration.take(id, Fixtures.user(agent));
        arbitration.requestEvidence(id, Fixtures.user(agent), null, Party.BUYER, "photo", Duration.ofHours(72));
        RequestPostProcessor me = as(agent);
        mvc.perform(multipart("/buyer/claims/" + id + "/evidence-answer").param("text", "as the buyer").with(me)
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/seller/claims/" + id + "/appeal").param("statement", "as the seller").with(me)
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
    }

    @Test
    void theShopPanelShowsTheShopsLatestTwentyPenaltiesAndHowManyItHasInAll() throws Exception {
        long decided = escalated();
        arbitration.take(decided, Fixtures.user(agent));
        arbitration.decide(decided, Fixtures.user(agent), null, new DecisionCommand(DecisionOutcome.REJECT, null,
                "nothing missing", "R-8.1", null, PenaltyKind.WARNING, 0, null, "penalty 1", null));
        // 22 more on the same decision, an hour apart: a shop with a long history of penalties
        for (int i = 2; i <= 23; i++) {
            jdbc.update("""
                    insert into arbitration_penalties (claim_id, decision_id, shop_id, agent_id, kind, points,
                      deduction_minor, reason, at)
                    select claim_id, decision_id, shop_id, agent_id, kind, points, deduction_minor, ?, at + ? * interval '1 hour'
                    from arbitration_penalties where claim_id = ? order by id limit 1""", "penalty " + i, i - 1,
                    decided);
        }
        OrderDetails other = fixtures.paidOrder(world);
        fixtures.deliver(other, 1_500);
        order = other;
        long open = escalated();

        String page = mvc.perform(get("/agent/cases/" + open).with(as(agent))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String panel = page.substring(page.indexOf("class=\"mb-3 panel-shop\""));
        panel = panel.substring(0, panel.indexOf("</section>"));
        assertThat(panel).contains("23 penalties in all; the latest 20:");
        assertThat(panel.split(" · penalty ", -1)).as("one list item per penalty shown").hasSize(21);
        assertThat(panel).contains("· penalty 23<", "· penalty 4<").doesNotContain("· penalty 3<", "· penalty 1<");
        assertThat(panel.indexOf("penalty 23")).as("newest first").isLessThan(panel.indexOf("penalty 4"));
    }

    @Test
    void aSecondAgentIsToldWhoHasTheCase() throws Exception {
        long id = escalated();
        arbitration.take(id, Fixtures.user(agent));
        mvc.perform(post("/agent/cases/" + id + "/take").with(as(agent2)).with(csrf()))
                .andExpect(redirectedUrl("/agent/cases/" + id))
                .andExpect(flash().attribute("flashError", "arbitration.refused.taken"));
        mvc.perform(get("/agent/cases/" + id).with(as(agent2))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Taken by " + agent.displayName())))
                .andExpect(content().string(not(containsString("id=\"decision-form\""))));
    }

    @Test
    void theWorkspaceRunsAsManyStatementsWithALongHistoryAsWithAShortOne() throws Exception {
        long shortCase = escalated();
        OrderDetails other = fixtures.paidOrder(world);
        fixtures.deliver(other, 1_500);
        order = other;
        long longCase = escalated();
        for (int i = 0; i < 8; i++) {
            claims.addMessage(longCase, world.buyerUser(), "message " + i,
                    List.of(new dev.aftersales.claims.EvidenceUpload("p" + i + ".png", Fixtures.png())));
            claims.addMessage(longCase, world.sellerUser(), "answer " + i, List.of());
        }
        arbitration.take(longCase, Fixtures.user(agent));
        arbitration.requestEvidence(longCase, Fixtures.user(agent), null, Party.BUYER, "more", Duration.ofHours(1));
        arbitration.answerEvidence(longCase, world.buyerUser(), null, "here", List.of());
        arbitration.take(shortCase, Fixtures.user(agent));
        RequestPostProcessor me = as(agent);
        int few = statements(me, shortCase);
        int many = statements(me, longCase);
        assertThat(views.detail(longCase, Fixtures.user(agent)).timeline().size())
                .isGreaterThan(views.detail(shortCase, Fixtures.user(agent)).timeline().size());
        assertThat(many).isEqualTo(few);
    }

    int statements(RequestPostProcessor me, long id) throws Exception {
        mvc.perform(get("/agent/cases/" + id).with(me)).andExpect(status().isOk());
        int count = SqlStatementCounter.count(() -> mvc.perform(get("/agent/cases/" + id).with(me))
                .andExpect(status().isOk()).andExpect(content().string(containsString(number(id)))));
        assertThat(count).isPositive();
        return count;
    }

    @Test
    void theDashboardShowsEachChartsNumbersAsATable() throws Exception {
        long id = escalated();
        clock.advance(Duration.ofSeconds(61)); // past the summary's age: counted now
        long before = rejected(dashboard());
        arbitration.decide(id, Fixtures.user(agent), null, DecisionCommand.of(DecisionOutcome.REJECT, null,
                "nothing missing", "R-8.1"));
        clock.advance(Duration.ofSeconds(61));
        dashboard(); // the last figures, counted again in the background for the next view
        String page = dashboard();
        assertThat(rejected(page)).isEqualTo(before + 1);
        assertThat(page).contains("id=\"table-open\"", "id=\"table-sla\"", "id=\"table-outcomes\"",
                "id=\"table-shops\"", "/dist/chart.umd.js", "/js/dashboard.js");
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
        mvc.perform(get("/agent/dashboard").with(as(agent)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("监管看板")));
    }

    @Test
    void theDashboardsFiguresAreCountedAtMostOnceAMinuteAndSayWhenTheyWereCounted() throws Exception {
        long id = escalated();
        clock.advance(Duration.ofSeconds(61));
        String counted = dashboard();
        long before = rejected(counted);
        String at = formats.dateTime(clock.instant());
        assertThat(counted).contains("Figures as of " + at + ", counted again at most every 60 seconds.");
        arbitration.decide(id, Fixtures.user(agent), null, DecisionCommand.of(DecisionOutcome.REJECT, null,
                "nothing missing", "R-8.1"));

        clock.advance(Duration.ofSeconds(59));
        String within = dashboard();
        assertThat(rejected(within)).as("the same summary within its minute").isEqualTo(before);
        assertThat(within).contains("Figures as of " + at + ",");

        clock.advance(Duration.ofSeconds(2));
        String after = dashboard();
        assertThat(rejected(after)).as("the view after the minute does not wait for a count").isEqualTo(before);
        assertThat(after).contains("Figures as of " + at + ",");
        String next = dashboard();
        assertThat(rejected(next)).as("counted again in the background for the next view").isEqualTo(before + 1);
        assertThat(next).contains("Figures as of " + formats.dateTime(clock.instant()) + ",");
    }

    String dashboard() throws Exception {
        return mvc.perform(get("/agent/dashboard").with(as(agent))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** The number in the outcome table's "Rejected" row. */
    static long rejected(String page) {
        String table = page.substring(page.indexOf("id=\"table-outcomes\""));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<th scope=\"row\">Rejected</th>\\s*<td class=\"text-end\">(\\d+)</td>").matcher(table);
        assertThat(m.find()).as("the Rejected row").isTrue();
        return Long.parseLong(m.group(1));
    }
}
