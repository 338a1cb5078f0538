package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.arbitration.BuyerFlaggedForAbuse;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.PolicyAdministration;
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

/** An admin edits the platform's deadlines; an agent reads a high-risk buyer's panel on a claim. */
class RiskBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    ClaimManagement claims;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    PolicyAdministration policy;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
    }

    @AfterEach
    void restore() {
        policy.change("buyerAnswer", "7d", "test");
    }

    @Test
    void anAdminChangesADeadlineSeesARefusedValueExplainedAndTheChangeLogged(Page page) {
        UserAccount admin = fixtures.account(Role.ADMIN, null);
        logIn(page, admin);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Policy").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Policy administration");

        Locator buyerAnswer = page.getByLabel("Buyer answers a proposal or rejection");
        assertThat(buyerAnswer).hasValue("7d");
        buyerAnswer.fill("next week");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save deadlines")).click();
        assertThat(page.locator("#policy-buyerAnswer-error")).hasText("Enter a duration such as 48h, 7d or 90m.");
        assertThat(page.getByLabel("Buyer answers a proposal or rejection")).hasValue("next week");

        page.getByLabel("Buyer answers a proposal or rejection").fill("5d");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save deadlines")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("settings changed")))
                .hasText("1 settings changed.");
        assertThat(page.getByLabel("Buyer answers a proposal or rejection")).hasValue("5d");
        Locator logged = page.locator("table.policy-changes tr[data-setting=buyerAnswer]").first();
        assertThat(logged).containsText(admin.username());
        assertThat(logged).containsText("7d");
        assertThat(logged).containsText("5d");
        org.assertj.core.api.Assertions.assertThat(catalog.policyFor(world.shop().id()).buyerAnswer())
                .isEqualTo(Duration.ofDays(5));

        // the same page in Chinese
        page.navigate("/admin/policy?lang=zh-CN");
        assertThat(page.locator("h1")).hasText("平台规则管理");
        assertThat(page.getByLabel("买家答复方案或驳回")).hasValue("5d");
    }

    @Test
    void anAgentReadsAHighRiskBuyersSignalsAndLinkedAccountsOnTheClaim(Page page) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> publisher.publishEvent(new BuyerFlaggedForAbuse(System.nanoTime(), 1,
                    world.buyer().id(), 1, "returns worn clothes", clock.instant())));
        }
        // two more accounts use the buyer's phone number
        for (int i = 0; i < 2; i++) {
            String name = Fixtures.unique("twin");
            accounts.create(new NewAccount(name, Fixtures.PASSWORD, Role.BUYER, "Twin " + name, null,
                    world.buyer().phone(), null, "ext-" + name));
        }
        // the parcel weighed as much as everything: a missing-item claim the weight contradicts
        long id = claims.file(ClaimFilings.missing(order, "A", 1, Remedy.RESHIP, "a box is missing"), world.buyerUser());

        logIn(page, fixtures.account(Role.AGENT, null));
        page.navigate("/agent/claims/" + id);

        Locator panel = page.locator("#buyer-risk");
        assertThat(panel.locator("#buyer-risk-heading")).containsText("Return-abuse score of " + world.buyer().displayName());
        assertThat(panel.locator(".risk-score")).hasText(Pattern.compile("(7[5-9]|[89]\\d|100) / 100"));
        assertThat(panel.locator(".risk-verdict")).hasText("review");
        assertThat(panel.locator("tr[data-signal=FLAGS]")).containsText("2 abuse flags by agents");
        assertThat(panel.locator("tr[data-signal=FLAGS]")).containsText("40 / 40");
        assertThat(panel.locator("tr[data-signal=WEIGHT]")).containsText("1 claim contradicted by the parcel weight check");
        assertThat(panel.locator("tr[data-signal=WEIGHT]")).containsText("15 / 30");
        assertThat(panel.locator(".risk-links li").first())
                .containsText("shares the phone number " + world.buyer().phone());
        assertThat(panel.locator("tr[data-signal=LINKED]")).containsText("20 / 20");
        assertThat(page.locator("#shop-scorecard")).containsText("Scorecard of " + world.shop().name());

        // the watchlist lists the buyer; the link opens the same panel
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Watchlist").setExact(true)).click();
        page.locator("tr[data-buyer=" + world.buyer().username() + "] a").click();
        assertThat(page.locator("h1")).hasText("Risk of " + world.buyer().displayName());
        assertThat(page.locator("#buyer-risk tr[data-signal=FLAGS]")).containsText("40 / 40");
    }
}
