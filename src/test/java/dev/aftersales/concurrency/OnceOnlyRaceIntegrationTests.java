package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.risk.internal.HolidayExtensions;
import dev.aftersales.risk.internal.Ratings;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/** What may happen once happens once, however many ask at the same moment: a rating, an appeal, an extension. */
@AftersalesIntegrationTest
class OnceOnlyRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    Ratings ratings;
    @Autowired
    HolidayExtensions extensions;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        fixtures.deliver(order, 1_500);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long fileMissingA() {
        return claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "both apple boxes missing"),
                world.buyerUser());
    }

    @Test
    void aClaimIsRatedOnceFromManyTabs() {
        long id = fileMissingA();
        claims.accept(id, world.sellerUser(), null);
        assertThat(statusOf(id)).isEqualTo(ClaimStatus.RESOLVED);

        List<Outcome<String>> outcomes = Race.run(12, i -> () -> {
            ratings.rate(id, world.buyerUser(), 1 + i % 5, "rating " + i);
            return "rated";
        });
        assertThat(Race.unexpected(outcomes, Ratings.RatingRejected.class)).isEmpty();
        assertThat(outcomes.stream().filter(Outcome::succeeded)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from claim_ratings where claim_id = ?", Integer.class, id))
                .isEqualTo(1);
        ledger.assertHold(order.id());
    }

    @Test
    void theBuyerAndTheSellerAppealingAtOnceOpenOneAppeal() {
        long id = fileMissingA();
        claims.reject(id, world.sellerUser(), null, "complete parcel", List.of());
        claims.escalate(id, world.buyerUser(), null, "it was light");
        arbitration.decide(id, Fixtures.user(fixtures.account(Role.AGENT, null)), null,
                DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND, Money.fen(3000), "one box short", "R-3.2"));

        List<Outcome<String>> outcomes = Race.run(12, i -> i % 2 == 0
                ? () -> {
                    arbitration.appeal(id, world.buyerUser(), null, "both were missing", List.of());
                    return "buyer";
                }
                : () -> {
                    arbitration.appeal(id, world.sellerUser(), null, "nothing was missing", List.of());
                    return "seller";
                });
        assertThat(Race.unexpected(outcomes, ClaimChanged.class, TransitionRejected.class)).isEmpty();
        assertThat(outcomes.stream().filter(Outcome::succeeded)).as("one appeal").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from claim_timeline where claim_id = ? and action = "
                + "'APPEALED'", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select (case when buyer_appealed then 1 else 0 end) + (case when "
                + "seller_appealed then 1 else 0 end) from claims where id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo(ClaimStatus.AWAITING_AGENT);
        var money = ledger.assertHold(order.id());
        assertThat(money.ofClaim(id)).singleElement().satisfies(m -> assertThat(m.amountMinor()).isEqualTo(3000));
    }

    @Test
    void aHolidayExtensionSubmittedManyTimesAtOnceWhileTheSellerAnswersIsAppliedOnce() {
        long answered = fileMissingA();
        OrderDetails second = fixtures.paidOrder(world);
        fixtures.deliver(second, 1_500);
        long waiting = claims.file(ClaimFilings.missing(second, "B", 1, Remedy.RESHIP, "one board missing"), world.buyerUser());
        Instant due = jdbc.queryForObject("select due_at from claims where id = ?", java.sql.Timestamp.class, waiting)
                .toInstant();
        // exactly the claims due at this instant: nothing another test left in the database
        HolidayExtensions.Request request = new HolidayExtensions.Request(UUID.randomUUID().toString(),
                HolidayExtensions.Target.CLAIMS, ClaimStatus.AWAITING_SELLER, Party.SELLER, 24, due,
                due.plusMillis(1), "National Day");

        List<Outcome<Object>> outcomes = Race.run(12, i -> i % 4 == 3
                ? () -> {
                    claims.accept(answered, world.sellerUser(), null);
                    return "accepted";
                }
                : () -> extensions.apply(request, "admin" + i));
        assertThat(Race.unexpected(outcomes, ClaimChanged.class, TransitionRejected.class)).isEmpty();
        List<HolidayExtensions.Result> results = outcomes.stream()
                .filter(o -> o.value() instanceof HolidayExtensions.Result)
                .map(o -> (HolidayExtensions.Result) o.value()).toList();
        assertThat(results).hasSize(9);
        assertThat(results).filteredOn(r -> !r.alreadyApplied()).hasSize(1);
        assertThat(jdbc.queryForObject("select due_at from claims where id = ?", java.sql.Timestamp.class, waiting)
                .toInstant()).isEqualTo(due.plus(Duration.ofHours(24)));
        assertThat(jdbc.queryForObject("select count(*) from claim_timeline where claim_id = ? and action = "
                + "'DUE_EXTENDED'", Integer.class, waiting)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from claim_due_extensions where extension_id = ?",
                Integer.class, request.id())).isBetween(1, 2);
        // the answered claim was accepted once (by a seller who may have had to reload), and paid once
        if (statusOf(answered) != ClaimStatus.AWAITING_SELLER) {
            assertThat(ledger.assertHold(order.id()).ofClaim(answered)).hasSize(1);
        } else {
            claims.accept(answered, world.sellerUser(), null);
            assertThat(ledger.assertHold(order.id()).ofClaim(answered)).hasSize(1);
        }
    }

    ClaimStatus statusOf(long claimId) {
        return ClaimStatus.valueOf(jdbc.queryForObject("select status from claims where id = ?", String.class,
                claimId));
    }
}
