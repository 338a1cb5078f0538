package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;

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
    JdbcTemplate jdbc;
    @Value("${local.server.port}")
    int port;

    World world;
    OrderDetails order;
    HttpUser buyer;
    HttpUser buyerOnAPhone;
    HttpUser otherBuyer;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        buyer = signedIn(world.buyer());
        buyerOnAPhone = signedIn(world.buyer());
        otherBuyer = signedIn(fixtures.account(Role.BUYER, null));
    }

    HttpUser signedIn(UserAccount account) {
        HttpUser user = HttpUser.browser(port);
        assertThat(user.attemptSignIn(account.username(), Fixtures.PASSWORD).location())
                .isEqualTo(account.role().home());
        return user;
    }

    @Test
    void disablingAnAccountEndsEachOfItsSessionsAtOnce() {
        String formPath = "/buyer/orders/" + order.id() + "/claims/new?type=MISSING_ITEM";
        String form = buyer.get(formPath).body();

        HttpUser admin = signedIn(fixtures.account(Role.ADMIN, null));
        String users = admin.get("/admin/users").body();
        Page disabled = admin.post("/admin/users/" + world.buyer().id() + "/disable",
                HttpUser.csrfToken(users), Map.of());
        assertThat(disabled.location()).isEqualTo("/admin/users");
        assertThat(admin.get("/admin/users").body()).contains("Account " + world.buyer().username() + " disabled.");

        assertSignedOut(buyer);
        assertSignedOut(buyerOnAPhone);
        Page filed = buyer.postMultipart(formPath, Map.of("reason", "ITEMS_MISSING", "remedy",
                "RESHIP", "description", "after being disabled", "units[" + Fixtures.lineId(order, "A") + "]", "1",
                "submissionKey", HttpUser.inputValue(form, "submissionKey")), HttpUser.csrfToken(form));
        assertThat(filed.status()).as("the form of the ended session is refused").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from claims where order_id = ?", Long.class, order.id()))
                .as("nothing filed").isZero();
        assertThat(buyer.attemptSignIn(world.buyer().username(), Fixtures.PASSWORD).location())
                .as("a disabled account cannot sign in again").isEqualTo("/login?error");

        assertThat(otherBuyer.get("/buyer/orders").status()).as("other accounts keep their sessions")
                .isEqualTo(200);
        assertThat(admin.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsEachSessionOpenedWithTheOldOne() {
        accounts.setPassword(world.buyer().id(), "a-new-secret-9");

        assertSignedOut(buyer);
        assertSignedOut(buyerOnAPhone);
        assertThat(buyer.attemptSignIn(world.buyer().username(), Fixtures.PASSWORD).location())
                .isEqualTo("/login?error");
        assertThat(buyer.attemptSignIn(world.buyer().username(), "a-new-secret-9").location())
                .as("back to the page that asked to sign in").startsWith("/buyer/orders");
        assertThat(buyer.get("/buyer/orders").status()).isEqualTo(200);
        assertThat(otherBuyer.get("/buyer/orders").status()).isEqualTo(200);
    }

    void assertSignedOut(HttpUser user) {
        Page page = user.get("/buyer/orders");
        assertThat(page.status()).as("the next page asks to sign in").isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login");
    }
}
