package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.FormLogin;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** Who reaches which pages, how signing in behaves, and what the pages' responses protect. */
@AftersalesIntegrationTest
class SecurityIntegrationTests {

    static final Map<Role, String> HOMES = Map.of(Role.BUYER, "/buyer/orders", Role.SELLER, "/seller/orders",
            Role.AGENT, "/agent/queue", Role.ADMIN, "/admin/users");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MutableClock clock;
    @Value("${local.server.port}")
    int port;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
    }

    RequestPostProcessor signIn(UserAccount account) throws Exception {
        return FormLogin.signIn(mvc, account);
    }

    UserAccount account(Role role) {
        return fixtures.account(role, role == Role.SELLER ? world.shop().id() : null);
    }

    @Test
    void eachRoleLandsOnItsHomeAndReachesOnlyItsOwnUrlSpace() throws Exception {
        for (Role role : Role.values()) {
            RequestPostProcessor as = signIn(account(role));
            for (Role space : Role.values()) {
                var expected = role == space ? status().isOk() : status().isForbidden();
                mvc.perform(get(HOMES.get(space)).with(as)).andExpect(expected);
            }
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        for (String home : HOMES.values()) {
            mvc.perform(get(home)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void aBuyerCannotOpenAnotherBuyersOrder() throws Exception {
        OrderDetails mine = fixtures.paidOrder(world);
        World other = fixtures.world();
        OrderDetails theirs = fixtures.paidOrder(other);
        RequestPostProcessor buyer = signIn(world.buyer());
        mvc.perform(get("/buyer/orders/" + mine.id()).with(buyer)).andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.orderNumber())));
        mvc.perform(get("/buyer/orders/" + theirs.id()).with(buyer)).andExpect(status().isNotFound());
        mvc.perform(get("/buyer/orders").with(buyer))
                .andExpect(content().string(containsString(mine.orderNumber())))
                .andExpect(content().string(not(containsString(theirs.orderNumber()))));
    }

    @Test
    void aSellerNeverSeesAnotherShopsOrders() throws Exception {
        OrderDetails mine = fixtures.paidOrder(world);
        World other = fixtures.world();
        OrderDetails theirs = fixtures.paidOrder(other);
        RequestPostProcessor seller = signIn(world.seller());
        for (String filter : List.of("to-ship", "all")) {
            mvc.perform(get("/seller/orders").param("filter", filter).with(seller)).andExpect(status().isOk())
                    .andExpect(content().string(containsString(mine.orderNumber())))
                    .andExpect(content().string(not(containsString(theirs.orderNumber()))));
        }
        mvc.perform(get("/seller/orders/" + mine.id()).with(seller)).andExpect(status().isOk());
        mvc.perform(get("/seller/orders/" + theirs.id()).with(seller)).andExpect(status().isNotFound());
        mvc.perform(get("/seller/orders/" + theirs.id() + "/ship").with(seller)).andExpect(status().isNotFound());
        mvc.perform(post("/seller/orders/" + theirs.id() + "/ship").with(seller).with(csrf())
                .param("carrier", "SF").param("trackingNumber", Fixtures.trackingNumber()))
                .andExpect(status().isNotFound());
        assertThat(fixtures.reload(theirs).status().name()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void formsAreRefusedWithoutTheCsrfToken() throws Exception {
        OrderDetails order = fixtures.paidOrder(world);
        RequestPostProcessor seller = signIn(world.seller());
        String tracking = Fixtures.trackingNumber();
        mvc.perform(post("/seller/orders/" + order.id() + "/ship").with(seller)
                .param("carrier", "SF").param("trackingNumber", tracking))
                .andExpect(status().isForbidden());
        assertThat(fixtures.reload(order).status().name()).isEqualTo("AWAITING_SHIPMENT");
        mvc.perform(post("/seller/orders/" + order.id() + "/ship").with(seller).with(csrf())
                .param("carrier", "SF").param("trackingNumber", tracking))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/seller/orders/" + order.id()));
        assertThat(fixtures.reload(order).status().name()).isEqualTo("SHIPPED");
        mvc.perform(post("/login").param("username", world.buyer().username()).param("password", Fixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void whileTheDeskIsStartingTheSignInPageSaysSoInsteadOfWrongPassword() throws Exception {
        String name = Fixtures.unique("not-loaded-yet");
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/login"))
                    .andExpect(content().string(containsString("The desk is still starting")));
            mvc.perform(formLogin("/login").user(name).password("demo")).andExpect(redirectedUrl("/login?starting"));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/login")).andExpect(content().string(not(containsString("The desk is still starting"))));
        mvc.perform(formLogin("/login").user(name).password("demo")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void fiveFailedSignInsLockTheNameWithTheSameAnswerForUnknownNames() throws Exception {
        UserAccount buyer = account(Role.BUYER);
        String unknown = Fixtures.unique("nobody");
        for (String name : List.of(buyer.username(), unknown)) {
            for (int i = 1; i <= 4; i++) {
                mvc.perform(formLogin("/login").user(name).password("wrong-" + i))
                        .andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(formLogin("/login").user(name).password("wrong-5")).andExpect(redirectedUrl("/login?locked"));
            // even the right password is refused while locked
            mvc.perform(formLogin("/login").user(name).password(Fixtures.PASSWORD))
                    .andExpect(redirectedUrl("/login?locked"));
        }
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(content().string(containsString("Too many failed attempts")))
                .andExpect(content().string(not(containsString(buyer.username()))));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Wrong username or password.")));
        // the lock ends after its time
        clock.advance(java.time.Duration.ofMinutes(16));
        mvc.perform(formLogin("/login").user(buyer.username()).password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/buyer/orders"));
    }

    @Test
    void errorPagesShowARequestIdAndNoStackTrace() throws Exception {
        World other = fixtures.world();
        OrderDetails theirs = fixtures.paidOrder(other);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(login.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String csrfToken = token.group(1) != null ? token.group(1) : token.group(2);
        String form = "username=" + URLEncoder.encode(world.buyer().username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/buyer/orders");

        for (String path : List.of("/buyer/orders/" + theirs.id(), "/buyer/orders/not-a-number")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isIn(400, 404);
            String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(page.body()).as(path).contains("Request id: " + requestId)
                    .doesNotContain("Exception").doesNotContain("at dev.aftersales").doesNotContain("NotFound")
                    .doesNotContain(theirs.orderNumber());
        }
        HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(URI.create(base + "/buyer/orders/"
                + theirs.id())).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("There is nothing here, or it is not yours to see.");
    }
}
