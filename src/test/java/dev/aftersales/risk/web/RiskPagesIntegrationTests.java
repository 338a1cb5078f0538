package dev.aftersales.risk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.catalog.PolicyAdministration;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.risk.RiskManagement;
import dev.aftersales.risk.internal.Ratings;
import dev.aftersales.risk.internal.RiskSettingsStore;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/** The risk pages over real HTTP handling: who may see what, the rating form, the admin's policy forms. */
@AftersalesIntegrationTest
class RiskPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    Ratings ratings;
    @Autowired
    RiskManagement risk;
    @Autowired
    PolicyAdministration policy;
    @Autowired
    RiskSettingsStore thresholds;

    World world;
    OrderDetails order;
    long claimId;

    record Principal(CurrentUser currentUser) implements CurrentUserSource {
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(new Principal(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
    }

    static RequestPostProcessor as(UserAccount account) {
        return as(account.toCurrentUser());
    }

    static <T extends AbstractMockHttpServletRequestBuilder<?>> T english(T request) {
        request.locale(Locale.ENGLISH).header("Accept-Language", "en");
        return request;
    }

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        claimId = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.RESHIP, "one box missing"), world.buyerUser());
    }

    @AfterEach
    void restore() {
        policy.change("shipBy", "48h", "test");
        thresholds.change("watchScore", "40", "test");
    }

    @Test
    void buyersNeverSeeScoresAndAgentPagesAreForbiddenToThem() throws Exception {
        mvc.perform(english(get("/buyer/claims/{id}", claimId)).with(as(world.buyerUser()))).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("Return-abuse score")),
                        not(containsString("risk-signals")), not(containsString("Scorecard of")))));
        for (String page : List.of("/agent/watchlist", "/agent/supervision", "/agent/claims/" + claimId,
                "/agent/buyers/" + world.buyer().id() + "/risk", "/admin/policy", "/seller/scorecard")) {
            mvc.perform(get(page).with(as(world.buyerUser()))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/agent/watchlist")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/policy").with(as(world.sellerUser()))).andExpect(status().isForbidden());
        UserAccount agent = fixtures.account(Role.AGENT, null);
        mvc.perform(get("/admin/policy").with(as(agent))).andExpect(status().isForbidden());
    }

    @Test
    void anAgentReadsTheBuyersScoreWithSignalsAndTheShopsScorecardOnTheClaimAndOrderPages() throws Exception {
        UserAccount agent = fixtures.account(Role.AGENT, null);
        String claimPage = mvc.perform(english(get("/agent/claims/{id}", claimId)).with(as(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(claimPage).contains("Return-abuse score of " + world.buyer().displayName())
                .contains("1 claim on 1 order in 90 days (100 %)")
                .contains("1 claim contradicted by the parcel weight check")
                .contains("Scorecard of " + world.shop().name()).contains("Buyer&#39;s rating of the handling");
        mvc.perform(english(get("/agent/orders/{id}", order.id())).with(as(agent))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"buyer-risk\""),
                        containsString("Scorecard of " + world.shop().name()))));
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"buyer-risk\""))));
        mvc.perform(english(get("/agent/buyers/{id}/risk", world.buyer().id())).with(as(agent)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-signal=\"WEIGHT\"")));
        mvc.perform(get("/agent/buyers/{id}/risk", world.seller().id()).with(as(agent)))
                .andExpect(status().isNotFound());
        mvc.perform(english(get("/agent/watchlist")).with(as(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Abuse watchlist")));
        mvc.perform(english(get("/agent/supervision")).with(as(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Shops under supervision")));
    }

    @Test
    void aSellerSeesOnlyItsOwnScorecardWithStatusAndWhatToImprove() throws Exception {
        World other = fixtures.world();
        // lower the supervision bar so that one claim on one order puts the shop under supervision
        thresholds.change("supervisionMinOrders", "1", "test");
        try {
            mvc.perform(english(get("/seller/scorecard")).with(as(world.sellerUser()))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(world.shop().name() + " is under supervision: the platform watches the shop&#39;s"),
                            containsString("After-sales rate 100 % is above 25 %"),
                            containsString("Check product descriptions"), not(containsString(other.shop().name())))));
            mvc.perform(english(get("/seller/scorecard")).with(as(other.sellerUser()))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(other.shop().name() + " is in good standing"),
                            not(containsString(world.shop().name())))));
        } finally {
            thresholds.change("supervisionMinOrders", "5", "test");
        }
    }

    @Test
    void theBuyerRatesAnEndedClaimOnceFromTheClaimPage() throws Exception {
        mvc.perform(english(get("/buyer/claims/{id}", claimId)).with(as(world.buyerUser())))
                .andExpect(content().string(not(containsString("How was this claim handled?"))));
        mvc.perform(post("/buyer/claims/{id}/rating", claimId).param("stars", "4").with(as(world.buyerUser()))
                .with(csrf())).andExpect(flash().attribute("flashError", "risk.rating.error.open"));

        claims.withdraw(claimId, world.buyerUser(), null, "found it");
        mvc.perform(english(get("/buyer/claims/{id}", claimId)).with(as(world.buyerUser())))
                .andExpect(content().string(containsString("How was this claim handled?")));
        var refused = mvc.perform(english(post("/buyer/claims/{id}/rating", claimId)).param("stars", "9")
                .param("comment", "kept when refused").with(as(world.buyerUser())).with(csrf())).andReturn();
        var page = dev.aftersales.support.RefusedForms.follow(mvc, refused, as(world.buyerUser()));
        // the reason inside the group of stars, which names it; the comment typed is kept
        var stars = page.selectFirst("#rating fieldset");
        assertThat(page.getElementById(stars.attr("aria-describedby")).text()).isEqualTo("Choose from 1 to 5 stars.");
        assertThat(page.getElementById("stars-1").hasClass("is-invalid")).isTrue();
        assertThat(page.getElementById("rating-comment").wholeText()).isEqualTo("kept when refused");
        assertThat(page.select(".alert-danger").text()).doesNotContain("Choose from 1 to 5 stars.");
        UserAccount stranger = fixtures.account(Role.BUYER, null);
        mvc.perform(post("/buyer/claims/{id}/rating", claimId).param("stars", "1").with(as(stranger)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/buyer/claims/{id}/rating", claimId).param("stars", "4").param("comment", "quick and fair")
                .with(as(world.buyerUser())).with(csrf())).andExpect(redirectedUrl("/buyer/claims/" + claimId + "#rating"))
                .andExpect(flash().attribute("flashSuccess", "risk.rating.saved"));
        mvc.perform(post("/buyer/claims/{id}/rating", claimId).param("stars", "1").with(as(world.buyerUser()))
                .with(csrf())).andExpect(flash().attribute("flashError", "risk.rating.error.already"));

        assertThat(ratings.of(claimId)).get().satisfies(r -> {
            assertThat(r.stars()).isEqualTo(4);
            assertThat(r.comment()).isEqualTo("quick and fair");
        });
        mvc.perform(english(get("/buyer/claims/{id}", claimId)).with(as(world.buyerUser())))
                .andExpect(content().string(containsString("You rated the handling 4 / 5.")));
        mvc.perform(english(get("/agent/claims/{id}", claimId)).with(as(fixtures.account(Role.AGENT, null))))
                .andExpect(content().string(allOf(containsString("4 / 5"), containsString("quick and fair"))));
        assertThat(risk.scorecard(world.shop().id()).last30().averageRating()).isEqualTo(4.0);
    }

    @Test
    void theAdminReadsEverySettingByNameWithItsUnitAndEntersAmountsInYuan() throws Exception {
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(english(get("/admin/policy")).with(as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("label[for=policy-trackingSupply]").text())
                .isEqualTo("Seller supplies valid tracking after a missed ship-by time");
        assertThat(page.select("label[for=policy-oversoldCompensationFen]").text())
                .isEqualTo("Compensation for an oversold order");
        assertThat(page.select("#deadlines-form").text()).doesNotContain("oversold-compensation-fen", "fen")
                .contains("Paid to the buyer when a paid order is cancelled as oversold.");
        assertThat(page.select("#policy-oversoldCompensationFen").val()).isEqualTo("10.00");
        assertThat(page.select("#policy-oversoldCompensationFen").parents().first().text()).contains("¥");
        assertThat(page.select("#risk-supervisionRatingTenths").parents().first().text())
                .contains("tenths of a star");

        try {
            mvc.perform(post("/admin/policy/deadlines").param("policy.oversoldCompensationFen", "12.50")
                    .with(as(admin)).with(csrf())).andExpect(redirectedUrl("/admin/policy"));
            assertThat(policy.current().oversoldCompensationFen()).isEqualTo(1250);
            org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(mvc.perform(english(
                    post("/admin/policy/deadlines")).param("policy.oversoldCompensationFen", "12.345")
                    .param("policy.lateShipmentCompensationFen", "2000").with(as(admin)).with(csrf()))
                    .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
            assertThat(refused.select("#policy-oversoldCompensationFen-error").text())
                    .isEqualTo("Enter an amount in yuan such as 20.00 (at most 2 decimals).");
            assertThat(refused.select("#policy-lateShipmentCompensationFen-error").text())
                    .isEqualTo("Enter an amount from ¥0.00 to ¥1000.00.");
            assertThat(policy.current().oversoldCompensationFen()).isEqualTo(1250);
            assertThat(refused.select("table.policy-changes tr[data-setting=oversoldCompensationFen]").first().text())
                    .contains("¥10.00", "¥12.50");
        } finally {
            policy.change("oversoldCompensationFen", "1000", "test");
        }
    }

    @Test
    void theAdminEditsDeadlinesAndThresholdsAndARefusedValueStaysInItsField() throws Exception {
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        mvc.perform(english(get("/admin/policy")).with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("aftersales.policy.ship-by"),
                        containsString("aftersales.policy.fast-track-threshold-fen"),
                        containsString("aftersales.risk.review-score"), containsString("name=\"policy.shipBy\""))));

        mvc.perform(post("/admin/policy/deadlines").param("policy.shipBy", "36h").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/policy")).andExpect(flash().attribute("flashSuccess", "risk.policy.saved"));
        assertThat(policy.current().shipBy()).hasHours(36);

        String refused = mvc.perform(english(post("/admin/policy/deadlines")).param("policy.shipBy", "soon")
                .param("policy.buyerAnswer", "7d").with(as(admin)).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Enter a duration such as 48h, 7d or 90m.").contains("value=\"soon\"");
        assertThat(policy.current().shipBy()).hasHours(36);

        mvc.perform(english(post("/admin/policy/thresholds")).param("risk.watchScore", "80").with(as(admin))
                .with(csrf())).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("score must be lower than the &quot;review&quot; score.")));
        mvc.perform(post("/admin/policy/thresholds").param("risk.watchScore", "35").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/policy#thresholds"));
        assertThat(thresholds.current().watchScore()).isEqualTo(35);
        mvc.perform(english(get("/admin/policy")).with(as(admin))).andExpect(content().string(allOf(
                containsString("data-setting=\"shipBy\""), containsString("data-setting=\"watchScore\""),
                containsString(admin.username()))));
    }

    @Test
    void theAdminAppliesAHolidayExtensionFromTheFormOnceEvenIfSubmittedTwice() throws Exception {
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        String id = UUID.randomUUID().toString();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String inFiveDays = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).toString();
        java.time.Instant due = claims.claim(claimId, world.buyerUser()).dueAt();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/policy/extensions").param("id", id).param("target", "CLAIMS")
                    .param("status", "AWAITING_SELLER").param("party", "").param("hours", "12")
                    .param("from", today).param("to", inFiveDays).param("reason", "Typhoon")
                    .with(as(admin)).with(csrf())).andExpect(redirectedUrl("/admin/policy#extensions"))
                    .andExpect(flash().attribute("flashSuccess", i == 0 ? "risk.extension.applied"
                            : "risk.extension.already"));
        }
        assertThat(claims.claim(claimId, world.buyerUser()).dueAt()).isEqualTo(due.plusSeconds(12 * 3600));

        mvc.perform(english(post("/admin/policy/extensions")).param("id", UUID.randomUUID().toString())
                .param("target", "SHIP_BY").param("hours", "0").param("from", today).param("to", "")
                .param("reason", "Typhoon").with(as(admin)).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("Enter a date."),
                        containsString("value=\"Typhoon\""))));
    }
}
