package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/** The desk speaks English and Simplified Chinese; {@code ?lang=} switches and the choice is remembered. */
class LanguageBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void chineseChosenOnOnePageStaysOnTheNextUntilEnglishIsChosen(Page page) {
        World world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);

        page.navigate("/login");
        assertThat(page.locator("h1")).hasText("Sign in");

        page.navigate("/login?lang=zh-CN");
        assertThat(page.locator("h1")).hasText("登录");
        assertThat(page.getByLabel("用户名")).isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");

        logIn(page, world.buyer());
        assertThat(page.locator("h1")).hasText("我的订单");
        page.getByText(order.orderNumber()).click();
        assertThat(page.locator("h1")).containsText("订单");
        assertThat(page.locator("#parcels-heading")).hasText("包裹");
        assertThat(page.locator("h1 ~ .badge").first()).hasText("待发货");

        page.navigate("/buyer/orders/" + order.id() + "?lang=en");
        assertThat(page.locator("#parcels-heading")).hasText("Parcels");
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        page.navigate("/buyer/orders");
        assertThat(page.locator("h1")).hasText("My orders");
    }

    @Test
    void theLanguageLinksInTheHeaderSwitchTheCurrentPage(Page page) {
        page.navigate("/login");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("中文")).click();
        assertThat(page.locator("h1")).hasText("登录");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("h1")).hasText("Sign in");
    }
}
