package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.BuyerFlaggedForAbuse;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.NewAccount;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * The agent queue on a 1280-px window (the browser's default here): every column, the Risk column last of all, is
 * whole on the screen, without scrolling sideways.
 */
class AgentQueueWidthBrowserIntegrationTests extends BrowserTest {

    static final int WIDTH = 1280;

    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    AccountManagement accounts;

    World risky;
    World calm;
    UserAccount agent;

    @BeforeEach
    void setUp() {
        risky = fixtures.freshWorld();
        calm = fixtures.world();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> publisher.publishEvent(new BuyerFlaggedForAbuse(System.nanoTime(), 1,
                    risky.buyer().id(), 1, "returns worn clothes", clock.instant())));
        }
        // two more accounts use the risky buyer's phone number
        for (int i = 0; i < 2; i++) {
            String name = Fixtures.unique("twin");
            accounts.create(new NewAccount(name, Fixtures.PASSWORD, Role.BUYER, "Twin " + name, null,
                    risky.buyer().phone(), null, "ext-" + name));
        }
        // parcels that weighed as much as the whole order: the claims the weight contradicts count against the buyer,
        // and the second claim is marked for an agent's review
        long taken = escalated(risky, 2_150, "Both apple boxes were missing, the parcel was open at one corner");
        escalated(risky, 2_150, "One box missing again");
        escalated(calm, 1_500, "A box is missing");
        agent = fixtures.account(Role.AGENT, null);
        arbitration.take(taken, Fixtures.user(agent));
        clock.advance(Duration.ofDays(5)); // past the platform's time to decide: the rows say "SLA breached"
    }

    long escalated(World world, int parcelGrams, String why) {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, parcelGrams);
        long id = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.REFUND, why), world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "The parcel was complete when it left", List.of());
        claims.escalate(id, world.buyerUser(), null, "The parcel was light");
        return id;
    }

    @Test
    void onA1280PixelWindowTheRiskColumnIsWholeOnTheScreen(Page page) {
        org.assertj.core.api.Assertions.assertThat(page.viewportSize().width).isEqualTo(WIDTH);
        logIn(page, agent);

        page.navigate("/agent/queue?shop=" + risky.shop().id());
        Locator rows = page.locator("tr.queue-row");
        assertThat(rows).hasCount(2);
        assertThat(rows.first().locator(".queue-risk")).hasText(Pattern.compile("\\d+ / 100 · review"));
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Taken by"))).hasCount(1);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("SLA breached"))).hasCount(2);
        assertThat(rows.locator(".review-reason")).hasCount(1);
        assertThat(rows.locator(".review-reason"))
                .containsText("Needs review: marked for agent review: return-abuse score");
        wholeOnScreen(page);

        page.navigate("/agent/queue?shop=" + calm.shop().id());
        assertThat(page.locator("tr.queue-row .queue-risk")).hasText(Pattern.compile("\\d+ / 100 · .+"));
        wholeOnScreen(page);
    }

    /** The Risk heading and every Risk cell inside the window and inside the table's own scroll box. */
    static void wholeOnScreen(Page page) {
        Locator table = page.locator("table.queue-table");
        Locator headings = table.locator("thead th");
        Locator risk = headings.last();
        assertThat(risk).hasText("Risk");
        int column = headings.count();
        BoundingBox box = page.locator(".table-responsive").filter(new Locator.FilterOptions().setHas(table))
                .boundingBox();
        double visibleRight = Math.min(WIDTH, box.x + box.width);

        List<Locator> cells = new java.util.ArrayList<>(List.of(risk));
        cells.addAll(table.locator("tbody tr td:nth-child(" + column + ")").all());
        for (Locator cell : cells) {
            BoundingBox b = cell.boundingBox();
            org.assertj.core.api.Assertions.assertThat(b.x + b.width)
                    .as("right edge of the Risk cell \"%s\" (window %d, table's visible box %s)",
                            cell.textContent().strip(), WIDTH, visibleRight)
                    .isLessThanOrEqualTo(visibleRight);
        }
        Object tableScroll = page.evaluate("() => { const t = document.querySelector('table.queue-table')"
                + ".parentElement; return t.scrollWidth - t.clientWidth; }");
        org.assertj.core.api.Assertions.assertThat(((Number) tableScroll).intValue())
                .as("the table does not scroll sideways inside its box").isLessThanOrEqualTo(0);
        Object overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling")
                .isZero();
    }
}
