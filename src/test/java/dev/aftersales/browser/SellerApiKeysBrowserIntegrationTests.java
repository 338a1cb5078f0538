package dev.aftersales.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.BrowserTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;

/**
 * A seller creates an API key for the shop's ERP on the API keys page: refusals next to the field, the key shown once
 * and working on the seller API, then revoked; and the page on a phone.
 */
class SellerApiKeysBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.world();
    }

    @Test
    void aKeyIsShownOnceWorksOnTheApiWithItsScopesAndStopsWhenRevoked(Page page) {
        logIn(page, world.seller());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("API keys");
        assertThat(page.locator(".key-row")).hasCount(0);

        button(page, "Create key").click();
        refusedAt(page, "name", "Enter a name of 3 to 100 letters");

        page.getByLabel("Name").fill("ERP production");
        page.getByLabel(Pattern.compile("read the shop's claims.*")).uncheck();
        button(page, "Create key").click();
        assertThat(page.locator("#scopes-error")).hasText("Choose at least one thing the key may do.");
        assertThat(page.getByLabel("Name")).hasValue("ERP production");

        page.getByLabel(Pattern.compile("read the shop's claims.*")).check();
        page.getByLabel(Pattern.compile("ship orders.*")).check();
        button(page, "Create key").click();
        Locator issued = page.locator("#issued-key code");
        assertThat(issued).hasText(Pattern.compile("ssk_\\S{40,}"));
        String key = issued.textContent().strip();
        Locator row = page.locator(".key-row").filter(new Locator.FilterOptions().setHasText("ERP production"));
        assertThat(row).containsText(key.substring(0, 10) + "…");
        assertThat(row.locator("code")).hasText(new String[] { "claims:read", "orders:ship" });

        ApiCalls erp = new ApiCalls(port, key);
        org.assertj.core.api.Assertions.assertThat(erp.get("/api/v1/seller/claims").status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(erp.post("/api/v1/seller/claims/batch-accept",
                "{\"items\":[{\"number\":\"X\",\"version\":1}]}").status()).isEqualTo(403);

        page.reload();
        assertThat(page.locator("#issued-key")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(key);

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("no longer works")))
                .isVisible();
        assertThat(row.locator(".key-status")).hasText(Pattern.compile("Revoked .*"));
        org.assertj.core.api.Assertions.assertThat(erp.get("/api/v1/seller/claims").status()).isEqualTo(401);
    }

    @Test
    void onAPhoneTheKeysFitTheScreen(Page page) {
        page.setViewportSize(390, 844);
        logIn(page, world.seller());
        page.navigate("/seller/api-keys");
        page.getByLabel("Name").fill("Helpdesk");
        button(page, "Create key").click();
        assertThat(page.locator("#issued-key code")).isVisible();
        assertThat(page.locator(".key-row")).hasCount(1);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isZero();
        var revoke = page.locator(".key-row button").boundingBox();
        org.assertj.core.api.Assertions.assertThat(revoke.x + revoke.width).as("the Revoke button's right edge")
                .isLessThanOrEqualTo(390);
        assertThat(page.locator(".key-row button")).isVisible();
    }
}
