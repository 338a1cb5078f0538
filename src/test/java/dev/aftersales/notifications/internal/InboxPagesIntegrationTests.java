package dev.aftersales.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/** The inbox page and the header's unread count over HTTP, as a signed-in user sees them. */
@AftersalesIntegrationTest
class InboxPagesIntegrationTests {

    private static final Pattern ITEM_LINK = Pattern.compile("action=\"/inbox/(\\d+)/open\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    AccountManagement accounts;
    @Autowired
    NotificationSettings settings;

    World world;
    long claimId;
    String claimNumber;
    RequestPostProcessor seller;

    @BeforeEach
    void setUp() throws Exception {
        world = fixtures.freshWorld();
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        claimId = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
        claimNumber = claims.claim(claimId, world.buyerUser()).claimNumber();
        seller = FormLogin.signIn(mvc, world.seller());
    }

    String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long onlyItemId(String html) {
        Matcher matcher = ITEM_LINK.matcher(html);
        assertThat(matcher.find()).as("an item link").isTrue();
        long id = Long.parseLong(matcher.group(1));
        assertThat(matcher.find()).as("one item only").isFalse();
        return id;
    }

    @Test
    void theHeaderCountsUnreadItemsAndTheInboxShowsThemBoldUntilRead() throws Exception {
        assertThat(page("/seller/orders", seller)).contains(">Inbox (1)</a>");
        String inbox = page("/inbox", seller);
        long itemId = onlyItemId(inbox);
        assertThat(inbox).containsPattern("class=\"[^\"]*inbox-text[^\"]*fw-bold\"[^>]*>New claim " + claimNumber
                + " \\(Missing item\\): Waiting for the seller\\. Answer due by ")
                .contains("Mark read").contains("Mark all read")
                .doesNotContain("Email is off in this installation");

        mvc.perform(post("/inbox/" + itemId + "/read").with(seller).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));

        String after = page("/inbox", seller);
        assertThat(after).contains(">Inbox (0)</a>").contains("Message marked read.")
                .containsPattern("inbox-text[^\"]*fw-normal\"[^>]*>New claim " + claimNumber)
                .doesNotContain("Mark all read");
    }

    @Test
    void followingAnItemOpensItsPageAndMarksItRead() throws Exception {
        long itemId = onlyItemId(page("/inbox", seller));
        mvc.perform(post("/inbox/" + itemId + "/open").with(seller).with(csrf()))
                .andExpect(redirectedUrl("/seller/claims/" + claimId));
        assertThat(page("/seller/claims/" + claimId, seller)).contains(">Inbox (0)</a>");
    }

    @Test
    void aGetOfAnItemLeadsToItsPageAndChangesNothing() throws Exception {
        long itemId = onlyItemId(page("/inbox", seller));
        mvc.perform(get("/inbox/" + itemId).with(seller)).andExpect(redirectedUrl("/seller/claims/" + claimId));
        assertThat(page("/seller/claims/" + claimId, seller)).as("still unread").contains(">Inbox (1)</a>");
        assertThat(page("/inbox", seller)).containsPattern("inbox-text[^\"]*fw-bold\"[^>]*>New claim " + claimNumber);
        // opening is a form, refused without its token
        mvc.perform(post("/inbox/" + itemId + "/open").with(seller)).andExpect(status().isForbidden());
        assertThat(page("/inbox", seller)).contains(">Inbox (1)</a>");
    }

    @Test
    void markAllReadClearsTheCount() throws Exception {
        mvc.perform(post("/inbox/read-all").with(seller).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(page("/inbox", seller)).contains(">Inbox (0)</a>").contains("1 messages marked read.");
    }

    @Test
    void anotherUsersItemIsNotFoundAndStaysUnread() throws Exception {
        long itemId = onlyItemId(page("/inbox", seller));
        RequestPostProcessor buyer = FormLogin.signIn(mvc, world.buyer());
        RequestPostProcessor otherSeller = FormLogin.signIn(mvc,
                fixtures.account(dev.aftersales.shared.Role.SELLER, fixtures.world().shop().id()));

        mvc.perform(post("/inbox/" + itemId + "/read").with(buyer).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/inbox/" + itemId).with(otherSeller)).andExpect(status().isNotFound());
        mvc.perform(post("/inbox/" + itemId + "/open").with(otherSeller).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inbox/" + itemId + "/read").with(seller)).andExpect(status().isForbidden());
        assertThat(page("/inbox", otherSeller)).doesNotContain("/inbox/" + itemId + "/")
                .contains("No messages yet.");

        assertThat(page("/inbox", seller)).contains(">Inbox (1)</a>").contains("inbox-text fw-bold");
    }

    @Test
    void theInboxSpeaksChineseAndSaysWhenEmailIsOff() throws Exception {
        settings.getEmail().setEnabled(false);
        try {
            String inbox = mvc.perform(get("/inbox?lang=zh-CN").with(seller)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(inbox).contains(">站内信（1）</a>").contains("新售后单 " + claimNumber + "（少件/漏发）")
                    .contains("本系统未开启邮件通知");
        } finally {
            settings.getEmail().setEnabled(true);
        }
        assertThat(accounts.account(world.seller().id()).preferredLanguage())
                .as("the language emails are written in").isEqualTo("zh-CN");
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/inbox")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theLanguageOfTheFirstSignedInPageBecomesTheAccountsEmailLanguage() throws Exception {
        var fresh = fixtures.account(dev.aftersales.shared.Role.BUYER, null);
        assertThat(fresh.preferredLanguage()).isNull();
        RequestPostProcessor session = FormLogin.signIn(mvc, fresh);
        page("/inbox", session);
        assertThat(accounts.account(fresh.id()).preferredLanguage()).isEqualTo("en");
        mvc.perform(get("/inbox").with(session).header("Accept-Language", "zh-CN")).andExpect(status().isOk());
        assertThat(accounts.account(fresh.id()).preferredLanguage()).as("kept until the user switches")
                .isEqualTo("en");
    }
}
