package dev.aftersales.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.SweepSettings;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.EarlierWorkParked;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.WebhookReceiver;
import dev.aftersales.support.WebhookReceiver.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Deliveries to a real HTTP receiver in the test JVM, from real claim moves on PostgreSQL: signed, retried with
 * backoff by the clock, given up after a day, in order per claim, never slowing a claim move, never sent twice by
 * two racing senders.
 */
@AftersalesIntegrationTest
class WebhookDeliveryIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    WebhookManagement webhooks;
    @Autowired
    WebhookSender sender;
    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WebhookSettings settings;
    @Autowired
    SweepSettings sweeps;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;

    WebhookReceiver receiver;
    World world;

    @BeforeEach
    void setUp() throws Exception {
        clock.reset();
        EarlierWorkParked.park(jdbcTemplate);
        receiver = new WebhookReceiver();
        world = fixtures.world();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private WebhookManagement.IssuedSecret register(CurrentUser owner, String... types) {
        return webhooks.register(owner, receiver.url(), List.of(types));
    }

    private long fileMissing(World w) {
        OrderDetails order = fixtures.paidOrder(w);
        fixtures.deliver(order, 2_000);
        return claims.file(ClaimFilings.oneAppleBoxMissing(order), w.buyerUser());
    }

    private Row row(UUID deliveryId) {
        return jdbc.sql("select * from webhook_deliveries where delivery_id = :id").param("id", deliveryId)
                .query((rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status_code"), rs.getString("last_response"),
                        ts(rs.getTimestamp("created_at")), ts(rs.getTimestamp("next_attempt_at")),
                        ts(rs.getTimestamp("last_attempt_at")), rs.getString("event_type")))
                .single();
    }

    private List<UUID> deliveriesOf(long endpointId) {
        return jdbc.sql("select delivery_id from webhook_deliveries where endpoint_id = :e order by id")
                .param("e", endpointId).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    private static Instant ts(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Test
    void deliversAShopsClaimEventSignedWithTheEndpointsSecretAndNothingOfOtherShops() {
        var issued = register(world.sellerUser(), "claim.filed");
        World other = fixtures.world();
        long claimId = fileMissing(world);
        fileMissing(other);

        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.event()).isEqualTo("claim.filed");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.timestamp()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
            assertThat(r.signature()).isEqualTo(WebhookSignature.sign(issued.secret(), Long.parseLong(r.timestamp()),
                    r.body()));
            assertThat(WebhookSignature.verify(issued.secret(), r.timestamp(), r.body(), r.signature(),
                    clock.instant().getEpochSecond(), 300)).isTrue();
            assertThat(WebhookSignature.verify("whsec_guessed", r.timestamp(), r.body(), r.signature(),
                    clock.instant().getEpochSecond(), 300)).isFalse();
            JsonNode body = json.readTree(r.body());
            assertThat(body.get("id").asString()).isEqualTo(r.delivery());
            assertThat(body.get("type").asString()).isEqualTo("claim.filed");
            assertThat(body.get("shopId").asLong()).isEqualTo(world.shop().id());
            JsonNode data = body.get("data");
            assertThat(data.get("claimId").asLong()).isEqualTo(claimId);
            assertThat(data.get("claimNumber").asString()).isEqualTo(views.detail(claimId, world.sellerUser())
                    .claimNumber());
            assertThat(data.get("orderNumber").asString()).startsWith("T");
            assertThat(data.get("status").asString()).isEqualTo("AWAITING_SELLER");
            assertThat(data.get("ballInCourt").asString()).isEqualTo("SELLER");
            assertThat(data.get("amountFen").asLong()).isEqualTo(3000);
            assertThat(Instant.parse(data.get("dueAt").asString())).isAfter(clock.instant());
        });
        UUID delivered = UUID.fromString(receiver.received().get(0).delivery());
        assertThat(row(delivered).status()).isEqualTo("DELIVERED");
        assertThat(row(delivered).lastStatusCode()).isEqualTo(200);
        assertThat(sender.sendDue()).as("nothing is sent twice").isZero();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aDeliveryAnswered500IsRetriedAfterTheBackoffUnderTheSameIdAndThenDelivered() {
        var endpoint = register(world.sellerUser(), "claim.filed");
        receiver.answer(r -> r.index() == 1 ? new Answer(500, "database down, try later") : new Answer(204, ""));
        fileMissing(world);

        assertThat(sender.sendDue()).isZero();
        UUID id = deliveriesOf(endpoint.endpointId()).get(0);
        Row failed = row(id);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastStatusCode()).isEqualTo(500);
        assertThat(failed.lastResponse()).isEqualTo("database down, try later");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(sender.sendDue()).as("not before the backoff").isZero();
        assertThat(receiver.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::delivery)
                .containsExactly(id.toString(), id.toString());
        Row delivered = row(id);
        assertThat(delivered.status()).isEqualTo("DELIVERED");
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastStatusCode()).isEqualTo(204);
        assertThat(delivered.nextAttemptAt()).isNull();
    }

    @Test
    void aDeliveryFailingForADayIsMarkedFailedWithTheLastAnswer() {
        var endpoint = register(world.sellerUser(), "claim.filed");
        String longAnswer = "maintenance " + "x".repeat(5_000);
        receiver.answer(r -> new Answer(503, longAnswer));
        fileMissing(world);
        UUID id = deliveriesOf(endpoint.endpointId()).get(0);
        Instant created = row(id).createdAt();

        List<Instant> attempts = new ArrayList<>();
        for (int i = 0; i < 100 && row(id).status().equals("PENDING"); i++) {
            clock.set(row(id).nextAttemptAt());
            attempts.add(clock.instant());
            sender.sendDue();
        }

        Row failed = row(id);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.lastStatusCode()).isEqualTo(503);
        assertThat(failed.lastResponse()).hasSize(1000).startsWith("maintenance xxx");
        assertThat(failed.attempts()).isEqualTo(attempts.size()).isEqualTo(receiver.received().size());
        // 1, 2, 4 ... 32 minutes, then hourly, and the last attempt at 24 h
        assertThat(attempts.get(1)).isEqualTo(attempts.get(0).plus(Duration.ofMinutes(1)));
        assertThat(attempts.get(6)).isEqualTo(attempts.get(5).plus(Duration.ofMinutes(32)));
        assertThat(attempts.get(7)).isEqualTo(attempts.get(6).plus(Duration.ofHours(1)));
        assertThat(failed.lastAttemptAt()).isEqualTo(created.plus(Duration.ofHours(24)));
        assertThat(attempts).hasSize(30);

        clock.advance(Duration.ofDays(1));
        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.received()).hasSize(30);
    }

    @Test
    void oneClaimsEventsReachTheReceiverInOrderWhileAnotherClaimIsNotHeldBack() {
        var endpoint = register(world.sellerUser(), "claim.filed", "claim.moved", "claim.escalated");
        long first = fileMissing(world);
        claims.reject(first, world.sellerUser(), null, "the parcel weighed what was ordered", List.of());
        claims.escalate(first, world.buyerUser(), null, "it was not in the parcel");
        receiver.answer(r -> r.index() == 1 ? new Answer(502, "bad gateway") : new Answer(200, "ok"));

        assertThat(sender.sendDue()).as("the first fails; the later two of its claim wait for it").isZero();
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::event).containsExactly("claim.filed");

        long second = fileMissing(world);
        assertThat(sender.sendDue()).as("another claim's event is not held back").isEqualTo(1);
        assertThat(receiver.received()).hasSize(2);
        assertThat(json.readTree(receiver.received().get(1).body()).get("data").get("claimId").asLong())
                .isEqualTo(second);

        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.sendDue()).isEqualTo(3);
        List<WebhookReceiver.Received> firstClaims = receiver.received().stream()
                .filter(r -> json.readTree(r.body()).get("data").get("claimId").asLong() == first).toList();
        assertThat(firstClaims).extracting(WebhookReceiver.Received::event)
                .containsExactly("claim.filed", "claim.filed", "claim.moved", "claim.escalated");
        assertThat(firstClaims).extracting(r -> json.readTree(r.body()).get("data").get("status").asString())
                .containsExactly("AWAITING_SELLER", "AWAITING_SELLER", "REJECTED_BY_SELLER", "AWAITING_AGENT");
        assertThat(deliveriesOf(endpoint.endpointId())).allSatisfy(d -> assertThat(row(d).status())
                .isEqualTo("DELIVERED"));
    }

    @Test
    void aReceiverThatHangsNeverHoldsUpAClaimMoveAndTheTimeoutEndsTheAttempt() throws Exception {
        var endpoint = register(world.sellerUser(), "claim.filed", "claim.moved");
        long claimId = fileMissing(world);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        receiver.answer(r -> {
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Answer(200, "late");
        });
        WebhookSettings quick = new WebhookSettings();
        quick.setReadTimeout(Duration.ofSeconds(1));
        WebhookSender impatient = new WebhookSender(jdbc, transactions, quick, sweeps, clock);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sending = thread.submit(impatient::sendDue);
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the receiver holds the request").isTrue();

            claims.reject(claimId, world.sellerUser(), null, "the parcel weighed what was ordered", List.of());

            assertThat(release.getCount()).as("the receiver still holds the request").isEqualTo(1);
            assertThat(views.detail(claimId, world.buyerUser()).status()).isEqualTo(ClaimStatus.REJECTED_BY_SELLER);
            List<UUID> deliveries = deliveriesOf(endpoint.endpointId());
            assertThat(deliveries).hasSize(2);
            assertThat(row(deliveries.get(1)).eventType()).isEqualTo("claim.moved");

            assertThat(sending.get(60, TimeUnit.SECONDS)).as("the timeout ended the attempt").isZero();
            assertThat(release.getCount()).isEqualTo(1);
            Row timedOut = row(deliveries.get(0));
            assertThat(timedOut.status()).isEqualTo("PENDING");
            assertThat(timedOut.attempts()).isEqualTo(1);
            assertThat(timedOut.lastStatusCode()).isNull();
            assertThat(timedOut.lastResponse()).contains("HttpTimeoutException");
            assertThat(row(deliveries.get(1)).attempts()).as("held back behind the claim's first event").isZero();
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void twoSendersRacingNeverSendOneAttemptTwice() {
        var endpoint = register(world.sellerUser(), "claim.moved");
        int events = 12;
        for (int i = 0; i < events; i++) {
            outbox.enqueue(new WebhookEvent("race:" + UUID.randomUUID(), WebhookEventType.CLAIM_MOVED,
                    world.shop().id(), "claim:race-" + i, clock.instant(), Map.of("n", i)));
        }
        // the first request is held until a second one arrives: that one can only come from the other sender, which
        // skipped the locked delivery instead of waiting for it
        CountDownLatch second = new CountDownLatch(1);
        receiver.answer(r -> {
            if (r.index() == 1) {
                try {
                    if (!second.await(60, TimeUnit.SECONDS)) {
                        return new Answer(500, "no second sender came");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                second.countDown();
            }
            return new Answer(200, "ok");
        });

        var outcomes = Race.runSame(2, sender::sendDue);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.stream().mapToInt(o -> o.value()).sum()).isEqualTo(events);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).as("both senders sent").isPositive());
        List<String> received = receiver.received().stream().map(WebhookReceiver.Received::delivery).toList();
        assertThat(received).hasSize(events).doesNotHaveDuplicates();
        assertThat(Set.copyOf(received)).isEqualTo(Set.copyOf(deliveriesOf(endpoint.endpointId()).stream()
                .map(UUID::toString).toList()));
        assertThat(deliveriesOf(endpoint.endpointId())).allSatisfy(d -> {
            assertThat(row(d).status()).isEqualTo("DELIVERED");
            assertThat(row(d).attempts()).isEqualTo(1);
        });
    }

    @Test
    void aListenerRunningTwiceWritesOneDelivery() {
        var endpoint = register(world.sellerUser(), "claim.moved");
        WebhookEvent event = new WebhookEvent("again:" + UUID.randomUUID(), WebhookEventType.CLAIM_MOVED,
                world.shop().id(), "claim:again", clock.instant(), Map.of("n", 1));
        assertThat(outbox.enqueue(event)).isEqualTo(1);
        assertThat(outbox.enqueue(event)).isZero();
        assertThat(deliveriesOf(endpoint.endpointId())).hasSize(1);
    }

    @Test
    void aDisabledEndpointGetsNoNewDeliveriesAndItsPendingOnesWait() {
        var endpoint = register(world.sellerUser(), "claim.filed");
        fileMissing(world);
        webhooks.activate(world.sellerUser(), endpoint.endpointId(), false);
        fileMissing(world);
        assertThat(deliveriesOf(endpoint.endpointId())).hasSize(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(receiver.received()).isEmpty();

        webhooks.activate(world.sellerUser(), endpoint.endpointId(), true);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void thePlatformsEndpointReceivesEveryShopsEventsAndARotatedSecretSignsTheNextAttempt() {
        CurrentUser admin = Fixtures.user(fixtures.account(Role.ADMIN, null));
        var platform = register(admin, "claim.filed");
        try {
            World other = fixtures.world();
            fileMissing(world);
            fileMissing(other);
            var rotated = webhooks.rotate(admin, platform.endpointId());
            assertThat(rotated.secret()).isNotEqualTo(platform.secret());

            assertThat(sender.sendDue()).isEqualTo(2);
            assertThat(receiver.received()).extracting(r -> json.readTree(r.body()).get("shopId").asLong())
                    .containsExactlyInAnyOrder(world.shop().id(), other.shop().id());
            assertThat(receiver.received()).allSatisfy(r -> {
                assertThat(r.signature()).isEqualTo(WebhookSignature.sign(rotated.secret(),
                        Long.parseLong(r.timestamp()), r.body()));
                assertThat(r.signature()).isNotEqualTo(WebhookSignature.sign(platform.secret(),
                        Long.parseLong(r.timestamp()), r.body()));
            });
        } finally {
            webhooks.activate(admin, platform.endpointId(), false);
        }
    }

    @Test
    void aRedeliveryIsANewDeliveryNamingTheOriginal() {
        var endpoint = register(world.sellerUser(), "claim.filed");
        fileMissing(world);
        sender.sendDue();
        long original = jdbc.sql("select id from webhook_deliveries where endpoint_id = :e").param("e",
                endpoint.endpointId()).query(Long.class).single();

        webhooks.redeliver(world.sellerUser(), original);
        assertThat(sender.sendDue()).isEqualTo(1);

        assertThat(receiver.received()).hasSize(2);
        JsonNode first = json.readTree(receiver.received().get(0).body());
        JsonNode again = json.readTree(receiver.received().get(1).body());
        assertThat(again.get("id").asString()).isNotEqualTo(first.get("id").asString())
                .isEqualTo(receiver.received().get(1).delivery());
        assertThat(again.get("redeliveryOf").asString()).isEqualTo(first.get("id").asString());
        assertThat(again.get("data")).isEqualTo(first.get("data"));
        assertThat(again.get("occurredAt")).isEqualTo(first.get("occurredAt"));
    }

    record Row(String status, int attempts, Integer lastStatusCode, String lastResponse, Instant createdAt,
            Instant nextAttemptAt, Instant lastAttemptAt, String eventType) {
    }
}
