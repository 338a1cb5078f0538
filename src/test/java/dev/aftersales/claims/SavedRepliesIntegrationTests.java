package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.aftersales.claims.internal.SavedReply;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.FormLogin;

/**
 * Saved replies: a shop's are offered to its sellers only, the platform's to agents only, each filled for the claim
 * at hand; a retired reply is offered no more and kept; nobody retires another owner's reply.
 */
@AftersalesIntegrationTest
class SavedRepliesIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SavedReplies replies;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    MockMvc mvc;

    World world;
    long claim;
    CurrentUser agent;
    dev.aftersales.identity.UserAccount agentAccount;

    @BeforeEach
    void setUp() {
        world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        claim = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.REFUND, "one box short"), world.buyerUser());
        agentAccount = fixtures.account(Role.AGENT, null);
        agent = Fixtures.user(agentAccount);
    }

    @Test
    void eachOwnersRepliesAreOfferedFilledForTheClaimToItsOwnPeopleOnly() {
        String title = Fixtures.unique("Weight rationale ");
        replies.create(world.sellerUser(), "Apology", "Sorry {buyer}: {claim} on {order} at {shop}, {amount}.");
        replies.create(agent, title, "The parcel weighed less than {order} needs; {claim} is upheld.");
        ClaimView view = views.detail(claim, world.sellerUser());

        assertThat(replies.filledFor(world.sellerUser(), view)).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Apology");
            assertThat(r.text()).isEqualTo("Sorry " + view.buyerName() + ": " + view.claimNumber() + " on "
                    + view.orderNumber() + " at " + view.shopName() + ", ¥30.00.");
        });
        assertThat(replies.filledFor(agent, view)).extracting(SavedReplies.Filled::title).contains(title)
                .doesNotContain("Apology");
        assertThat(replies.of(fixtures.world().sellerUser())).isEmpty();
    }

    @Test
    void aRetiredReplyIsNoLongerOfferedAndOnlyItsOwnerRetiresIt() {
        SavedReply reply = replies.create(world.sellerUser(), "Apology", "Sorry.");
        assertThatThrownBy(() -> replies.retire(reply.id(), fixtures.world().sellerUser()))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> replies.retire(reply.id(), agent)).isInstanceOf(NotFound.class);

        replies.retire(reply.id(), world.sellerUser());

        assertThat(replies.of(world.sellerUser())).isEmpty();
        assertThat(replies.create(world.sellerUser(), "Apology", "Sorry again.").id()).isNotEqualTo(reply.id());
    }

    @Test
    void theAgentsWorkspaceOffersThePlatformsRationalesFilledForTheCase() throws Exception {
        String title = Fixtures.unique("Upheld ");
        replies.create(agent, title, "Upheld: {claim} for {buyer}.");
        claims.reject(claim, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(claim, world.buyerUser(), null, "the parcel was light");
        ClaimView view = views.detail(claim, agent);

        String html = mvc.perform(get("/agent/cases/" + claim).with(FormLogin.signIn(mvc, agentAccount))).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("data-target=\"d-rationale\"").contains(">" + title + "<")
                .contains("Upheld: " + view.claimNumber() + " for " + view.buyerName() + ".");
    }
}
