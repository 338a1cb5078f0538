package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** A buyer hears of the seller's answer in the header, reads it in the inbox and follows it to the claim. */
class InboxBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    MutableClock clock;

    @Test
    void buyerFollowsTheSellersRejectionFromTheInboxToTheClaim(Page page) {
        clock.reset();
        World world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        long claimId = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
        String number = claims.claim(claimId, world.buyerUser()).claimNumber();

        logIn(page, world.buyer());
        assertThat(page.locator("header .inbox-link")).hasText("Inbox (0)");

        claims.reject(claimId, world.sellerUser(), null, "The parcel weighed what all lines weigh", List.of());
        page.reload();
        assertThat(page.locator("header .inbox-link")).hasText("Inbox (1)");
        assertThat(page.locator("header .inbox-link-compact")).isHidden();

        page.locator("header .inbox-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
        var item = page.locator(".inbox-item.unread .inbox-text");
        assertThat(item).hasText(Pattern.compile("The seller rejected claim " + number + "\\..*"));
        // with the keyboard: the item is a button that marks it read and opens its page
        item.focus();
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile(".*/buyer/claims/" + claimId + "$"));
        assertThat(page.locator("header .inbox-link")).hasText("Inbox (0)");
        assertThat(page.locator("main")).containsText(number);

        page.navigate("/inbox");
        assertThat(page.locator(".inbox-item.read .inbox-text")).hasText(Pattern.compile(".*" + number + ".*"));
        assertThat(page.locator(".mark-all-read")).hasCount(0);

        page.setViewportSize(390, 844);
        assertThat(page.locator("header .inbox-link-compact")).isVisible();
        assertThat(page.locator("header .inbox-link-compact")).hasText("Inbox (0)");
    }
}
