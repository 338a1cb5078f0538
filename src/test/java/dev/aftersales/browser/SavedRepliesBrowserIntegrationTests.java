package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/**
 * A seller saves a reply, then answers a claim with it: the text arrives in the message field with the claim's
 * details filled in, is sent as written, and the buyer's name is in it; another shop never sees it. On a phone the
 * replies page fits the screen.
 */
class SavedRepliesBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;

    World world;
    OrderDetails order;
    long claim;

    @BeforeEach
    void setUp() {
        world = fixtures.world();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
        claim = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.REFUND, "one box short"), world.buyerUser());
    }

    @Test
    void aSavedReplyFillsTheMessageWithTheClaimsDetailsAndIsSentAsEdited(Page page) {
        logIn(page, world.seller());
        page.navigate("/seller/replies");
        button(page, "Save reply").click();
        refusedAt(page, "title", "Enter a title of at most 100 characters.");

        page.getByLabel("Title").fill("Checking the packing");
        page.getByLabel("Text").fill("Hello {buyer}, we are checking the packing video of order {order} ({amount}).");
        button(page, "Save reply").click();
        assertThat(page.locator(".reply-row .reply-title")).hasText("Checking the packing");

        page.navigate("/seller/claims/" + claim);
        Locator body = page.locator("#message-body");
        body.fill("Thank you.");
        page.locator("select.saved-reply[data-target='message-body']").selectOption(new com.microsoft.playwright
                .options.SelectOption().setLabel("Checking the packing"));
        String expected = "Hello " + world.buyer().displayName() + ", we are checking the packing video of order "
                + order.orderNumber() + " (¥30.00).";
        assertThat(body).hasValue("Thank you.\n\n" + expected);
        assertThat(page.locator("select.saved-reply[data-target='message-body']")).hasValue("");

        body.fill(expected + " It takes a day.");
        button(page, "Send").click();
        assertThat(page.locator(".claim-message .message-body").last()).hasText(expected + " It takes a day.");

        // another shop's seller is offered none of it
        World other = fixtures.world();
        page.navigate("/logout");
        page.context().clearCookies();
        logIn(page, other.seller());
        page.navigate("/seller/replies");
        assertThat(page.locator(".reply-row")).hasCount(0);
    }

    @Test
    void onAPhoneTheRepliesFitTheScreen(Page page) {
        page.setViewportSize(390, 844);
        logIn(page, world.seller());
        page.navigate("/seller/replies");
        page.getByLabel("Title").fill("A rather long title for a reply that sellers use");
        page.getByLabel("Text").fill("x".repeat(300));
        button(page, "Save reply").click();
        assertThat(page.locator(".reply-row")).hasCount(1);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isZero();
    }
}
