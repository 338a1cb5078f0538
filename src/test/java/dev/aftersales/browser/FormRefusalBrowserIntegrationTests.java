package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.catalog.PolicyAdministration;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.Remedy;
import dev.aftersales.shared.Role;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.OrderManagement;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/**
 * The forms outside the claim pages, refused in a real browser: shipping an order, cancelling lines, the shop's
 * policy, the agent's decision and the admin's policy. Each comes back with the reason next to the field, what was
 * typed still there, the keyboard focus on the first refused field, and nothing saved.
 */
class FormRefusalBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    OrderManagement orders;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    PolicyAdministration policy;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    @Test
    void shippingWithANumberOfAnotherFormatIsRefusedAtTheNumber(Page page) {
        logIn(page, world.seller());
        page.navigate("/seller/orders/" + order.id() + "/ship");
        page.locator("#carrier").selectOption("SF");
        page.locator("#trackingNumber").fill("SF12345");
        page.locator("form[action$='/ship'] button[type=submit]").click();

        refusedAt(page, "trackingNumber", "This is not a SF Express tracking number.");
        assertThat(page.locator("#trackingNumber")).hasValue("SF12345");
        assertThat(page.locator("#carrier")).hasValue("SF");
        assertThat(focused(page)).isEqualTo("trackingNumber");
        assertThat(orders.details(order.id()).status()).isEqualTo(OrderStatus.AWAITING_SHIPMENT);
    }

    @Test
    void cancellingLinesWithoutAReasonIsRefusedAtTheReasonWithTheUnitsKept(Page page) {
        long line = Fixtures.lineId(order, "A");
        logIn(page, world.seller());
        page.navigate("/seller/orders/" + order.id() + "/cancel-lines");
        page.locator("#units-" + line).fill("1");
        page.locator("form[action$='/cancel-lines'] button[type=submit]").click();

        assertThat(page.locator("#reason-error")).isVisible();
        assertThat(page.locator("#reason-error")).not().isEmpty();
        assertThat(page.locator("#units-" + line)).hasValue("1");
        assertThat(focused(page)).startsWith("reason-");
        assertThat(claims.claimsOfOrder(order.id())).isEmpty();
    }

    @Test
    void aShopPolicyWithAThresholdThatIsNoAmountIsRefusedAtTheThresholdWithTheOtherValuesKept(Page page) {
        var before = catalog.policyFor(world.shop().id());
        logIn(page, world.seller());
        page.navigate("/seller/policy");
        page.locator("#firstResponseHours").fill("30");
        page.locator("#fastTrackThreshold").fill("twenty");
        page.locator("form[action$='/seller/policy'] button[type=submit]").click();

        assertThat(page.locator("#fastTrackThreshold")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
        assertThat(page.locator("#fastTrackThreshold-error")).isVisible();
        assertThat(page.locator("#fastTrackThreshold")).hasValue("twenty");
        assertThat(page.locator("#firstResponseHours")).hasValue("30");
        assertThat(focused(page)).isEqualTo("fastTrackThreshold");
        assertThat(catalog.policyFor(world.shop().id())).isEqualTo(before);
    }

    @Test
    void aDecisionWithoutARationaleIsRefusedAtTheRationaleWithTheClauseKept(Page page) {
        fixtures.deliver(order, 1_500);
        long claimId = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "Both apple boxes were missing"), world.buyerUser());
        claims.reject(claimId, world.sellerUser(), null, "The parcel was complete", List.of());
        claims.escalate(claimId, world.buyerUser(), null, "The parcel was light");
        UserAccount agent = fixtures.account(Role.AGENT, null);
        arbitration.take(claimId, Fixtures.user(agent));

        logIn(page, agent);
        page.navigate("/agent/cases/" + claimId);
        page.locator("#outcome-REJECT").check();
        String clause = (String) page.evaluate(
                "() => Array.from(document.querySelectorAll('#d-clause option')).map(o => o.value).find(v => v)");
        page.locator("#d-clause").selectOption(clause);
        page.locator("#decision-form button[type=submit]").click();

        refusedAt(page, "d-rationale", "");
        assertThat(page.locator("#d-rationale-error")).not().isEmpty();
        assertThat(page.locator("#d-clause")).hasValue(clause);
        assertThat(page.locator("#outcome-REJECT")).isChecked();
        assertThat(focused(page)).isEqualTo("d-rationale");
        assertThat(claims.claim(claimId, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
    }

    @Test
    void aPlatformAmountWithThreeDecimalsIsRefusedAtItsFieldAndNothingChanges(Page page) {
        long before = policy.current().oversoldCompensationFen();
        logIn(page, fixtures.account(Role.ADMIN, null));
        page.navigate("/admin/policy");
        page.locator("#policy-oversoldCompensationFen").fill("12.345");
        page.locator("#deadlines-form button[type=submit]").click();

        refusedAt(page, "policy-oversoldCompensationFen",
                "Enter an amount in yuan such as 20.00 (at most 2 decimals).");
        assertThat(page.locator("#policy-oversoldCompensationFen")).hasValue("12.345");
        assertThat(focused(page)).isEqualTo("policy-oversoldCompensationFen");
        assertThat(policy.current().oversoldCompensationFen()).isEqualTo(before);
    }
}
