package dev.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.HttpUser;
import dev.aftersales.support.HttpUser.Page;

/**
 * Sessions in PostgreSQL over real HTTP: several requests of one session at once never fail on the session's rows,
 * and a session row is written only when the session changed (its last access at most about once a minute).
 */
@AftersalesIntegrationTest
class SessionStoreIntegrationTests {

    static final int CLICKS = 16;

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${local.server.port}")
    int port;

    World world;
    HttpUser buyer;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        buyer = HttpUser.browser(port);
        assertThat(buyer.attemptSignIn(world.buyer().username(), Fixtures.PASSWORD).location())
                .isEqualTo("/buyer/orders");
    }

    @Test
    void theSameClaimFormPostedManyTimesAtOnceInOneSessionFilesOneClaimAndSaysSo() throws Exception {
        OrderDetails order = fixtures.paidOrder(world);
        fixtures.deliver(order, 2_000);
        String formPath = "/buyer/orders/" + order.id() + "/claims/new?type=MISSING_ITEM";
        String form = buyer.get(formPath).body();
        String submissionKey = HttpUser.inputValue(form, "submissionKey");
        String csrf = HttpUser.csrfToken(form);
        Map<String, String> fields = Map.of("reason", "ITEMS_MISSING", "remedy", "RESHIP",
                "description", "one apple box was missing", "units[" + Fixtures.lineId(order, "A") + "]", "1",
                "submissionKey", submissionKey);

        CountDownLatch ready = new CountDownLatch(CLICKS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CLICKS);
        List<Future<Page>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLICKS; i++) {
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return buyer.postMultipart(formPath, fields, csrf);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> locations = new ArrayList<>();
            for (Future<Page> answer : answers) {
                Page response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status())
                        .as("every click is answered with a redirect, never an error or the form again (request %s)",
                                response.header("X-Request-Id"))
                        .isEqualTo(302);
                locations.add(response.location());
            }
            Long claimId = jdbc.queryForObject("select id from claims where submission_key = ?", Long.class,
                    submissionKey);
            assertThat(jdbc.queryForObject("select count(*) from claims where order_id = ?", Long.class, order.id()))
                    .as("one claim filed").isEqualTo(1);
            assertThat(locations).as("every click leads to the claim").containsOnly("/buyer/claims/" + claimId);
            assertThat(jdbc.queryForObject("select count(*) from payment_movements where order_id = ?", Long.class,
                    order.id())).as("a reshipment claim moves no money, however often it was posted").isZero();

            // the browser shows the answer to the last click: the claim, with the success message
            Page landed = buyer.get(locations.get(locations.size() - 1));
            assertThat(landed.status()).isEqualTo(200);
            assertThat(landed.body()).contains("Your claim was filed.");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSecondPageViewWithinAMinuteWritesNoSessionRow() {
        buyer.get("/buyer/orders");
        Versions before = versions();
        Page second = buyer.get("/buyer/orders");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains(world.buyer().displayName());
        assertThat(versions()).as("neither the session row nor its attributes were written").isEqualTo(before);
    }

    @Test
    void theLastAccessIsRefreshedOnceAMinuteHasPassed() {
        buyer.get("/buyer/orders");
        age(Duration.ofSeconds(61));
        long aged = lastAccess();
        assertThat(buyer.get("/buyer/orders").status()).isEqualTo(200);
        long refreshed = lastAccess();
        assertThat(refreshed).as("the last access moved to now").isGreaterThanOrEqualTo(aged + 60_000);
        assertThat(jdbc.queryForObject("select expiry_time - last_access_time from spring_session "
                + "where principal_name = ?", Long.class, world.buyer().username()))
                .as("the session lasts 8 hours from the last access").isEqualTo(Duration.ofHours(8).toMillis());
    }

    @Test
    void aSessionIdleForEightHoursHasEnded() {
        buyer.get("/buyer/orders");
        age(Duration.ofHours(8).plusSeconds(1));
        Page page = buyer.get("/buyer/orders");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login");
    }

    @Test
    void aSessionIdleForAlmostEightHoursStillWorks() {
        buyer.get("/buyer/orders");
        age(Duration.ofHours(8).minusMinutes(2));
        Page page = buyer.get("/buyer/orders");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(world.buyer().displayName());
    }

    /** Moves the buyer's session into the past, as if it had been idle this long. */
    void age(Duration idle) {
        assertThat(jdbc.update("update spring_session set last_access_time = last_access_time - ?, "
                + "expiry_time = expiry_time - ? where principal_name = ?", idle.toMillis(), idle.toMillis(),
                world.buyer().username())).isEqualTo(1);
    }

    long lastAccess() {
        return jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?", Long.class,
                world.buyer().username());
    }

    /** The row versions (xmin) of the buyer's session row and of its attributes: any write changes them. */
    Versions versions() {
        String session = jdbc.queryForObject("select xmin::text from spring_session where principal_name = ?",
                String.class, world.buyer().username());
        List<String> attributes = jdbc.queryForList("""
                select a.attribute_name || '@' || a.xmin::text from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = ? order by a.attribute_name""", String.class, world.buyer().username());
        return new Versions(session, attributes);
    }

    record Versions(String session, List<String> attributes) {
    }
}
