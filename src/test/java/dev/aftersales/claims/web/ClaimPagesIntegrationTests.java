package dev.aftersales.claims.web;

import static dev.aftersales.support.Fixtures.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.PageText;
import dev.aftersales.support.RefusedForms;

/** The claim pages as buyers and sellers use them: filing, answering, what each one sees and may download. */
@AftersalesIntegrationTest
class ClaimPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
    }

    record Principal(CurrentUser currentUser) implements CurrentUserSource {
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(new Principal(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
    }


    MockMultipartHttpServletRequestBuilder missingItemForm() {
        MockMultipartHttpServletRequestBuilder form = multipart("/buyer/orders/{id}/claims/new", order.id());
        form.param("type", "MISSING_ITEM").param("reason", "ITEMS_MISSING").param("remedy", "RESHIP")
                .param("description", "Only one apple box\nin the parcel").param("units[" + Fixtures.lineId(order, "A") + "]", "1")
                .param("submissionKey", Fixtures.unique("key"));
        return form;
    }

    <T extends AbstractMockHttpServletRequestBuilder<?>> T english(T request) {
        request.locale(Locale.ENGLISH).header("Accept-Language", "en");
        return request;
    }

    long fileByPost() throws Exception {
        String location = mvc.perform(english(missingItemForm()).with(as(world.buyerUser())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/buyer/claims/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    org.jsoup.nodes.Document page(String url, CurrentUser viewer, Locale language) throws Exception {
        return PageText.parse(mvc.perform(get(url).locale(language).header("Accept-Language", language.toLanguageTag())
                .with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theBannerSaysYouToThePartyWhoseMoveItIsAndNamesThePartyToEveryoneElse() throws Exception {
        long id = fileByPost();
        String seller = "/seller/claims/" + id;
        String buyer = "/buyer/claims/" + id;
        assertThat(page(seller, world.sellerUser(), Locale.ENGLISH).select("#banner").text())
                .startsWith("You must accept, propose something else or reject");
        assertThat(page(buyer, world.buyerUser(), Locale.ENGLISH).select("#banner").text())
                .startsWith("The seller must accept, propose something else or reject");
        assertThat(page(seller, world.sellerUser(), Locale.SIMPLIFIED_CHINESE).select("#banner").text())
                .startsWith("您 需同意");
        assertThat(page(buyer, world.buyerUser(), Locale.SIMPLIFIED_CHINESE).select("#banner").text())
                .startsWith("卖家 需同意");
    }

    @Test
    void aSectionOfMovesShowsOnlyWithAMoveInIt() throws Exception {
        long id = fileByPost();
        claims.accept(id, world.sellerUser(), null);
        assertThat(page("/seller/claims/" + id, world.sellerUser(), Locale.ENGLISH).select("#actions-heading").text())
                .isEqualTo("What you can do now");
        // once reshipped, the seller can only write: no "What you can do now" without a move under it
        claims.reship(id, world.sellerUser(), null, dev.aftersales.shipping.Carrier.SF, Fixtures.trackingNumber());
        org.jsoup.nodes.Document sellerPage = page("/seller/claims/" + id, world.sellerUser(), Locale.ENGLISH);
        assertThat(sellerPage.select("#actions-heading")).isEmpty();
        assertThat(PageText.emptyHeadings(sellerPage)).isEmpty();
        org.jsoup.nodes.Document buyerPage = page("/buyer/claims/" + id, world.buyerUser(), Locale.SIMPLIFIED_CHINESE);
        assertThat(PageText.emptyHeadings(buyerPage)).isEmpty();
    }

    @Test
    void buyerAppliesFromTheOrderPageFilesAMissingItemClaimAndSeesTheSellerMustAct() throws Exception {
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Apply for after-sales")))
                .andExpect(content().string(containsString("claims/new?type=MISSING_ITEM")));
        mvc.perform(english(get("/buyer/orders/{id}/claims/new", order.id()).param("type", "MISSING_ITEM"))
                .with(as(world.buyerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("The seller answers within")));

        long id = fileByPost();

        var claim = views.detail(id, world.buyerUser());
        assertThat(claim.status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
        assertThat(claim.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1));
        String list = mvc.perform(english(get("/buyer/claims")).with(as(world.buyerUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // one card per claim, as the order list: readable on a phone, the whole card opens the claim
        org.jsoup.nodes.Element card = org.jsoup.Jsoup.parse(list)
                .selectFirst("ul.claim-list li.claim-row:has(a[href=/buyer/claims/" + id + "])");
        assertThat(card).as("the claim's card").isNotNull();
        assertThat(card.text()).contains(claim.claimNumber(), "Missing item", "Waiting for the seller",
                claim.orderNumber());
        assertThat(card.select("time.countdown")).isNotEmpty();
        assertThat(org.jsoup.Jsoup.parse(list).select("table.claims")).as("no five-column table").isEmpty();
        mvc.perform(english(get("/buyer/claims/{id}", id)).with(as(world.buyerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("must accept, propose something else or reject")))
                .andExpect(content().string(containsString("Only one apple box\nin the parcel")));
        mvc.perform(english(get("/seller/claims")).with(as(world.sellerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(claim.claimNumber())));
    }

    @Test
    void sellerProposesAPartialRefundAndTheBuyerSeesTheProposalToAnswer() throws Exception {
        long id = fileByPost();
        long version = views.detail(id, world.sellerUser()).version();

        mvc.perform(english(post("/seller/claims/{id}/propose", id)).param("version", String.valueOf(version))
                .param("alternative", "REFUND").param("amount", "12.50").param("note", "Sorry <b>about</b> it")
                .with(as(world.sellerUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
        mvc.perform(english(get("/buyer/claims/{id}", id)).with(as(world.buyerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("The seller proposes instead")))
                .andExpect(content().string(containsString("12.50")))
                .andExpect(content().string(containsString("Sorry &lt;b&gt;about&lt;/b&gt; it")))
                .andExpect(content().string(containsString("Accept the proposal")));

        mvc.perform(english(post("/buyer/claims/{id}/accept-proposal", id))
                .param("version", String.valueOf(views.detail(id, world.buyerUser()).version()))
                .with(as(world.buyerUser())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(views.detail(id, world.buyerUser()).status()).isNotEqualTo(ClaimStatus.PROPOSAL_PENDING);
    }

    @Test
    void sellerAcceptsAndTheBuyerSeesTheReshipmentIsAwaited() throws Exception {
        long id = fileByPost();
        mvc.perform(english(post("/seller/claims/{id}/accept", id)).with(as(world.sellerUser())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(english(get("/buyer/claims/{id}", id)).with(as(world.buyerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("must reship and enter the tracking number")));
    }

    @Test
    void othersCannotSeeTheClaimOrDownloadItsEvidence() throws Exception {
        MockMultipartHttpServletRequestBuilder form = missingItemForm();
        form.file(new MockMultipartFile("evidence", "photo.png", "image/png", png()));
        mvc.perform(english(form).with(as(world.buyerUser())).with(csrf())).andExpect(status().is3xxRedirection());
        long id = claims.claimsOfOrder(order.id()).get(0).id();
        long evidenceId = views.detail(id, world.buyerUser()).evidence().get(0).id();
        CurrentUser otherBuyer = Fixtures.user(fixtures.account(Role.BUYER, null));
        CurrentUser otherSeller = fixtures.world().sellerUser();

        mvc.perform(get("/buyer/claims/{id}", id).with(as(otherBuyer))).andExpect(status().isNotFound());
        mvc.perform(get("/seller/claims/{id}", id).with(as(otherSeller))).andExpect(status().isNotFound());
        mvc.perform(get("/buyer/claims/{id}", id)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/buyer/evidence/{id}", evidenceId).with(as(otherBuyer))).andExpect(status().isNotFound());
        mvc.perform(get("/seller/evidence/{id}", evidenceId).with(as(otherSeller)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/buyer/evidence/{id}", evidenceId)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/buyer/claims/{id}/withdraw", id).with(as(otherBuyer)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(get("/seller/evidence/{id}", evidenceId).with(as(world.sellerUser())))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(english(get("/buyer/claims/{id}", id)).with(as(world.buyerUser())))
                .andExpect(content().string(containsString("/buyer/evidence/" + evidenceId)));
    }

    @Test
    void aTextFileNamedLikeAPhotoIsRefusedNextToTheFieldAndTheFormIsKept() throws Exception {
        MockMultipartHttpServletRequestBuilder form = missingItemForm();
        form.file(new MockMultipartFile("evidence", "photo.png", "image/png",
                "just some text".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(english(form).with(as(world.buyerUser())).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"evidence-error\"")))
                .andExpect(content().string(containsString("photo.png is not a photo, video or PDF.")))
                .andExpect(content().string(containsString("Only one apple box\nin the parcel")))
                .andExpect(content().string(containsString("value=\"ITEMS_MISSING\" selected")));
        assertThat(claims.claimsOfOrder(order.id())).isEmpty();
    }

    @Test
    void aSecondOpenClaimOnTheSameItemsLinksToTheOpenOne() throws Exception {
        long first = fileByPost();
        String number = views.detail(first, world.buyerUser()).claimNumber();
        mvc.perform(english(missingItemForm()).with(as(world.buyerUser())).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Claim " + number + " of this type is already open")))
                .andExpect(content().string(containsString("href=\"/buyer/claims/" + first + "\"")));
        assertThat(claims.claimsOfOrder(order.id())).hasSize(1);
    }

    @Test
    void aMissingReasonIsShownNextToItsField() throws Exception {
        MockMultipartHttpServletRequestBuilder form = multipart("/buyer/orders/{id}/claims/new", order.id());
        form.param("type", "MISSING_ITEM").param("remedy", "RESHIP").param("description", "kept text")
                .param("units[" + Fixtures.lineId(order, "A") + "]", "1");
        mvc.perform(english(form).with(as(world.buyerUser())).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"reason-error\"")))
                .andExpect(content().string(containsString("kept text")))
                .andExpect(content().string(not(containsString("id=\"remedy-error\""))));
    }

    @Test
    void theSellerAndAnAgentSeeTheClaimAndTheOrderPageListsIt() throws Exception {
        long id = fileByPost();
        String number = views.detail(id, world.buyerUser()).claimNumber();
        CurrentUser agent = Fixtures.user(fixtures.account(Role.AGENT, null));

        mvc.perform(english(get("/seller/claims/{id}", id)).with(as(world.sellerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Reject the claim")))
                .andExpect(content().string(containsString("Send the proposal")))
                .andExpect(content().string(containsString("Contradicts the claim")));
        mvc.perform(english(get("/agent/claims/{id}", id)).with(as(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(not(containsString("Reject the claim"))));
        mvc.perform(english(get("/buyer/orders/{id}", order.id())).with(as(world.buyerUser())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(number)));

        mvc.perform(english(multipart("/seller/claims/{id}/messages", id)).param("body", "Line one\n<i>two</i>")
                .with(as(world.sellerUser())).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(english(get("/buyer/claims/{id}", id)).with(as(world.buyerUser())))
                .andExpect(content().string(containsString("Line one\n&lt;i&gt;two&lt;/i&gt;")));

        var refused = mvc.perform(english(post("/seller/claims/{id}/reject", id)).param("reason", " ")
                .with(as(world.sellerUser())).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        RefusedForms.assertRefusedAt(RefusedForms.follow(mvc, refused, as(world.sellerUser())), "reject-reason",
                "Give a reason.");
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void aSmallRefundOnlyClaimIsRefundedAtOnceAndSaysWhy() throws Exception {
        MockMultipartHttpServletRequestBuilder form = multipart("/buyer/orders/{id}/claims/new", order.id());
        form.param("type", "REFUND_ONLY").param("reason", "DAMAGED").param("remedy", "REFUND")
                .param("requestedAmount", "10.00").param("units[" + Fixtures.lineId(order, "B") + "]", "1")
                .param("submissionKey", Fixtures.unique("key"));
        String location = mvc.perform(english(form).with(as(world.buyerUser())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(english(get(location)).with(as(world.buyerUser()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Refunded at once")))
                .andExpect(content().string(containsString("In good standing")));
    }
}
