package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.aftersales.support.RefundStories.line;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.claims.ClaimReason;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.support.RefundStories;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * A seller opens the quality page from the menu on a desktop and on a phone: the product table's numbers and the
 * trend chart drawn from them; an agent reaches the same page from a claim of the shop.
 */
class QualityBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RefundStories stories;
    @Autowired
    MutableClock clock;

    World world;
    long claimId;

    /** A: 2 units sold, 1 refunded as damaged (¥30.00): 50.0 %; B: 1 unit sold, nothing else. */
    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        var placed = stories.delivered(world, clock.instant().minusSeconds(3600), 2_150, line("A", 2, 3000),
                line("B", 1, 5000));
        claimId = stories.refunded(placed, ClaimReason.DAMAGED, "A", 1, Money.fen(3000));
    }

    static void chartIsDrawn(Page page) {
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('quality-chart'))");
        Object painted = page.evaluate("""
                () => { const c = document.getElementById('quality-chart');
                        if (!c.width || !c.height) return false;
                        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; }
                        return false; }""");
        org.assertj.core.api.Assertions.assertThat(painted).as("the chart canvas has pixels drawn").isEqualTo(true);
    }

    static void showsTheNumbers(Page page) {
        Locator a = page.locator("#quality-products tr[data-sku=A]");
        assertThat(a.locator(".q-sold")).hasText("2");
        assertThat(a.locator(".q-claims")).hasText("1");
        assertThat(a.locator(".q-refunds")).hasText("1");
        assertThat(a.locator(".q-refunded")).hasText("¥30.00");
        assertThat(a.locator(".q-quality-units")).hasText("1");
        assertThat(a.locator(".q-rate")).hasText("50.0 %");
        assertThat(page.locator("#quality-products tr[data-sku=B] .q-sold")).hasText("1");
        assertThat(page.locator("#quality-totals .q-rate")).hasText("33.3 %");
        Locator today = page.locator("#quality-trend tbody tr").last();
        assertThat(today.locator(".q-claims")).hasText("1");
        assertThat(today.locator(".q-sold")).hasText("3");
    }

    @Test
    void aSellerReadsTheQualityPageOnADesktopAndOnAPhone(Page page) {
        logIn(page, world.seller());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quality").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Product quality");
        showsTheNumbers(page);
        assertThat(page.locator("#quality-trend tbody tr")).hasCount(30);
        chartIsDrawn(page);

        page.locator("#window-90").click();
        assertThat(page.locator("#window-90")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#quality-products tr[data-sku=A] .q-rate")).hasText("50.0 %");
        chartIsDrawn(page);

        page.setViewportSize(390, 844);
        page.navigate("/seller/quality");
        showsTheNumbers(page);
        chartIsDrawn(page);
        page.locator("#quality-products tr[data-sku=A] th a").click();
        // the product's claims are a new page: wait for it, not for the list the page before may hold too
        page.waitForURL(java.util.regex.Pattern.compile(".*[?&]sku=A.*"));
        assertThat(page.locator("#quality-claims")).isVisible();
        String number = page.locator("#quality-claims li").first().getAttribute("data-claim");
        page.locator("#quality-claims a").first().click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/seller/claims/" + claimId));
        assertThat(page.locator("h1")).containsText(number);
    }

    @Test
    void anAgentOpensTheShopsQualityFromAClaim(Page page) {
        UserAccount agent = fixtures.account(Role.AGENT, null);
        logIn(page, agent);
        page.navigate("/agent/claims/" + claimId);
        page.locator("a.quality-link").click();
        assertThat(page.locator("h1")).containsText(world.shop().name());
        showsTheNumbers(page);
        chartIsDrawn(page);
    }
}
