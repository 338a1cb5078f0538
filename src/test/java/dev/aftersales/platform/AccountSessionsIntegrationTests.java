package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.HttpClientUser;
import dev.aftersales.support.MutableClock;

/**
 * Disabling an account or changing its password ends every open session of that account at once (sessions live in
 * PostgreSQL, so on every node): its next page asks to sign in and its next form is refused. Over real HTTP.
 */
@AftersalesIntegrationTest
class AccountSessionsIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountManagement accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${local.server.port}")
    int port;

    World world;
    OrderDetails order;
    HttpClientUser buyer;
    HttpClientUser buyerOnAPhone;
    HttpClientUser otherBuyer;

    @BeforeEach
    void setUp() {
        clock.reset();
        world = fixtures.world();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        buyer = signedIn(world.buyer());
        buyerOnAPhone = signedIn(world.buyer());
        otherBuyer = signedIn(fixtures.account(Role.BUYER, null));
    }

    HttpClientUser signedIn(UserAccount account) {
        HttpClientUser user = new HttpClientUser(port);
        assertThat(HttpClientUser.location(user.signIn(account.username(), Fixtures.PASSWORD)))
                .isEqualTo(account.role().home());
        return user;
    }

    @Test
    void disablingAnAccountEndsEachOfItsSessionsAtOnce() {
        String formPath = "/buyer/orders/" + order.id() + "/claims/new?type=MISSING_ITEM";
        String form = buyer.get(formPath).body();

        HttpClientUser admin = signedIn(fixtures.account(Role.ADMIN, null));
        String users = admin.get("/admin/users").body();
        HttpResponse<String> disabled = admin.post("/admin/users/" + world.buyer().id() + "/disable", Map.of(),
                HttpClientUser.csrfToken(users));
        assertThat(HttpClientUser.location(disabled)).isEqualTo("/admin/users");
        assertThat(admin.get("/admin/users").body()).contains("Account " + world.buyer().username() + " disabled.");

        assertSignedOut(buyer);
        assertSignedOut(buyerOnAPhone);
        HttpResponse<String> filed = buyer.postMultipart(formPath, Map.of("reason", "ITEMS_MISSING", "remedy",
                "RESHIP", "description", "after being disabled", "units[" + Fixtures.lineId(order, "A") + "]", "1",
                "submissionKey", HttpClientUser.inputValue(form, "submissionKey")), HttpClientUser.csrfToken(form));
        assertThat(filed.statusCode()).as("the form of the ended session is refused").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from claims where order_id = ?", Long.class, order.id()))
                .as("nothing filed").isZero();
        assertThat(HttpClientUser.location(buyer.signIn(world.buyer().username(), Fixtures.PASSWORD)))
                .as("a disabled account cannot sign in again").isEqualTo("/login?error");

        assertThat(otherBuyer.get("/buyer/orders").statusCode()).as("other accounts keep their sessions")
                .isEqualTo(200);
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsEachSessionOpenedWithTheOldOne() {
        accounts.setPassword(world.buyer().id(), "a-new-secret-9");

        assertSignedOut(buyer);
        assertSignedOut(buyerOnAPhone);
        assertThat(HttpClientUser.location(buyer.signIn(world.buyer().username(), Fixtures.PASSWORD)))
                .isEqualTo("/login?error");
        assertThat(HttpClientUser.location(buyer.signIn(world.buyer().username(), "a-new-secret-9")))
                .as("back to the page that asked to sign in").startsWith("/buyer/orders");
        assertThat(buyer.get("/buyer/orders").statusCode()).isEqualTo(200);
        assertThat(otherBuyer.get("/buyer/orders").statusCode()).isEqualTo(200);
    }

    void assertSignedOut(HttpClientUser user) {
        HttpResponse<String> page = user.get("/buyer/orders");
        assertThat(page.statusCode()).as("the next page asks to sign in").isEqualTo(302);
        assertThat(HttpClientUser.location(page)).isEqualTo("/login");
    }
}
