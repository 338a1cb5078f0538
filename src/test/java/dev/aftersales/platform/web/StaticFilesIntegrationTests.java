package dev.aftersales.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;

/**
 * Static files are served from their own paths only (/css, /js, /webjars), with the web jars' links naming their
 * version; every other path is a page. When every path was also a static location, each link on each page was looked
 * up as a file in the jar before it was written out.
 */
@AftersalesIntegrationTest
class StaticFilesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void theDesksStylesScriptsAndWebJarsAreServedAndThePagesLinkTheWebJarsVersion() {
        HttpUser browser = HttpUser.browser(port);
        Page css = browser.get("/css/app.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        Page script = browser.get("/js/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.body()).contains("is-invalid");
        Page bootstrap = browser.get("/webjars/bootstrap/css/bootstrap.min.css");
        assertThat(bootstrap.status()).isEqualTo(200);
        assertThat(bootstrap.body()).contains("Bootstrap");

        Page orders = HttpUser.signedIn(port, fixtures.freshWorld().buyer()).get("/buyer/orders");
        assertThat(orders.body()).containsPattern("href=\"/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css\"")
                .contains("href=\"/css/app.css\"");
        assertThat(browser.get(orders.body().replaceAll("(?s).*href=\"(/webjars/bootstrap/[^\"]+)\".*", "$1")).status())
                .as("the versioned link works too").isEqualTo(200);
    }

    @Test
    void onlyTheStaticPathsAreLookedUpAsFilesNotEveryLinkOfAPage() {
        assertThat(resourceUrls.getHandlerMap().keySet()).contains("/css/**", "/js/**", "/webjars/**")
                .as("besides the API explorer's own").allMatch(p -> !p.equals("/**"));
        assertThat(resourceUrls.getForLookupPath("/buyer/orders/42")).as("a page's link is no file").isNull();
        assertThat(resourceUrls.getForLookupPath("/webjars/bootstrap/css/bootstrap.min.css"))
                .matches("/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css");
    }

    @Test
    void aPathThatIsNoPageIsTheNotFoundPageAndNoFileOfTheJarIsServed() {
        HttpUser buyer = HttpUser.signedIn(port, fixtures.freshWorld().buyer());
        for (String path : List.of("/buyer/nothing-here", "/application.properties", "/templates/layout.html",
                "/static/css/app.css")) {
            Page page = buyer.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("There is nothing here, or it is not yours to see.")
                    .doesNotContain("spring.datasource").doesNotContain("th:replace");
        }
    }
}
