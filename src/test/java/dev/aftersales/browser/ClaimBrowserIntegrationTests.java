package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.claims.ClaimDeadlineSweep;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** A buyer and a seller take claims to their end on the claim pages, and the desk steps in when the seller is silent. */
class ClaimBrowserIntegrationTests extends BrowserTest {

    private static final Pattern CLAIM_URL = Pattern.compile(".*/buyer/claims/(\\d+)$");

    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    ClaimDeadlineSweep sweep;

    @TempDir
    Path temp;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_150);
    }


    private static void switchTo(Page page, UserAccount account) {
        page.context().clearCookies();
        logIn(page, account);
    }

    /** From the buyer's order page: applies for the claim type, fills the form and files it; returns the claim id. */
    private long fileClaim(Page page, String type, String reason, String remedy, String sku, int units,
            String description, Path photo) {
        page.navigate("/buyer/orders/" + order.id());
        Locator apply = page.locator("#apply .claim-type[data-type=" + type + "]");
        apply.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator("h1")).containsText(order.orderNumber());
        page.locator("#units-" + Fixtures.lineId(order, sku)).fill(String.valueOf(units));
        page.locator("#reason").selectOption(reason);
        page.locator("#remedy").selectOption(remedy);
        page.locator("#description").fill(description);
        if (photo != null) {
            page.locator("#evidence").setInputFiles(photo);
        }
        page.locator("#content form[enctype='multipart/form-data'] button[type=submit]").click();
        assertThat(page).hasURL(CLAIM_URL);
        assertThat(page.getByText("Your claim was filed.")).isVisible();
        Matcher m = CLAIM_URL.matcher(page.url());
        if (!m.matches()) {
            throw new IllegalStateException(page.url());
        }
        return Long.parseLong(m.group(1));
    }

    @Test
    void aMissingItemIsReshippedAtTheSellersProposalAndTheBuyerSeesTheClaimResolved(Page page) {
        Path photo = png(temp.resolve("parcel.png"));
        logIn(page, world.buyer());
        long id = fileClaim(page, "MISSING_ITEM", "ITEMS_MISSING", "REFUND", "A", 1, "Only one apple box in the parcel",
                photo);
        assertThat(page.locator("#banner")).containsText("The seller must accept, propose something else or reject");
        assertThat(page.locator(".evidence-gallery img.evidence-thumb")).hasAttribute("alt", "parcel.png");
        assertThat(page.locator("#content")).containsText("Only one apple box in the parcel");
        String number = page.locator("h1 .font-monospace").textContent().trim();

        switchTo(page, world.seller());
        page.navigate("/seller/claims");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).first().click();
        assertThat(page.locator("h1")).containsText(number);
        assertThat(page.locator(".evidence-gallery img.evidence-thumb")).hasAttribute("alt", "parcel.png");
        page.getByLabel("Propose instead").selectOption("RESHIP");
        page.getByLabel("Note to the buyer").fill("We send the missing box again");
        button(page, "Send the proposal").click();
        assertThat(page.getByText("Your proposal was sent to the buyer.")).isVisible();
        assertThat(page.locator("#banner")).containsText("The buyer must accept or reject the seller's proposal");

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + id);
        assertThat(page.locator("#proposal")).containsText("We send the missing box again");
        button(page, "Accept the proposal").click();
        assertThat(page.getByText("You accepted the proposal.")).isVisible();
        assertThat(page.locator("#banner")).containsText("The seller must reship and enter the tracking number");

        switchTo(page, world.seller());
        page.navigate("/seller/claims/" + id);
        String tracking = Fixtures.trackingNumber();
        page.locator("#reship-carrier").selectOption("SF");
        page.locator("#reship-tracking").fill(tracking);
        button(page, "Reshipped").click();
        assertThat(page.getByText("The reshipment was recorded.")).isVisible();
        assertThat(page.locator("#content")).containsText(tracking);

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + id);
        assertThat(page.locator("#banner")).containsText("must confirm the reshipment arrived");
        assertThat(page.locator("#content")).containsText(tracking);
        button(page, "I received the reshipment").click();
        assertThat(page.getByText("Thank you: the claim is resolved.")).isVisible();
        assertThat(page.locator("#banner")).containsText("Resolved");
        assertThat(page.locator("#banner")).containsText("Reshipped");
        assertThat(page.locator(".claim-status").first()).hasText("Resolved");
        assertThat(page.locator(".claim-timeline")).containsText("Confirmed receipt");
    }

    @Test
    void aReturnDeliveredAndFoundAsSoldIsRefundedAndTheBuyerSeesTheAmountOnTheOrder(Page page) {
        logIn(page, world.buyer());
        long id = fileClaim(page, "RETURN_REFUND", "NO_REASON", "RETURN_AND_REFUND", "B", 1, "Changed my mind", null);
        assertThat(page.locator(".requested-amount")).hasText("¥50.00");

        switchTo(page, world.seller());
        page.navigate("/seller/claims/" + id);
        page.locator("#content form[action$='/accept'] button").click();
        assertThat(page.getByText("You accepted the claim.")).isVisible();
        assertThat(page.locator("#banner")).containsText("The buyer must send the return and enter its tracking number");

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + id);
        String tracking = Fixtures.trackingNumber();
        page.locator("#return-carrier").selectOption("SF");
        page.locator("#return-tracking").fill(tracking);
        button(page, "I sent the return").click();
        assertThat(page.getByText("The return was recorded.")).isVisible();
        assertThat(page.locator(".claim-status").first()).hasText("Return in transit");

        fixtures.deliverLeg(tracking);

        switchTo(page, world.seller());
        page.navigate("/seller/claims/" + id);
        assertThat(page.locator("#banner")).containsText("must confirm the return's receipt and inspect it");
        page.getByLabel("Inspection result").selectOption("AS_SOLD");
        button(page, "Confirm receipt of the return").click();
        assertThat(page.getByText("The return was confirmed.")).isVisible();

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + id);
        assertThat(page.locator("#banner")).containsText("Resolved");
        assertThat(page.locator(".inspection")).containsText("As sold");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Order " + order.orderNumber())).click();
        assertThat(page).hasURL(Pattern.compile(".*/buyer/orders/" + order.id() + "$"));
        Locator refunds = page.locator("#refunds");
        assertThat(refunds.locator(".movement")).hasCount(1);
        assertThat(refunds.locator(".movement")).containsText("¥50.00");
        assertThat(refunds.locator(".movement")).containsText("Paid");
        assertThat(refunds).containsText("Refunded ¥50.00 in all");
    }

    @Test
    void aClaimTheSellerIgnoresIsRefundedByTheDeskAfter48HoursWithTheRuleShown(Page page) {
        logIn(page, world.buyer());
        long id = fileClaim(page, "MISSING_ITEM", "ITEMS_MISSING", "REFUND", "A", 1, "One box short", null);
        assertThat(page.locator("#banner")).containsText("The seller must accept, propose something else or reject");

        clock.advance(Duration.ofHours(49));
        sweep.runDue();

        page.navigate("/buyer/claims/" + id);
        assertThat(page.locator("#banner")).containsText("Resolved");
        assertThat(page.locator("#banner")).containsText("Refunded");
        assertThat(page.locator(".refunds")).containsText("¥30.00");
        Locator byDesk = page.locator(".claim-timeline li").filter(new Locator.FilterOptions().setHasText("Desk"));
        assertThat(byDesk.first()).containsText("seller's answer deadline");
        assertThat(page.locator(".claim-timeline")).containsText("the seller did not answer in time");
    }

    /** Writes a real 1 × 1 PNG. */
    private static Path png(Path file) {
        try {
            return Files.write(file, Fixtures.png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
