package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/** A platform agent arbitrates an escalated claim in Chromium, and the parties see what the platform did. */
class ArbitrationBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    dev.aftersales.arbitration.ArbitrationManagement arbitration;

    @TempDir
    Path temp;

    World world;
    OrderDetails order;
    UserAccount agent;
    long claimId;
    String claimNumber;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_500);
        agent = fixtures.account(Role.AGENT, null);
        claimId = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "Both apple boxes were missing"), world.buyerUser());
        claims.reject(claimId, world.sellerUser(), null, "The parcel was complete", List.of());
        claims.escalate(claimId, world.buyerUser(), null, "The parcel was light");
        claimNumber = views.detail(claimId, world.buyerUser()).claimNumber();
    }

    private static void switchTo(Page page, UserAccount account) {
        page.context().clearCookies();
        logIn(page, account);
    }

    @Test
    void anAgentGoesFromTheQueueToTheWorkspaceAndDecidesAndTheBuyerSeesTheDecisionAndTheRefund(Page page) {
        logIn(page, agent);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Queue").setExact(true)).click();
        page.getByLabel("Shop").selectOption(String.valueOf(world.shop().id()));
        button(page, "Filter").click();
        Locator row = page.locator("tr.queue-row[data-claim=" + claimNumber + "]");
        assertThat(row).containsText("¥60.00");
        assertThat(row).containsText("With the platform");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(claimNumber)).click();

        assertThat(page.locator("h1").first()).containsText(claimNumber);
        assertThat(page.locator(".weight-check")).containsText("Measured 1,500 g");
        assertThat(page.locator(".clauses")).containsText("R-3.2 Parcel weight as evidence");
        assertThat(page.locator(".panel-buyer")).containsText("1 claim, 1 open");
        assertThat(page.locator(".claim-timeline")).containsText("The parcel was light");
        button(page, "Take the case").click();
        assertThat(page.getByText("The case is yours.")).isVisible();

        page.getByLabel("Partial refund", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Partial refund (¥)").fill("30.00");
        button(page, "Record the decision").click();
        assertThat(page.locator("#d-rationale-error")).containsText("Fill this in.");
        assertThat(page.getByLabel("Partial refund (¥)")).hasValue("30.00");

        page.getByLabel("Rationale (the parties read it)").fill("The parcel weighed one box less than ordered");
        page.getByLabel("Policy clause", new Page.GetByLabelOptions().setExact(true)).selectOption("R-3.2");
        button(page, "Record the decision").click();
        assertThat(page.getByText("The decision is recorded; both parties are told.")).isVisible();
        assertThat(page.locator(".decisions")).containsText("Partial refund ¥30.00");

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + claimId);
        Locator decision = page.locator("#decision");
        assertThat(decision).containsText("The platform decided");
        assertThat(decision).containsText("¥30.00");
        assertThat(decision).containsText("The parcel weighed one box less than ordered");
        assertThat(decision).containsText("Rule R-3.2 Parcel weight as evidence");
        assertThat(page.locator(".refunds")).containsText("¥30.00");
        assertThat(page.locator(".appeal-form")).isVisible();
    }

    @Test
    void theBuyerAnswersTheAgentsEvidenceRequestWithAPhotoAndTheAgentSeesIt(Page page) throws IOException {
        logIn(page, agent);
        page.navigate("/agent/cases/" + claimId);
        button(page, "Take the case").click();
        page.getByLabel("The buyer", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("What exactly is needed").fill("A photo of the opened parcel");
        page.getByLabel("Hours to answer").fill("24");
        button(page, "Send the request").click();
        assertThat(page.getByText("The evidence request was sent.")).isVisible();
        assertThat(page.locator("#banner")).containsText("The buyer must send the evidence asked for");

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + claimId);
        Locator request = page.locator("#evidence-request");
        assertThat(request).containsText("The platform asks you for evidence");
        assertThat(request).containsText("A photo of the opened parcel");
        page.getByLabel("Your answer").fill("Here is the open parcel");
        page.locator("#evidence-files").setInputFiles(png(temp.resolve("open-parcel.png")));
        button(page, "Send the evidence").click();
        assertThat(page.getByText("Your answer went to the platform.")).isVisible();
        assertThat(page.locator("#evidence-request")).hasCount(0);

        switchTo(page, agent);
        page.navigate("/agent/cases/" + claimId);
        assertThat(page.locator("#banner")).containsText("The platform is deciding");
        assertThat(page.locator(".evidence-gallery img.evidence-thumb")).hasAttribute("alt", "open-parcel.png");
        assertThat(page.locator(".claim-timeline")).containsText("Here is the open parcel");
    }

    @Test
    void onAPhoneInChineseTheBuyerAppealsAndASecondAgentUpholdsWithTheKeyboard(Page page) {
        arbitration.decide(claimId, Fixtures.user(agent), null, DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND,
                dev.aftersales.shared.Money.fen(3000), "The weight shows one box missing", "R-3.2"));
        page.setViewportSize(390, 844);
        logIn(page, world.buyer());
        page.navigate("/buyer/claims/" + claimId + "?lang=zh-CN");
        assertThat(page.locator("#decision")).containsText("平台裁决");
        assertThat(page.locator("#decision")).containsText("部分退款");
        page.getByLabel("裁决有误的理由").fill("两盒都没有收到");
        button(page, "对裁决提出申诉").click();
        assertThat(page.getByText("您的申诉已转交另一位平台专员。")).isVisible();
        assertThat(page.locator(".appeal-pending")).containsText("买家已提出申诉");
        assertThat(page.locator(".appeal-form")).hasCount(0);

        UserAccount second = fixtures.account(Role.AGENT, null);
        switchTo(page, second);
        page.navigate("/agent/cases/" + claimId + "?lang=zh-CN");
        assertThat(page.locator(".appeal-statement")).containsText("两盒都没有收到");
        page.getByLabel("维持原裁决", new Page.GetByLabelOptions().setExact(true)).focus();
        page.keyboard().press("Space");
        page.getByLabel("裁决理由（双方可见）").focus();
        page.keyboard().type("重量只少一盒");
        page.getByLabel("依据的平台规则", new Page.GetByLabelOptions().setExact(true)).selectOption("R-3.2");
        button(page, "提交裁决").focus();
        page.keyboard().press("Enter");
        assertThat(page.getByText("裁决已记录，双方均已收到通知。")).isVisible();
        assertThat(page.locator(".decisions")).containsText("申诉终裁");
        assertThat(page.locator(".decisions")).containsText("维持原裁决");

        switchTo(page, world.buyer());
        page.navigate("/buyer/claims/" + claimId + "?lang=zh-CN");
        assertThat(page.locator("#decision")).containsText("平台终裁（申诉后）");
        assertThat(page.locator("#banner")).containsText("已关闭");
    }

    private static Path png(Path file) throws IOException {
        try {
            return Files.write(file, Fixtures.png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
