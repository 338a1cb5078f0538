package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.Money;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Poll;
import dev.aftersales.support.Race;
import dev.aftersales.support.StatementGate;

/**
 * A seller accepting two claims of one shop at the same moment: each accept's listeners rewrite the shop's risk
 * scorecard counters and quality counters, and neither waits for the other's (they used to queue behind a per-shop lock
 * held until the other listener's commit). Both refunds are paid once and counted once: the counters end exactly at
 * what the read models and the ledger say. Real threads on PostgreSQL, held by a latch inside a listener's transaction
 * and watched in {@code pg_stat_activity}.
 */
@AftersalesIntegrationTest
class ClaimAcceptCountersRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
    }

    /** A delivered order of 2 × A at ¥35.00 with a refund-only claim on one unit (¥35.00) waiting for the seller. */
    record Filed(OrderDetails order, long claimId) {
    }

    Filed filed() {
        OrderDetails order = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3500, null)),
                clock.instant().minusSeconds(3600));
        fixtures.deliver(order, 2_300);
        long id = claims.file(ClaimFilings.refundOnly(order, "A", 1, ClaimReason.QUALITY, "the lid was cracked",
                null), world.buyerUser());
        return new Filed(order, id);
    }

    /** Sessions of this database waiting for a lock another holds. */
    int waitingForALock() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'", Integer.class);
    }

    @Test
    void anAcceptsCountersDoNotWaitForAnotherAcceptOfTheShopStillCounting() throws Exception {
        Filed first = filed();
        Filed second = filed();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        // the first accept's risk listener is held inside its transaction, after it rewrote the claim's read model
        // and before it stores the buyer's score
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> {
            try {
                return StatementGate.pausing(sql -> sql.startsWith("insert into risk_buyer_scores"), held, release,
                        () -> {
                            claims.accept(first.claimId(), world.sellerUser(), null);
                            return null;
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(held.await(60, TimeUnit.SECONDS)).as("the first accept reached its risk listener").isTrue();

        CompletableFuture<Void> other = CompletableFuture.runAsync(
                () -> claims.accept(second.claimId(), world.sellerUser(), null));
        boolean waited;
        try {
            waited = Poll.until("the second accept finishes or waits for a lock", Duration.ofSeconds(60),
                    () -> other.isDone() ? Boolean.FALSE : waitingForALock() > 0 ? Boolean.TRUE : null,
                    answer -> answer != null);
        } finally {
            release.countDown();
        }
        holder.get(60, TimeUnit.SECONDS);
        other.get(60, TimeUnit.SECONDS);

        assertThat(waited).as("the second accept of the shop waited for the first one's listener").isFalse();
        assertCountedExactly(first, second);
    }

    @Test
    void fourAcceptsOfOneShopAtTheSameMomentAreEachPaidAndCountedOnce() {
        List<Filed> filed = List.of(filed(), filed(), filed(), filed());

        var outcomes = Race.run(filed.size(), i -> () -> {
            claims.accept(filed.get(i).claimId(), world.sellerUser(), null);
            return null;
        });

        assertThat(Race.unexpected(outcomes)).isEmpty();
        assertCountedExactly(filed.toArray(Filed[]::new));
    }

    /**
     * Each claim refunded once (¥35.00 for one unit), the money invariant holds for each order, and the shop's
     * counters are what the read models and the ledger say: the quality refunds of the shop's SKU and the scorecard's
     * daily counters summed from their sources.
     */
    void assertCountedExactly(Filed... filed) {
        for (Filed f : filed) {
            var book = ledger.assertHold(f.order().id());
            assertThat(book.ofClaim(f.claimId())).as("the claim's movements")
                    .filteredOn(m -> m.kind().equals("REFUND") && m.status().equals("SUCCEEDED")).hasSize(1)
                    .allSatisfy(m -> assertThat(m.amountMinor()).isEqualTo(3500));
        }
        long shop = world.shop().id();
        Map<String, Object> quality = jdbc.queryForMap("select coalesce(sum(claims), 0) as claims, "
                + "coalesce(sum(refunds), 0) as refunds, coalesce(sum(refunded_units), 0) as units, "
                + "coalesce(sum(refunded_minor), 0) as minor from quality_daily where shop_id = ? and sku = 'A'", shop);
        assertThat(((Number) quality.get("claims")).intValue()).as("claims counted").isEqualTo(filed.length);
        assertThat(((Number) quality.get("refunds")).intValue()).as("refunds counted").isEqualTo(filed.length);
        assertThat(((Number) quality.get("units")).intValue()).as("units refunded").isEqualTo(filed.length);
        assertThat(((Number) quality.get("minor")).longValue()).as("refunded")
                .isEqualTo(Money.fen(3500L * filed.length).minor());
        String columns = String.join(", ", dev.aftersales.risk.internal.Scorecards.Counts.COLUMNS.stream()
                .map(c -> "sum(" + c + ")::bigint").toList());
        String nonZero = " having " + String.join(" or ", dev.aftersales.risk.internal.Scorecards.Counts.COLUMNS
                .stream().map(c -> "sum(" + c + ") <> 0").toList());
        List<Map<String, Object>> counted = jdbc.queryForList("select (at at time zone 'UTC')::date as day, "
                + columns + " from risk_shop_contributions where shop_id = ? group by 1" + nonZero + " order by 1",
                shop);
        List<Map<String, Object>> kept = jdbc.queryForList("select day, " + columns
                + " from risk_shop_daily where shop_id = ? group by 1" + nonZero + " order by 1", shop);
        assertThat(kept).as("the scorecard's daily counters against their sources").isEqualTo(counted);
        for (Filed f : filed) {
            assertThat(jdbc.queryForObject("select status from risk_claims where claim_id = ?", String.class,
                    f.claimId())).as("the claim's copy in the risk read model")
                    .isEqualTo(jdbc.queryForObject("select status from claims where id = ?", String.class,
                            f.claimId()))
                    .isNotEqualTo("AWAITING_SELLER");
        }
    }
}
