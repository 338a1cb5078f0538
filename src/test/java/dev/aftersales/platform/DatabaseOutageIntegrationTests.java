package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.Remedy;
import dev.aftersales.identity.ApiClientManagement;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.ApiCalls;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Poll;
import dev.aftersales.support.TcpProxy;
import dev.aftersales.support.TestConfig;
import dev.aftersales.support.TestDatabase;

/**
 * PostgreSQL goes silent under a running desk: this application reaches the run's database only through a
 * {@link TcpProxy} the test cuts (connections accepted and never answered, bytes held, as when the database host
 * drops off the network). Over real HTTP, every page then answers 503 in the user's language, the integration API
 * 503 problem+json with Retry-After, health and readiness DOWN; once the path is back, the same session works again
 * and nothing sent before the cut is missing. Requests are bounded by the client's own timeout
 * ({@link HttpUser#TIMEOUT}), not timed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIntegrationTests {

    static final String ENGLISH = "The desk is briefly unavailable; nothing you sent was lost. Please try again in a minute.";
    static final String CHINESE = "服务台暂时无法使用，您提交的内容没有丢失。请一分钟后再试。";

    static TcpProxy path;

    @DynamicPropertySource
    static void databaseThroughACuttablePath(DynamicPropertyRegistry registry) throws Exception {
        String url = System.getProperty("spring.datasource.url");
        URI target = URI.create(url.substring("jdbc:".length()));
        path = new TcpProxy(target.getHost(), target.getPort());
        String proxied = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + path.port() + "/");
        registry.add("spring.datasource.url", () -> proxied);
    }

    @AfterAll
    static void restorePath() {
        path.restore();
        // this class's application closes right after; the path goes when the run's database does
        TestDatabase.closeBeforeStopping(path);
    }

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ApiClientManagement apiClients;
    @Autowired
    MutableClock clock;

    @Test
    void whileTheDatabaseIsUnreachableEveryAnswerIs503AndAfterwardsNothingSentBeforeIsMissing() {
        clock.reset();
        World world = fixtures.world();
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        long claimId = claims.file(ClaimFilings.oneAppleBoxMissing(order), world.buyerUser());
        String key = apiClients.create(Fixtures.unique("storefront-")).key();
        String claimPage = "/buyer/claims/" + claimId;
        String base = "http://localhost:" + port;

        HttpUser buyer = new HttpUser(base).signIn(world.buyer().username(), Fixtures.PASSWORD, "/buyer/orders");
        Page sent = buyer.submit(claimPage, claimPage + "/messages", Map.of("body", "Sent before the outage"));
        assertThat(sent.status()).isEqualTo(302);
        String before = Fixtures.unique("SO");
        String during = Fixtures.unique("SO");
        ApiCalls storefront = new ApiCalls(base, key, HttpUser.TIMEOUT);
        assertThat(storefront.post("/api/v1/orders", order(before, world)).status())
                .isEqualTo(201);
        String csrf = buyer.get(claimPage).csrf();

        path.cut();
        try {
            Page page = buyer.get(claimPage);
            assertUnavailablePage(page, ENGLISH);

            Page chinese = new HttpUser(base).get("/login", "Accept-Language", "zh-CN,zh;q=0.9");
            assertUnavailablePage(chinese, CHINESE);
            assertThat(chinese.body()).contains("lang=\"zh-CN\"");

            Page form = buyer.post(claimPage + "/messages", csrf, Map.of("body", "Sent during the outage"));
            assertUnavailablePage(form, ENGLISH);

            ApiCalls.Response api = storefront.post("/api/v1/orders", order(during, world));
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.header("Retry-After")).isEqualTo("60");
            assertThat(api.body()).contains("\"status\":503").contains("nothing of this request was recorded");

            ApiCalls.Response health = storefront.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            ApiCalls.Response readiness = storefront.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
            ApiCalls.Response liveness = storefront.get("/actuator/health/liveness");
            assertThat(liveness.status()).as("a restart would not bring the database back").isEqualTo(200);
        } finally {
            path.restore();
        }

        Poll.until("readiness UP again", Duration.ofSeconds(30),
                () -> storefront.get("/actuator/health/readiness").status() == 200);
        Page again = buyer.get(claimPage);
        assertThat(again.status()).as("the same session, signed in").isEqualTo(200);
        assertThat(again.body()).contains("Sent before the outage").doesNotContain("Sent during the outage");
        assertThat(storefront.post("/api/v1/orders", order(before, world)).status())
                .as("recorded before the outage, still there").isEqualTo(200);
        assertThat(storefront.post("/api/v1/orders", order(during, world)).status())
                .as("not recorded during the outage; recorded once when sent again").isEqualTo(201);
        assertThat(buyer.get("/buyer/orders").body()).contains(before).contains(during);
    }

    private static void assertUnavailablePage(Page page, String text) {
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Retry-After")).isEqualTo("60");
        assertThat(page.body()).contains(text).contains("<html").doesNotContain("Exception").doesNotContain("SQL");
    }

    private String order(String number, World world) {
        String paidAt = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"orderNumber":"%s","shopCode":"%s",
                 "buyer":{"id":"ext-%s","name":"Li Lei","phone":"13800000000"},
                 "currency":"CNY","paidAmount":3000,"shippingFee":0,"paidAt":"%s",
                 "delivery":{"recipient":"Li Lei","phone":"13800000000","address":"Test Road 1, Hangzhou"},
                 "lines":[{"sku":"A","quantity":1,"unitPrice":3000}]}"""
                .formatted(number, world.shop().code(), world.buyer().username(), paidAt);
    }
}
