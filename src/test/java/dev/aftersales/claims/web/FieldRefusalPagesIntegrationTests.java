package dev.aftersales.claims.web;

import static dev.aftersales.support.RefusedForms.assertRefusedAt;
import static dev.aftersales.support.RefusedForms.follow;
import static dev.aftersales.support.RefusedForms.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.ShipByWatcher;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.CurrentUserSource;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.DatabaseSnapshot;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * A refused move on a claim page comes back to the page with the reason next to its field (the control marked and
 * described by it), with what was typed still in the form, and with nothing saved.
 */
@AftersalesIntegrationTest
class FieldRefusalPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ShipByWatcher shipBy;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    record Principal(CurrentUser currentUser) implements CurrentUserSource {
    }

    static RequestPostProcessor as(CurrentUser user) {
        return authentication(new UsernamePasswordAuthenticationToken(new Principal(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))));
    }

    static <T extends AbstractMockHttpServletRequestBuilder<?>> T english(T request) {
        request.locale(Locale.ENGLISH).header("Accept-Language", "en");
        return request;
    }

    long missingItemClaim() {
        fixtures.deliver(order, 2_150);
        return claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"), world.buyerUser());
    }

    /** Posts a form that must be refused; asserts nothing saved changed and returns the answer. */
    MvcResult refused(AbstractMockHttpServletRequestBuilder<?> form, CurrentUser who) throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        MvcResult result = mvc.perform(english(form).with(as(who)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(DatabaseSnapshot.take(jdbc).changedSince(before)).as("tables changed by a refused form").isEmpty();
        return result;
    }

    @Test
    void aTrackingNumberOfAnotherFormatOnANoTrackingCaseIsRefusedNextToTheNumberWithCarrierAndNumberKept()
            throws Exception {
        clock.advance(Duration.ofHours(49));
        shipBy.runDue();
        long id = claims.claimsOfOrder(order.id()).get(0).id();

        MvcResult result = refused(post("/seller/claims/{id}/tracking", id).param("carrier", "SF")
                .param("trackingNumber", "SF12345"), world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertRefusedAt(page, "supply-tracking-number", "That is not a tracking number of this carrier (for example SF1234567890123).");
        assertThat(shown(page, "supply-tracking-number")).isEqualTo("SF12345");
        assertThat(shown(page, "supply-carrier")).isEqualTo("SF");
        assertThat(page.getElementById("supply-carrier").hasClass("is-invalid")).isFalse();
        assertThat(claims.claimsOfOrder(order.id()).get(0).status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
    }

    @Test
    void aProposalWithAnAmountThatCannotBeReadIsRefusedNextToTheAmountWithEverythingTypedKept() throws Exception {
        long id = missingItemClaim();

        MvcResult result = refused(post("/seller/claims/{id}/propose", id).param("alternative", "REFUND")
                .param("amount", "12,5x").param("note", "half of it, the rest\nis in the box"), world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertRefusedAt(page, "propose-amount", "Enter an amount such as 12.50.");
        assertThat(shown(page, "propose-amount")).isEqualTo("12,5x");
        assertThat(shown(page, "alternative")).isEqualTo("REFUND");
        assertThat(shown(page, "propose-note")).isEqualTo("half of it, the rest\nis in the box");
        // the other forms of the page are drawn as they were
        assertThat(shown(page, "reject-reason")).isEmpty();
        assertThat(views.detail(id, world.sellerUser()).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void aProposalAboveWhatTheClaimAsksIsRefusedByTheClaimNextToTheAmount() throws Exception {
        long id = missingItemClaim();

        MvcResult result = refused(post("/seller/claims/{id}/propose", id).param("alternative", "REFUND")
                .param("amount", "999.00").param("note", "all of it"), world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertRefusedAt(page, "propose-amount", "Enter an amount above zero and at most");
        assertThat(shown(page, "propose-amount")).isEqualTo("999.00");
        assertThat(shown(page, "propose-note")).isEqualTo("all of it");
    }

    @Test
    void aRejectionWithARefusedFileNamesTheFileNextToTheFileFieldAndKeepsTheReason() throws Exception {
        long id = missingItemClaim();

        MvcResult result = refused(multipart("/seller/claims/{id}/reject", id)
                .file(new MockMultipartFile("files", "waybill.exe", "application/octet-stream",
                        "MZ not a photo".getBytes(StandardCharsets.UTF_8)))
                .param("reason", "The parcel left complete"), world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertRefusedAt(page, "reject-files", "waybill.exe is not a photo, video or PDF.");
        assertThat(shown(page, "reject-reason")).isEqualTo("The parcel left complete");
        assertThat(views.detail(id, world.sellerUser()).status()).isEqualTo(ClaimStatus.AWAITING_SELLER);
    }

    @Test
    void aRejectionWithoutReasonIsRefusedNextToTheReasonAndTheChosenPhotoIsNamedAsNotSent() throws Exception {
        long id = missingItemClaim();

        MvcResult result = refused(multipart("/seller/claims/{id}/reject", id)
                .file(new MockMultipartFile("files", "parcel.png", "image/png", Fixtures.png())).param("reason", " "),
                world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertRefusedAt(page, "reject-reason", "Give a reason.");
        // the photo was fine but is not kept: the file field says so, without being marked refused
        var files = page.getElementById("reject-files");
        assertThat(files.hasClass("is-invalid")).isFalse();
        assertThat(page.getElementById(files.attr("aria-describedby")).text()).isEqualTo(
                "Not sent: parcel.png. A refused form keeps what was typed but not the files; choose them again.");
    }

    @Test
    void aReasonLongerThanAllowedIsRefusedNextToItsFieldBeforeTheMoveWithTheTextKept() throws Exception {
        long id = missingItemClaim();
        String tooLong = "x".repeat(2001);

        MvcResult result = refused(multipart("/seller/claims/{id}/reject", id).param("reason", tooLong)
                .header("Referer", "http://localhost/seller/claims/" + id), world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertRefusedAt(page, "reject-reason", "Reason: at most 2,000 characters.");
        assertThat(shown(page, "reject-reason")).isEqualTo(tooLong);
    }

    @Test
    void aMoveRefusedForNoFieldKeepsWhatWasTypedAndSaysWhyAboveThePage() throws Exception {
        long id = missingItemClaim();
        // the seller's page was drawn before the buyer wrote: the form carries the version seen then
        long seen = views.detail(id, world.sellerUser()).version();
        claims.addMessage(id, world.buyerUser(), "are you there?", List.of());
        long version = views.detail(id, world.sellerUser()).version() == seen ? seen + 1 : seen;

        MvcResult result = refused(multipart("/seller/claims/{id}/reject", id).param("version", String.valueOf(version))
                .param("reason", "The parcel left complete"), world.sellerUser());

        Document page = follow(mvc, result, as(world.sellerUser()));
        assertThat(page.select(".alert-danger").text()).contains("Someone changed the claim meanwhile");
        assertThat(shown(page, "reject-reason")).isEqualTo("The parcel left complete");
        assertThat(page.select(".is-invalid")).isEmpty();
    }

    @Test
    void aReturnWithANumberOfAnotherCarrierIsRefusedNextToTheNumberWithCarrierAndNumberKept() throws Exception {
        fixtures.deliver(order, 2_000);
        long id = claims.file(ClaimFilings.returnWithoutReason(order, "B", 1),
                world.buyerUser());
        claims.accept(id, world.sellerUser(), null);

        MvcResult result = refused(post("/buyer/claims/{id}/return", id).param("carrier", "SF")
                .param("trackingNumber", "YT1234"), world.buyerUser());

        Document page = follow(mvc, result, as(world.buyerUser()));
        assertRefusedAt(page, "return-tracking", "That is not a tracking number of this carrier");
        assertThat(shown(page, "return-tracking")).isEqualTo("YT1234");
        assertThat(shown(page, "return-carrier")).isEqualTo("SF");
        assertThat(views.detail(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_RETURN_SHIPMENT);
    }

    @Test
    void anEmptyMessageIsRefusedNextToTheMessageField() throws Exception {
        long id = missingItemClaim();

        MvcResult result = refused(multipart("/buyer/claims/{id}/messages", id).param("body", "  "),
                world.buyerUser());

        Document page = follow(mvc, result, as(world.buyerUser()));
        assertRefusedAt(page, "message-body", "Write a message or attach a file.");
    }
}
