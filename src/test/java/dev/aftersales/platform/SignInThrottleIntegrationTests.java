package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.identity.AccountManagement;
import dev.aftersales.identity.UserAccount;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;
import dev.aftersales.support.MutableClock;

/**
 * Sign-in throttling through the real login form over HTTP: a short lock per name, a limit per client address (each
 * client comes through the trusted local proxy with its own address), the same answers for names that do not exist,
 * and nothing kept for long about them.
 */
@AftersalesIntegrationTest
class SignInThrottleIntegrationTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

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

    UserAccount buyer;

    @BeforeEach
    void setUp() {
        clock.reset();
        buyer = fixtures.account(Role.BUYER, null);
    }

    /** A browser at an address no other test uses. */
    HttpUser client() {
        int n = ADDRESSES.incrementAndGet() + (int) (System.nanoTime() % 1000) * 64;
        return HttpUser.browser(port).from("100.64." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    static String answer(HttpUser client, String username, String password) {
        return client.attemptSignIn(username, password).location();
    }

    @Test
    void anAddressTryingManyNamesIsStoppedWhileTheOwnerSignsInElsewhere() {
        HttpUser attacker = client();
        for (int i = 1; i <= 19; i++) {
            assertThat(answer(attacker, Fixtures.unique("guess"), "wrong-" + i)).as("attempt %d", i)
                    .isEqualTo("/login?error");
        }
        assertThat(answer(attacker, Fixtures.unique("guess"), "wrong-20")).isEqualTo("/login?locked");
        assertThat(answer(attacker, buyer.username(), Fixtures.PASSWORD))
                .as("no password is checked from a stopped address").isEqualTo("/login?locked");
        assertThat(attacker.get("/login?locked").body()).contains("Too many failed attempts");

        assertThat(answer(client(), buyer.username(), Fixtures.PASSWORD)).as("the owner, elsewhere")
                .isEqualTo("/buyer/orders");

        clock.advance(Duration.ofMinutes(15));
        assertThat(answer(attacker, buyer.username(), Fixtures.PASSWORD)).as("after the address's window")
                .isEqualTo("/buyer/orders");
    }

    @Test
    void someoneLockingAnotherPersonsNameCostsTheOwnerAMinute() {
        HttpUser attacker = client();
        for (int i = 1; i <= 4; i++) {
            assertThat(answer(attacker, buyer.username(), "wrong-" + i)).isEqualTo("/login?error");
        }
        assertThat(answer(attacker, buyer.username(), "wrong-5")).isEqualTo("/login?locked");
        HttpUser owner = client();
        assertThat(answer(owner, buyer.username(), Fixtures.PASSWORD)).as("the name is locked everywhere")
                .isEqualTo("/login?locked");

        clock.advance(Duration.ofSeconds(61));
        assertThat(answer(owner, buyer.username(), Fixtures.PASSWORD)).as("a minute later")
                .isEqualTo("/buyer/orders");
        // to lock it again the attacker must fail five more times, and its address runs out after twenty
        for (int i = 6; i <= 9; i++) {
            assertThat(answer(attacker, buyer.username(), "wrong-" + i)).isEqualTo("/login?error");
        }
        assertThat(answer(attacker, buyer.username(), "wrong-10")).isEqualTo("/login?locked");
    }

    @Test
    void theAnswersDoNotTellWhetherAnAccountExists() {
        UserAccount disabled = fixtures.account(Role.BUYER, null);
        accounts.disable(disabled.id(), -1);
        UserAccount withoutPassword = accounts.ensureBuyer(Fixtures.unique("storefront-"), "Storefront Buyer", null);
        List<String> expected = List.of("/login?error", "/login?error", "/login?error", "/login?error",
                "/login?locked", "/login?locked");
        for (String name : List.of(buyer.username(), Fixtures.unique("nobody"), disabled.username(),
                withoutPassword.username())) {
            HttpUser client = client();
            List<String> answers = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                answers.add(answer(client, name, "wrong-" + i));
            }
            assertThat(answers).as(name).isEqualTo(expected);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(answer(client(), disabled.username(), Fixtures.PASSWORD))
                .as("a disabled account's right password reads as a wrong one").isEqualTo("/login?error");
    }

    @Test
    void failuresForNamesThatDoNotExistLeaveNoRowsBehind() {
        List<String> names = new ArrayList<>();
        HttpUser guesser = client();
        for (int i = 0; i < 12; i++) {
            String name = Fixtures.unique("ghost");
            names.add(name);
            assertThat(answer(guesser, name, "wrong")).isEqualTo("/login?error");
        }
        assertThat(rowsOf(names)).as("counted while their window runs").isEqualTo(12);

        clock.advance(Duration.ofMinutes(16));
        assertThat(answer(client(), Fixtures.unique("ghost"), "wrong")).isEqualTo("/login?error");
        assertThat(rowsOf(names)).as("forgotten once their window is over").isZero();
    }

    long rowsOf(List<String> names) {
        return jdbc.queryForObject("select count(*) from login_throttles where username = any (?)", Long.class,
                (Object) names.toArray(String[]::new));
    }
}
