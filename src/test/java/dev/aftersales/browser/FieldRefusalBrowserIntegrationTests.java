package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.ShipByWatcher;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/**
 * Refused forms in a real browser: the page comes back with the reason next to the field, what was typed still in
 * the form, and the keyboard focus on the first refused field.
 */
class FieldRefusalBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ShipByWatcher shipBy;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
    }

    @Test
    void aTrackingNumberOfAnotherFormatOnANoTrackingCaseIsRefusedAtTheNumberWithTheFocusThere(Page page) {
        clock.advance(Duration.ofHours(49));
        shipBy.runDue();
        long id = claims.claimsOfOrder(order.id()).get(0).id();

        logIn(page, world.seller());
        page.navigate("/seller/claims/" + id);
        page.locator("#supply-carrier").selectOption("SF");
        page.locator("#supply-tracking-number").fill("SF12345");
        button(page, "Supply tracking").click();

        assertThat(page).hasURL(Pattern.compile(".*/seller/claims/" + id + "$"));
        refusedAt(page, "supply-tracking-number",
                "That is not a tracking number of this carrier (for example SF1234567890123).");
        assertThat(page.locator("#supply-tracking-number")).hasValue("SF12345");
        assertThat(page.locator("#supply-carrier")).hasValue("SF");
        assertThat(focused(page)).isEqualTo("supply-tracking-number");
        assertThat(claims.claimsOfOrder(order.id()).get(0).status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
    }

    @Test
    void aProposalWithAnAmountThatCannotBeReadIsRefusedAtTheAmountWithTheNoteKept(Page page) {
        fixtures.deliver(order, 2_150);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "two apple boxes missing"), world.buyerUser());

        logIn(page, world.seller());
        page.navigate("/seller/claims/" + id);
        page.getByLabel("Propose instead").selectOption("REFUND");
        page.locator("#propose-amount").fill("12,5x");
        page.getByLabel("Note to the buyer").fill("Half of it; the rest was in the box");
        button(page, "Send the proposal").click();

        refusedAt(page, "propose-amount", "Enter an amount such as 12.50.");
        assertThat(page.locator("#propose-amount")).hasValue("12,5x");
        assertThat(page.locator("#alternative")).hasValue("REFUND");
        assertThat(page.locator("#propose-note")).hasValue("Half of it; the rest was in the box");
        assertThat(focused(page)).isEqualTo("propose-amount");
    }

    @Test
    void aReturnWithANumberOfAnotherCarrierIsRefusedAtTheNumberWithTheFocusThere(Page page) {
        fixtures.deliver(order, 2_000);
        long id = claims.file(ClaimFilings.returnWithoutReason(order, "B", 1),
                world.buyerUser());
        claims.accept(id, world.sellerUser(), null);

        logIn(page, world.buyer());
        page.navigate("/buyer/claims/" + id);
        page.locator("#return-carrier").selectOption("SF");
        page.locator("#return-tracking").fill("YT1234");
        button(page, "I sent the return").click();

        refusedAt(page, "return-tracking", "That is not a tracking number of this carrier");
        assertThat(page.locator("#return-tracking")).hasValue("YT1234");
        assertThat(page.locator("#return-carrier")).hasValue("SF");
        assertThat(focused(page)).isEqualTo("return-tracking");
        assertThat(claims.claim(id, world.buyerUser()).status()).isEqualTo(ClaimStatus.AWAITING_RETURN_SHIPMENT);
    }

    @Test
    void aClaimWithARefusedFileNamesTheFileAtTheFileFieldAndKeepsWhatWasTyped(Page page) {
        fixtures.deliver(order, 2_150);

        logIn(page, world.buyer());
        page.navigate("/buyer/orders/" + order.id() + "/claims/new?type=MISSING_ITEM");
        page.locator("#units-" + Fixtures.lineId(order, "A")).fill("1");
        page.locator("#reason").selectOption("ITEMS_MISSING");
        page.locator("#remedy").selectOption("RESHIP");
        page.locator("#description").fill("Only one apple box in the parcel");
        page.locator("#evidence").setInputFiles(new FilePayload("waybill.exe", "application/octet-stream",
                "MZ not a photo".getBytes(StandardCharsets.UTF_8)));
        button(page, "File the claim").click();

        refusedAt(page, "evidence", "waybill.exe is not a photo, video or PDF.");
        assertThat(page.locator("#description")).hasValue("Only one apple box in the parcel");
        assertThat(page.locator("#reason")).hasValue("ITEMS_MISSING");
        assertThat(page.locator("#remedy")).hasValue("RESHIP");
        assertThat(page.locator("#units-" + Fixtures.lineId(order, "A"))).hasValue("1");
        assertThat(focused(page)).isEqualTo("evidence");
        assertThat(claims.claimsOfOrder(order.id())).isEmpty();
    }
}
