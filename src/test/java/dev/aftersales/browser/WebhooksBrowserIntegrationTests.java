package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.EarlierWorkParked;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.WebhookReceiver;
import dev.aftersales.webhooks.internal.WebhookSender;
import dev.aftersales.webhooks.internal.WebhookSignature;

/**
 * A seller registers a webhook endpoint on the Webhooks page (a bad address refused at its field), copies the secret
 * shown once, sees a claim's event delivered to a real receiver listed as delivered, and delivers it again; and the
 * page on a phone.
 */
class WebhooksBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    WebhookSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    /** The elements whose right edge is past the window's, to name in a failure. */
    static final String PAST_THE_RIGHT_EDGE = """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
                    + ' ' + Math.round(e.getBoundingClientRect().right))
                .slice(0, 12).join(', ')""";

    World world;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        EarlierWorkParked.park(jdbc);
        receiver = new WebhookReceiver();
        world = fixtures.world();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private long fileMissing() {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        return claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
    }

    private int endpointsOfTheShop() {
        return jdbc.queryForObject("select count(*) from webhook_endpoints where shop_id = ?", Integer.class,
                world.shop().id());
    }

    @Test
    void anEndpointIsRefusedAtItsFieldThenRegisteredReceivesAClaimEventAndIsDeliveredAgain(Page page) {
        logIn(page, world.seller());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/seller/webhooks$"));
        assertThat(page.locator("h1")).hasText("Webhooks");
        assertThat(page.locator("#content")).containsText("No endpoints yet.");

        String plainHttp = "http://erp.example.com/aftersales";
        page.getByLabel("URL").fill(plainHttp);
        page.getByLabel("Claim filed").check();
        button(page, "Register").click();
        refusedAt(page, "url", "The address must start with https://; plain http:// is allowed only to localhost");
        assertThat(page.getByLabel("URL")).hasValue(plainHttp);
        assertThat(page.getByLabel("Claim filed")).isChecked();
        assertThat(page.locator(".webhook-endpoint")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(endpointsOfTheShop()).as("nothing saved").isZero();

        page.getByLabel("URL").fill(receiver.url());
        button(page, "Register").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("The endpoint is registered."))).isVisible();
        Locator issued = page.locator("#issued-secret");
        assertThat(issued).containsText("The signing secret of " + receiver.url()
                + ". Copy it now: it is shown only this once.");
        assertThat(issued.locator("code")).hasText(Pattern.compile("whsec_\\S{20,}"));
        String secret = issued.locator("code").textContent().strip();
        Locator endpoint = page.locator(".webhook-endpoint").filter(new Locator.FilterOptions()
                .setHasText(receiver.url()));
        assertThat(endpoint.locator(".badge").first()).hasText("active");
        assertThat(endpoint).containsText("Claim filed");
        assertThat(endpoint).containsText("No deliveries yet.");

        page.reload();
        assertThat(page.locator("#issued-secret")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret);
        Locator prefix = endpoint.locator("code").first();
        assertThat(prefix).hasText(Pattern.compile("whsec_\\S+…"));
        String shown = prefix.textContent().strip();
        org.assertj.core.api.Assertions.assertThat(secret).as("only the secret's start stays on the page")
                .startsWith(shown.substring(0, shown.length() - 1)).isNotEqualTo(shown);

        fileMissing();
        sender.sendDue();
        org.assertj.core.api.Assertions.assertThat(receiver.received()).singleElement().satisfies(r -> {
            org.assertj.core.api.Assertions.assertThat(r.event()).isEqualTo("claim.filed");
            org.assertj.core.api.Assertions.assertThat(WebhookSignature.sign(secret, Long.parseLong(r.timestamp()),
                    r.body())).as("signed with the secret the page showed").isEqualTo(r.signature());
        });
        String firstDelivery = receiver.received().get(0).delivery();

        page.reload();
        Locator rows = endpoint.locator("table.webhook-deliveries tbody tr");
        assertThat(rows).hasCount(1);
        Locator delivered = rows.filter(new Locator.FilterOptions().setHasText(firstDelivery));
        assertThat(delivered.locator("td").first()).containsText("Claim filed");
        assertThat(delivered.locator(".delivery-status")).hasText("delivered");
        assertThat(delivered.locator("td").nth(2)).hasText("1");
        assertThat(delivered.locator("td").nth(3)).hasText("–");
        assertThat(delivered.locator("td").nth(4)).containsText("200");
        assertThat(delivered.locator("td").nth(4)).containsText("ok");

        delivered.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redeliver")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("A new delivery is queued."))).isVisible();
        assertThat(rows).hasCount(2);
        Locator again = rows.filter(new Locator.FilterOptions().setHasText("redelivery"));
        assertThat(again).hasCount(1);
        assertThat(again.locator(".delivery-status")).hasText("pending");
        assertThat(again).not().containsText(firstDelivery);
        assertThat(again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Redeliver")))
                .hasCount(0);
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(firstDelivery)).locator(".delivery-status"))
                .hasText("delivered");

        sender.sendDue();
        org.assertj.core.api.Assertions.assertThat(receiver.received()).hasSize(2);
        var second = receiver.received().get(1);
        org.assertj.core.api.Assertions.assertThat(second.delivery()).isNotEqualTo(firstDelivery);
        org.assertj.core.api.Assertions.assertThat(second.event()).isEqualTo("claim.filed");
        page.reload();
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(second.delivery()))
                .locator(".delivery-status")).hasText("delivered");
    }

    @Test
    void onAPhoneTheWebhooksPageFitsTheScreen(Page page) {
        page.setViewportSize(390, 844);
        logIn(page, world.seller());
        page.navigate("/seller/webhooks");
        page.getByLabel("URL").fill(receiver.url());
        page.getByLabel("Claim filed").check();
        button(page, "Register").click();
        assertThat(page.locator("#issued-secret code")).isVisible();
        fileMissing();
        sender.sendDue();
        page.reload();
        assertThat(page.locator(".webhook-endpoint .delivery-status")).hasText("delivered");

        Object overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling; past the right edge: %s", page.evaluate(PAST_THE_RIGHT_EDGE)).isZero();
        Locator buttons = page.locator("#content button");
        org.assertj.core.api.Assertions.assertThat(buttons.count()).as("Register, Rotate, Disable, Redeliver")
                .isGreaterThanOrEqualTo(4);
        for (int i = 0; i < buttons.count(); i++) {
            Locator b = buttons.nth(i);
            // the page itself does not scroll sideways (above); a button in the deliveries table comes into sight
            // when the table is swiped, inside its own box
            b.scrollIntoViewIfNeeded();
            var box = b.boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.x).as("left edge of " + b.textContent())
                    .isGreaterThanOrEqualTo(0);
            org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("right edge of " + b.textContent())
                    .isLessThanOrEqualTo(390);
        }
    }
}
