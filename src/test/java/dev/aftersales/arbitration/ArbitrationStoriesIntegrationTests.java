package dev.aftersales.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

import dev.aftersales.arbitration.internal.Decision;
import dev.aftersales.claims.ClaimDeadlineSweep;
import dev.aftersales.claims.ClaimInterventions;
import dev.aftersales.claims.ClaimManagement;
import dev.aftersales.claims.ClaimStatus;
import dev.aftersales.claims.ClaimView;
import dev.aftersales.claims.ClaimViews;
import dev.aftersales.claims.EvidenceUpload;
import dev.aftersales.claims.Outcome;
import dev.aftersales.claims.Party;
import dev.aftersales.claims.Remedy;
import dev.aftersales.claims.TransitionRejected;
import dev.aftersales.ordering.OrderDetails;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.payments.MovementKind;
import dev.aftersales.payments.MovementView;
import dev.aftersales.payments.PaymentManagement;
import dev.aftersales.shared.CurrentUser;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;
import dev.aftersales.shared.Role;
import dev.aftersales.shared.web.Keyset;
import dev.aftersales.support.AftersalesIntegrationTest;
import dev.aftersales.support.ClaimFilings;
import dev.aftersales.support.Fixtures;
import dev.aftersales.support.Fixtures.World;
import dev.aftersales.support.MutableClock;

/** Escalated claims arbitrated on PostgreSQL: the whole story, the clocks, and two agents racing. */
@AftersalesIntegrationTest
class ArbitrationStoriesIntegrationTests {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimManagement claims;
    @Autowired
    ClaimViews views;
    @Autowired
    ClaimInterventions interventions;
    @Autowired
    ArbitrationManagement arbitration;
    @Autowired
    ClaimDeadlineSweep sweep;
    @Autowired
    PaymentManagement payments;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    World world;
    OrderDetails order;
    CurrentUser agent;
    CurrentUser agent2;

    @BeforeEach
    void setUp() {
        world = fixtures.freshWorld();
        order = fixtures.paidOrder(world);
        agent = Fixtures.user(fixtures.account(Role.AGENT, null));
        agent2 = Fixtures.user(fixtures.account(Role.AGENT, null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A missing-item claim for 2 × A (¥60.00) the seller rejected and the buyer escalated. */
    long escalatedClaim() {
        fixtures.deliver(order, 1_500);
        long id = claims.file(ClaimFilings.missing(order, "A", 2, Remedy.REFUND, "both apple boxes were missing"), world.buyerUser());
        claims.reject(id, world.sellerUser(), null, "the parcel was complete", List.of());
        claims.escalate(id, world.buyerUser(), null, "the parcel was light, see the weight");
        return id;
    }

    ClaimView view(long id, CurrentUser viewer) {
        return views.detail(id, viewer);
    }

    @Test
    void escalateTakeRequestEvidenceAnswerDecidePartialRefundAppealAndSecondAgentUpholds() {
        long id = escalatedClaim();
        ClaimView escalated = view(id, agent);
        assertThat(escalated.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(escalated.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));

        arbitration.take(id, agent);
        assertThat(arbitration.holder(id)).contains(agent.displayName());
        arbitration.requestEvidence(id, agent, null, Party.BUYER, "a photo of the opened parcel",
                Duration.ofHours(72));
        ClaimView asked = view(id, world.buyerUser());
        assertThat(asked.status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
        assertThat(asked.intervention().evidenceRequest()).isEqualTo("a photo of the opened parcel");
        assertThat(asked.can("ANSWER_EVIDENCE")).isTrue();
        assertThat(view(id, world.sellerUser()).can("ANSWER_EVIDENCE")).isFalse();

        arbitration.answerEvidence(id, world.buyerUser(), null, "here it is, the boxes are not there",
                List.of(new EvidenceUpload("parcel.png", Fixtures.png())));
        ClaimView answered = view(id, agent);
        assertThat(answered.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(answered.evidence()).anySatisfy(e -> assertThat(e.fileName()).isEqualTo("parcel.png"));

        arbitration.decide(id, agent, null, new DecisionCommand(DecisionOutcome.PARTIAL_REFUND, Money.fen(3000),
                "one box short by the parcel weight", "R-3.2", null, PenaltyKind.WARNING, 0, null,
                "short shipment", null));
        ClaimView decided = view(id, world.buyerUser());
        assertThat(decided.status()).isEqualTo(ClaimStatus.DECIDED);
        assertThat(decided.intervention().decisionAmount()).isEqualTo(Money.fen(3000));
        assertThat(decided.intervention().rationale()).isEqualTo("one box short by the parcel weight");
        assertThat(decided.intervention().clause()).isEqualTo("R-3.2");
        assertThat(decided.intervention().appealUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(decided.can("APPEAL")).isTrue();
        List<MovementView> refunds = payments.movementsOfClaim(id);
        assertThat(refunds).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MovementKind.REFUND);
            assertThat(m.amount()).isEqualTo(Money.fen(3000));
            assertThat(m.costBearer()).isEqualTo(CostBearer.SELLER);
            assertThat(m.reason()).isEqualTo("AGENT_DECISION");
        });
        assertThat(arbitration.holder(id)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from arbitration_penalties where claim_id = ?", Long.class,
                id)).isEqualTo(1);

        arbitration.appeal(id, world.buyerUser(), null, "both boxes were missing", List.of());
        ClaimView appealed = view(id, agent);
        assertThat(appealed.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(appealed.intervention().appealedBy()).isEqualTo(Party.BUYER);
        assertThatThrownBy(() -> arbitration.take(id, agent)).isInstanceOf(ArbitrationRefused.class)
                .hasFieldOrPropertyWithValue("messageKey", "arbitration.refused.sameAgent");
        assertThatThrownBy(() -> arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.FULL_REFUND,
                null, "me again", "R-3.1"))).isInstanceOf(ArbitrationRefused.class);

        arbitration.take(id, agent2);
        arbitration.decide(id, agent2, null, DecisionCommand.of(null, null, "the weight shows one box only",
                "R-3.2"));
        ClaimView closed = view(id, world.buyerUser());
        assertThat(closed.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(Outcome.PARTIALLY_REFUNDED);
        assertThat(closed.intervention().decisionFinal()).isTrue();
        assertThat(closed.can("APPEAL")).isFalse();
        assertThat(payments.movementsOfClaim(id)).hasSize(1);
        List<Decision> decisions = arbitration.decisionsOf(id);
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).outcome()).isEqualTo(DecisionOutcome.PARTIAL_REFUND);
        assertThat(decisions.get(0).agentId()).isEqualTo(agent.accountId());
        assertThat(decisions.get(1).upheld()).isTrue();
        assertThat(decisions.get(1).agentId()).isEqualTo(agent2.accountId());
        assertThat(closed.timeline()).extracting(ClaimView.TimelineView::action).containsSubsequence("ESCALATED",
                "EVIDENCE_REQUESTED_BUYER", "EVIDENCE_ANSWERED", "DECIDED_PARTIAL_REFUND", "APPEALED",
                "APPEAL_DECIDED_PARTIAL_REFUND");
    }

    @Test
    void anAppealThatRaisesTheRefundPaysOnlyTheDifference() {
        long id = escalatedClaim();
        arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND, Money.fen(3000),
                "one box", "R-3.1"));
        arbitration.appeal(id, world.buyerUser(), null, "both were missing", List.of());
        arbitration.decide(id, agent2, null, DecisionCommand.of(DecisionOutcome.FULL_REFUND, null,
                "the weight shows both missing", "R-3.2"));
        assertThat(payments.movementsOfClaim(id)).extracting(MovementView::amount)
                .containsExactly(Money.fen(3000), Money.fen(3000));
        ClaimView closed = view(id, agent);
        assertThat(closed.outcome()).isEqualTo(Outcome.REFUNDED);
        // the timeline says what was decided in all and what this step paid, as the decision does
        ClaimView.TimelineView ruling = closed.timeline().stream()
                .filter(t -> t.action().equals("APPEAL_DECIDED_FULL_REFUND")).findFirst().orElseThrow();
        assertThat(ruling.shown()).isEqualTo(closed.intervention().decisionAmount()).isEqualTo(Money.fen(6000));
        assertThat(ruling.paid()).isEqualTo(Money.fen(3000));
        assertThat(ruling.takenBack()).isNull();
    }

    @Test
    void aSellersAppealThatRejectsTheClaimTakesTheRefundBackThroughTheLedger() {
        long id = escalatedClaim();
        arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.FULL_REFUND, null, "both missing",
                "R-3.1"));
        assertThat(payments.refunded(order.id())).isEqualTo(Money.fen(6000));
        arbitration.appeal(id, world.sellerUser(), null, "the packing video shows both boxes", List.of());
        arbitration.decide(id, agent2, null, DecisionCommand.of(DecisionOutcome.REJECT, null,
                "the packing video shows both boxes packed", "R-3.2"));
        assertThat(payments.movementsOfClaim(id)).extracting(MovementView::kind, MovementView::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MovementKind.REFUND, Money.fen(6000)),
                        org.assertj.core.groups.Tuple.tuple(MovementKind.REVERSAL, Money.fen(6000)));
        assertThat(payments.refunded(order.id())).isEqualTo(Money.zero(Money.CNY));
        assertThat(payments.refundable(order.id())).isEqualTo(order.paid());
        ClaimView closed = view(id, world.buyerUser());
        assertThat(closed.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(closed.refundedAmount()).isEqualTo(Money.zero(Money.CNY));
        assertThat(jdbc.queryForObject("select sum(amount_minor) from provider_transfers where order_number = ?",
                Long.class, order.orderNumber())).isZero();
        assertThat(arbitration.decisionsOf(id)).last().satisfies(d -> {
            assertThat(d.reversal()).isEqualTo(Money.fen(6000));
            assertThat(d.upheld()).isFalse();
        });
        ClaimView.TimelineView ruling = closed.timeline().stream()
                .filter(t -> t.action().equals("APPEAL_DECIDED_REJECT")).findFirst().orElseThrow();
        assertThat(ruling.shown()).isNull();
        assertThat(ruling.takenBack()).isEqualTo(Money.fen(6000));
    }

    @Test
    void anUnansweredEvidenceRequestReturnsToTheAgentAndAMissedDecisionIsShownBreached() {
        long id = escalatedClaim();
        arbitration.take(id, agent);
        arbitration.requestEvidence(id, agent, null, Party.BOTH, "the packing list", Duration.ofHours(72));
        clock.advance(Duration.ofHours(71));
        sweep.runDue();
        assertThat(view(id, agent).status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
        clock.advance(Duration.ofHours(2));
        sweep.runDue();
        ClaimView back = view(id, agent);
        assertThat(back.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(back.timeline()).extracting(ClaimView.TimelineView::action).contains("EVIDENCE_TIMED_OUT");
        assertThat(interventions.queue(new dev.aftersales.claims.QueueFilter(null, world.shop().id(), null, null,
                false, true), Keyset.Request.first(10)).rows()).isEmpty();

        clock.advance(Duration.ofHours(49));
        sweep.runDue();
        ClaimView breached = view(id, agent);
        assertThat(breached.overdue()).isTrue();
        assertThat(breached.timeline()).extracting(ClaimView.TimelineView::action).contains("AGENT_SLA_BREACHED");
        assertThat(interventions.queue(new dev.aftersales.claims.QueueFilter(null, world.shop().id(), null, null,
                false, true), Keyset.Request.first(10)).rows())
                .extracting(c -> c.id()).containsExactly(id);

        arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.REJECT, null, "no proof", "R-8.1"));
        assertThat(jdbc.queryForObject("select within_sla from arbitration_decisions where claim_id = ?",
                Boolean.class, id)).isFalse();
        clock.advance(Duration.ofDays(7));
        sweep.runDue();
        ClaimView closed = view(id, world.buyerUser());
        assertThat(closed.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(Outcome.REJECTED);
        assertThatThrownBy(() -> arbitration.appeal(id, world.buyerUser(), null, "too late", List.of()))
                .isInstanceOf(TransitionRejected.class);
    }

    @Test
    void twoAgentsTakingTheSameCaseAtOnceOneWinsTheOtherIsToldWho() throws Exception {
        long id = escalatedClaim();
        List<Object> results = race(() -> arbitration.take(id, agent), () -> arbitration.take(id, agent2));
        assertThat(results).filteredOn(r -> r == null).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ArbitrationRefused).singleElement()
                .satisfies(r -> assertThat(((ArbitrationRefused) r).messageKey())
                        .isEqualTo("arbitration.refused.taken"));
        assertThat(jdbc.queryForObject(
                "select count(*) from arbitration_assignments where claim_id = ? and released_at is null",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void twoAgentsDecidingTheSameCaseAtOnceMoveTheMoneyOnce() throws Exception {
        long id = escalatedClaim();
        List<Object> results = race(
                () -> arbitration.decide(id, agent, null, DecisionCommand.of(DecisionOutcome.FULL_REFUND, null,
                        "both missing", "R-3.1")),
                () -> arbitration.decide(id, agent2, null, DecisionCommand.of(DecisionOutcome.PARTIAL_REFUND,
                        Money.fen(1000), "one missing", "R-3.1")));
        assertThat(results).filteredOn(r -> r == null).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof RuntimeException).hasSize(1);
        assertThat(payments.movementsOfClaim(id)).hasSize(1);
        assertThat(arbitration.decisionsOf(id)).hasSize(1);
    }

    @Test
    void aReleasedCaseCanBeTakenByAnotherAgentAndOnlyTheHolderMayAskForEvidence() {
        long id = escalatedClaim();
        arbitration.take(id, agent);
        assertThatThrownBy(() -> arbitration.requestEvidence(id, agent2, null, Party.SELLER, "video",
                Duration.ofHours(24))).isInstanceOf(ArbitrationRefused.class);
        assertThatThrownBy(() -> arbitration.release(id, agent2)).isInstanceOf(ArbitrationRefused.class);
        arbitration.release(id, agent);
        arbitration.take(id, agent2);
        assertThat(arbitration.holder(id)).contains(agent2.displayName());
    }

    @Test
    void partiesCannotActAsAgentsAndAgentsCannotActAsParties() {
        long id = escalatedClaim();
        assertThatThrownBy(() -> arbitration.take(id, world.buyerUser())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> arbitration.decide(id, world.sellerUser(), null, DecisionCommand.of(
                DecisionOutcome.REJECT, null, "mine", "R-8.1"))).isInstanceOf(NotFound.class);
        arbitration.take(id, agent);
        arbitration.requestEvidence(id, agent, null, Party.BUYER, "photo", Duration.ofHours(24));
        assertThatThrownBy(() -> arbitration.answerEvidence(id, agent, null, "as the buyer", List.of()))
                .isInstanceOf(NotFound.class);
        CurrentUser strangerBuyer = Fixtures.user(fixtures.account(Role.BUYER, null));
        assertThatThrownBy(() -> arbitration.answerEvidence(id, strangerBuyer, null, "me", List.of()))
                .isInstanceOf(NotFound.class);
        assertThat(view(id, agent).status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
    }

    @Test
    void aReviewMarkShowsInTheQueuesRiskFilter() {
        long id = escalatedClaim();
        interventions.markForReview(id, "return-abuse verdict: review");
        var page = interventions.queue(new dev.aftersales.claims.QueueFilter(null, world.shop().id(), null, null,
                true, false), Keyset.Request.first(10));
        assertThat(page.rows()).extracting(c -> c.reviewReason())
                .containsExactly("return-abuse verdict: review");
        assertThat(interventions.queueCounts().needsReview()).isPositive();
    }

    /** Runs both at the same moment (a latch), returns null for success or the exception, in order. */
    private static List<Object> race(Runnable first, Runnable second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Runnable r : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        r.run();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
