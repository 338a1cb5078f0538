package dev.aftersales.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.aftersales.arbitration.ArbitrationManagement;
import dev.aftersales.arbitration.ArbitrationRefused;
import dev.aftersales.arbitration.DecisionCommand;
import dev.aftersales.arbitration.DecisionOutcome;
import dev.aftersales.claims.ClaimChanged;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimNotAllowed;
import dev.aftersales.claims.ClaimReason;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.DuplicateClaim;
import dev.aftersales.claims.FileClaim;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.ordering.StorefrontOrder;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.Role;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.LedgerInvariants;
import dev.aftersales.support.LedgerInvariants.Ledger;
import dev.aftersales.support.MutableClock;
import dev.aftersales.support.Race;
import dev.aftersales.support.Race.Outcome;

/**
 * The seller, the buyer and agents moving one claim (or one order's claims) at the same moment: exactly one move
 * wins, the others are told the claim changed or the move no longer applies, and the money the winner asked for is
 * recorded once.
 */
@AftersalesIntegrationTest
class ClaimMoveRaceIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    LedgerInvariants ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    World world;
    OrderDetails order;
    long lineA;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        // 2 × A at ¥35.00 (¥70.00) and 1 × B at ¥50.00, delivered
        order = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 3500, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null)), clock.instant().minusSeconds(3600));
        fixtures.deliver(order, 2_300);
        lineA = Fixtures.lineId(order, "A");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long file(ClaimType type, ClaimReason reason, long line, int units, Money amount) {
        return claims.file(new FileClaim(order.id(), type, reason, Remedy.REFUND, "race", Map.of(line, units), amount,
                UUID.randomUUID().toString(), List.of()), world.buyerUser());
    }

    @Test
    void theSellerAcceptingAndProposingAtOnceMakesOneMove() {
        long id = file(ClaimType.REFUND_ONLY, ClaimReason.DAMAGED, lineA, 2, null);
        List<Outcome<String>> outcomes = Race.run(16, i -> i % 2 == 0
                ? () -> {
                    claims.accept(id, world.sellerUser(), null);
                    return "accepted";
                }
                : () -> {
                    claims.propose(id, world.sellerUser(), null, Remedy.REFUND, Money.fen(3000), "half of it");
                    return "proposed";
                });

        assertThat(Race.unexpected(outcomes, ClaimChanged.class, TransitionRejected.class)).isEmpty();
        assertThat(outcomes.stream().filter(Outcome::succeeded)).as("one move").hasSize(1);
        String winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
        if (winner.equals("proposed")) {
            assertThat(statusOf(id)).isEqualTo(ClaimStatus.PROPOSAL_PENDING);
            // the buyer takes the proposal from two tabs at once while also withdrawing
            List<Outcome<String>> answers = Race.run(12, i -> i % 3 == 0
                    ? () -> {
                        claims.withdraw(id, world.buyerUser(), null, "never mind");
                        return "withdrawn";
                    }
                    : () -> {
                        claims.acceptProposal(id, world.buyerUser(), null);
                        return "taken";
                    });
            assertThat(Race.unexpected(answers, ClaimChanged.class, TransitionRejected.class)).isEmpty();
            assertThat(answers.stream().filter(Outcome::succeeded)).hasSize(1);
        }
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.ofClaim(id).stream().filter(m -> m.kind().equals("REFUND"))).hasSizeLessThanOrEqualTo(1);
        assertThat(money.line(lineA).refundedMinor()).isIn(0L, 3000L, 7000L);
    }

    @Test
    void agentsDecidingAndTheBuyerWithdrawingAtOnceRecordOneDecisionAndPayItOnce() {
        long id = file(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING, lineA, 2, null);
        claims.reject(id, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "it was not");
        List<CurrentUser> agents = List.of(agent(), agent(), agent());
        List<Outcome<Object>> outcomes = Race.run(15, i -> {
            if (i % 5 == 4) {
                return () -> {
                    claims.withdraw(id, world.buyerUser(), null, "found them");
                    return "withdrawn";
                };
            }
            CurrentUser agent = agents.get(i % agents.size());
            long amount = 2000 + 500L * (i % 4);
            return () -> arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND,
                    Money.fen(amount), "short by the weight", "R-3.2"));
        });

        assertThat(Race.unexpected(outcomes, ClaimChanged.class, TransitionRejected.class,
                ArbitrationRefused.class)).isEmpty();
        assertThat(outcomes.stream().filter(Outcome::succeeded)).as("one move").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from arbitration_decisions where claim_id = ?",
                Integer.class, id)).isLessThanOrEqualTo(1);
        Ledger money = ledger.assertHold(order.id());
        assertThat(money.ofClaim(id)).hasSizeLessThanOrEqualTo(1);
    }

    /**
     * Small refund-only and missing-item claims on the same two units are refunded at once (fast-track) while the
     * seller refunds another line's claim of the order: one fast-track refund for the units, the seller's refund
     * once, each line within what it cost.
     */
    @Test
    void fastTrackFilingsOnOneUnitRacingTheSellersRefundOfAnotherLinePayEachOnce() {
        OrderDetails small = fixtures.paidOrder(world, List.of(new StorefrontOrder.Line("A", null, 2, 900, null),
                new StorefrontOrder.Line("B", null, 1, 5000, null)), clock.instant().minusSeconds(3600));
        // the parcel weighs what B alone weighs: it corroborates both A missing
        fixtures.deliver(small, 1_250);
        long smallA = Fixtures.lineId(small, "A");
        long onB = claims.file(ClaimFilings.refundOnly(small, "B", 1, ClaimReason.DAMAGED, "cracked", null),
                world.buyerUser());

        List<Outcome<Object>> outcomes = Race.run(16, i -> switch (i % 4) {
            case 0 -> () -> {
                claims.accept(onB, world.sellerUser(), null);
                return "accepted";
            };
            case 1 -> () -> claims.file(new FileClaim(small.id(), ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING,
                    Remedy.REFUND, "both missing", Map.of(smallA, 2), null, UUID.randomUUID().toString(), List.of()),
                    world.buyerUser());
            default -> () -> claims.file(new FileClaim(small.id(), ClaimType.REFUND_ONLY, ClaimReason.DAMAGED,
                    Remedy.REFUND, "both broken", Map.of(smallA, 2), Money.fen(1500), UUID.randomUUID().toString(),
                    List.of()), world.buyerUser());
        });

        assertThat(Race.unexpected(outcomes, ClaimChanged.class, TransitionRejected.class, ClaimNotAllowed.class,
                DuplicateClaim.class)).isEmpty();
        assertThat(outcomes.stream().filter(o -> o.succeeded() && "accepted".equals(o.value()))).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.succeeded() && o.value() instanceof Long).map(Outcome::value)
                .distinct()).as("one claim on A's units").hasSize(1);
        Ledger money = ledger.assertHold(small.id());
        ledger.assertUnitsClaimedAtMostOnce(small.id());
        assertThat(money.ofClaim(onB)).singleElement().satisfies(m -> assertThat(m.amountMinor()).isEqualTo(5000));
        assertThat(money.count("REFUND", "FAST_TRACK")).as("one fast-track refund").isEqualTo(1);
        assertThat(money.line(smallA).refundedMinor()).isLessThanOrEqualTo(1800);
    }

    CurrentUser agent() {
        return Fixtures.user(fixtures.account(Role.AGENT, null));
    }

    ClaimStatus statusOf(long claimId) {
        return ClaimStatus.valueOf(jdbc.queryForObject("select status from claims where id = ?", String.class,
                claimId));
    }
}
