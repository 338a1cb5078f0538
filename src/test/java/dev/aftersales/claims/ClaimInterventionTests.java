package dev.aftersales.claims;

import static dev.aftersales.claims.ClaimTests.BUYER;
import static dev.aftersales.claims.ClaimTests.CLOCK;
import static dev.aftersales.claims.ClaimTests.LATER;
import static dev.aftersales.claims.ClaimTests.OTHER_BUYER;
import static dev.aftersales.claims.ClaimTests.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;

/** Platform intervention on the claim: evidence requests, rulings, appeals, timeouts, the review mark. */
class ClaimInterventionTests {

    static final Actor AGENT = new Actor(ActorRole.AGENT, 50L, "Agent Zhou");
    static final Actor AGENT2 = new Actor(ActorRole.AGENT, 51L, "Agent Qian");
    static final Money PLENTY = Money.fen(1_000_000);

    static Claim escalated() {
        Claim c = ClaimTests.missingRefund();
        c.reject(SELLER, "the parcel was complete", CLOCK, LATER);
        c.escalate(BUYER, "the seller is wrong", CLOCK, LATER.plusSeconds(60));
        c.drainEffects();
        return c;
    }

    static Instant at(int hours) {
        return LATER.plus(Duration.ofHours(hours));
    }

    private static String lastAction(Claim c) {
        List<TimelineEntry> t = c.timeline();
        return t.get(t.size() - 1).action().name();
    }

    @Test
    void escalationWaitsForAnAgentWithTheAgentsDueTime() {
        Claim c = escalated();
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(c.partyToAct()).isEqualTo(Party.AGENT);
        assertThat(c.dueAt()).isEqualTo(LATER.plusSeconds(60).plus(Duration.ofHours(48)));
        assertThat(c.pendingEvents()).last().extracting("action").isEqualTo("ESCALATED");
    }

    @Test
    void anEvidenceRequestToBothWaitsForEachPartyThenReturnsToTheAgent() {
        Claim c = escalated();
        c.requestEvidence(AGENT, Party.BOTH, "photos of the parcel label", at(72), at(1));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
        assertThat(c.partyToAct()).isEqualTo(Party.BOTH);
        assertThat(c.dueAt()).isEqualTo(at(72));
        assertThat(c.owesEvidence(BUYER)).isTrue();
        assertThat(c.owesEvidence(SELLER)).isTrue();
        assertThat(c.owesEvidence(OTHER_BUYER)).isFalse();

        c.answerEvidence(BUYER, "label attached", CLOCK, at(2));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
        assertThat(c.partyToAct()).isEqualTo(Party.SELLER);
        assertThat(c.owesEvidence(BUYER)).isFalse();
        assertThatThrownBy(() -> c.answerEvidence(BUYER, "again", CLOCK, at(3)))
                .isInstanceOf(TransitionRejected.class);

        c.answerEvidence(SELLER, "packing video", CLOCK, at(4));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(c.partyToAct()).isEqualTo(Party.AGENT);
        assertThat(c.dueAt()).isEqualTo(at(4).plus(Duration.ofHours(48)));
        assertThat(lastAction(c)).isEqualTo("EVIDENCE_ANSWERED");
    }

    @Test
    void evidenceRequestsNeedAnAgentAQuestionAPartyAndAFutureDueTime() {
        Claim c = escalated();
        assertThatThrownBy(() -> c.requestEvidence(SELLER, Party.BUYER, "x", at(72), at(1)))
                .isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> c.requestEvidence(AGENT, Party.BUYER, " ", at(72), at(1)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.evidenceRequest");
        assertThatThrownBy(() -> c.requestEvidence(AGENT, Party.AGENT, "x", at(72), at(1)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.evidenceParty");
        assertThatThrownBy(() -> c.requestEvidence(AGENT, Party.BUYER, "x", at(1), at(1)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.evidenceDue");
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
    }

    @Test
    void anUnansweredEvidenceRequestReturnsTheCaseToTheAgentAtItsDueTime() {
        Claim c = escalated();
        c.requestEvidence(AGENT, Party.SELLER, "the packing video", at(72), at(1));
        c.onDeadline(CLOCK, at(71));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_EVIDENCE);
        c.onDeadline(CLOCK, at(72));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(lastAction(c)).isEqualTo("EVIDENCE_TIMED_OUT");
        assertThat(c.timeline().get(c.timeline().size() - 1).rule()).isEqualTo("evidence-answer");
    }

    @Test
    void aMissedAgentDueTimeIsRecordedOnceAndTheCaseStaysWithThePlatform() {
        Claim c = escalated();
        Instant due = c.dueAt();
        c.onDeadline(CLOCK, due);
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(lastAction(c)).isEqualTo("AGENT_SLA_BREACHED");
        assertThat(c.agentOverdue(due)).isTrue();
        assertThat(c.deadlineAt()).isNull();
        assertThat(c.dueAt()).isEqualTo(due);
        int entries = c.timeline().size();
        c.onDeadline(CLOCK, due.plusSeconds(3600));
        assertThat(c.timeline()).hasSize(entries);
    }

    @Test
    void aPartialRefundRulingRefundsThroughTheLedgerAndOpensTheAppealWindow() {
        Claim c = escalated();
        long moved = c.decide(AGENT, Ruling.PARTIAL_REFUND, Money.fen(2000), "one box short by the weight",
                "R-3.1", CostBearer.SELLER, PLENTY, CLOCK, at(5));
        assertThat(moved).isEqualTo(2000);
        assertThat(c.status()).isEqualTo(ClaimStatus.DECIDED);
        assertThat(c.partyToAct()).isEqualTo(Party.SYSTEM);
        assertThat(c.appeal().until()).isEqualTo(at(5).plus(Duration.ofDays(7)));
        assertThat(c.dueAt()).isEqualTo(c.appeal().until());
        assertThat(c.decisionAmount()).isEqualTo(Money.fen(2000));
        assertThat(c.decision().clause()).isEqualTo("R-3.1");
        List<ClaimEffect> effects = c.drainEffects();
        assertThat(effects).singleElement().isInstanceOfSatisfying(ClaimEffect.Refund.class, r -> {
            assertThat(r.amount()).isEqualTo(Money.fen(2000));
            assertThat(r.costBearer()).isEqualTo(CostBearer.SELLER);
        });
        assertThat(c.canAppeal(BUYER, at(6))).isTrue();
        assertThat(c.canAppeal(SELLER, at(6))).isTrue();
        assertThat(c.canAppeal(OTHER_BUYER, at(6))).isFalse();
        assertThat(c.canAppeal(BUYER, c.appeal().until())).isFalse();
    }

    @Test
    void rulingsNeedRationaleClauseAndAnAmountWithinTheClaimedUnits() {
        Claim c = escalated();
        assertThatThrownBy(() -> c.decide(AGENT, Ruling.REJECT, null, " ", "R-8.1", CostBearer.SELLER, PLENTY,
                CLOCK, at(5))).hasFieldOrPropertyWithValue("messageKey", "claim.rejected.rationale");
        assertThatThrownBy(() -> c.decide(AGENT, Ruling.REJECT, null, "no proof", null, CostBearer.SELLER, PLENTY,
                CLOCK, at(5))).hasFieldOrPropertyWithValue("messageKey", "claim.rejected.clause");
        assertThatThrownBy(() -> c.decide(AGENT, Ruling.PARTIAL_REFUND, Money.fen(6001), "too much", "R-3.1",
                CostBearer.SELLER, PLENTY, CLOCK, at(5)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.partialAmount");
        assertThatThrownBy(() -> c.decide(AGENT, Ruling.FULL_REFUND, null, "all of it", "R-3.1",
                CostBearer.SELLER, Money.fen(100), CLOCK, at(5)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.refundCap");
        assertThatThrownBy(() -> c.decide(SELLER, Ruling.REJECT, null, "mine", "R-8.1", CostBearer.SELLER, PLENTY,
                CLOCK, at(5))).isInstanceOf(TransitionRejected.class);
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(c.drainEffects()).isEmpty();
    }

    @Test
    void refundAfterReturnOpensTheReturnLegAndReshipAsksTheSellerToShip() {
        Claim r = escalated();
        r.decide(AGENT, Ruling.REFUND_AFTER_RETURN, null, "return it first", "R-5.3", CostBearer.SELLER, PLENTY,
                CLOCK, at(5));
        assertThat(r.status()).isEqualTo(ClaimStatus.AWAITING_RETURN_SHIPMENT);
        assertThat(r.remedy()).isEqualTo(Remedy.RETURN_AND_REFUND);
        assertThat(r.partyToAct()).isEqualTo(Party.BUYER);
        assertThat(r.drainEffects()).isEmpty();

        Claim s = escalated();
        s.decide(AGENT, Ruling.RESHIP, null, "send the box", "R-3.1", CostBearer.SELLER, PLENTY, CLOCK, at(5));
        assertThat(s.status()).isEqualTo(ClaimStatus.AWAITING_RESHIPMENT);
        assertThat(s.partyToAct()).isEqualTo(Party.SELLER);
    }

    @Test
    void aReshipOrReturnRulingMayBeAppealedUntilThePartyStartsTheRemedy() {
        Claim s = escalated();
        s.decide(AGENT, Ruling.RESHIP, null, "send the box", "R-3.1", CostBearer.SELLER, PLENTY, CLOCK, at(5));
        assertThat(s.canAppeal(BUYER, at(6))).isTrue();
        assertThat(s.canAppeal(SELLER, at(6))).isTrue();
        assertThat(s.canAppeal(BUYER, at(5).plus(CLOCK.appealWindow()))).as("after the window").isFalse();
        s.appeal(BUYER, "I asked for my money back, not another parcel", CLOCK, at(6));
        assertThat(s.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        s.decide(AGENT2, Ruling.FULL_REFUND, null, "the buyer asked for a refund", "R-3.2", CostBearer.SELLER,
                PLENTY, CLOCK, at(8));
        assertThat(s.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(s.drainEffects()).singleElement().extracting("amount").isEqualTo(s.requestedAmount());

        Claim shipped = escalated();
        shipped.decide(AGENT, Ruling.RESHIP, null, "send the box", "R-3.1", CostBearer.SELLER, PLENTY, CLOCK, at(5));
        shipped.reshipped(SELLER, 77L, "SF1234567890123", CLOCK, at(6));
        assertThat(shipped.canAppeal(BUYER, at(7))).as("the reshipment is on its way").isFalse();

        Claim back = escalated();
        back.decide(AGENT, Ruling.REFUND_AFTER_RETURN, null, "return it first", "R-5.3", CostBearer.SELLER, PLENTY,
                CLOCK, at(5));
        assertThat(back.canAppeal(SELLER, at(6))).isTrue();
        back.appeal(SELLER, "the buyer keeps the goods and pays nothing", CLOCK, at(6));
        assertThat(back.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(back.appeal().by()).isEqualTo(Party.SELLER);
    }

    @Test
    void anAppealGoesToAnotherAgentWhoseRulingIsFinalAndMovesOnlyTheDifference() {
        Claim c = escalated();
        c.decide(AGENT, Ruling.PARTIAL_REFUND, Money.fen(2000), "one box", "R-3.1", CostBearer.SELLER, PLENTY,
                CLOCK, at(5));
        c.drainEffects();
        c.appeal(BUYER, "both boxes were missing", CLOCK, at(6));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(c.onAppeal()).isTrue();
        assertThat(c.appeal().by()).isEqualTo(Party.BUYER);
        assertThat(c.canAppeal(BUYER, at(7))).isFalse();
        assertThatThrownBy(() -> c.decide(AGENT, Ruling.FULL_REFUND, null, "again me", "R-3.1", CostBearer.SELLER,
                PLENTY, CLOCK, at(7))).hasFieldOrPropertyWithValue("messageKey", "claim.rejected.sameAgent");

        long moved = c.decide(AGENT2, Ruling.FULL_REFUND, null, "the weight shows two boxes", "R-3.2",
                CostBearer.SELLER, PLENTY, CLOCK, at(8));
        assertThat(moved).isEqualTo(4000);
        assertThat(c.drainEffects()).singleElement().extracting("amount").isEqualTo(Money.fen(4000));
        assertThat(c.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(c.decision().finalRuling()).isTrue();
        assertThat(c.outcome()).isEqualTo(Outcome.REFUNDED);
        assertThat(c.canAppeal(SELLER, at(9))).isFalse();
        assertThat(lastAction(c)).isEqualTo("APPEAL_DECIDED_FULL_REFUND");
    }

    @Test
    void anUpheldAppealClosesTheClaimWithoutMovingMoney() {
        Claim c = escalated();
        c.decide(AGENT, Ruling.PARTIAL_REFUND, Money.fen(2000), "one box", "R-3.1", CostBearer.SELLER, PLENTY,
                CLOCK, at(5));
        c.drainEffects();
        c.appeal(SELLER, "nothing was missing", CLOCK, at(6));
        long moved = c.decide(AGENT2, Ruling.PARTIAL_REFUND, Money.fen(2000), "upheld", "R-3.1", CostBearer.SELLER,
                PLENTY, CLOCK, at(8));
        assertThat(moved).isZero();
        assertThat(c.drainEffects()).isEmpty();
        assertThat(c.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(c.outcome()).isEqualTo(Outcome.PARTIALLY_REFUNDED);
    }

    @Test
    void anAppealThatLowersARefundTakesTheDifferenceBackThroughANewEntry() {
        Claim c = escalated();
        c.decide(AGENT, Ruling.FULL_REFUND, null, "all", "R-3.1", CostBearer.SELLER, PLENTY, CLOCK, at(5));
        c.drainEffects();
        c.appeal(SELLER, "nothing was missing", CLOCK, at(6));
        long moved = c.decide(AGENT2, Ruling.PARTIAL_REFUND, Money.fen(1500), "one box only", "R-3.2",
                CostBearer.SELLER, PLENTY, CLOCK, at(8));
        assertThat(moved).isEqualTo(-4500);
        assertThat(c.drainEffects()).singleElement().isInstanceOfSatisfying(ClaimEffect.Reversal.class,
                r -> assertThat(r.amount()).isEqualTo(Money.fen(4500)));
        assertThat(c.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(c.outcome()).isEqualTo(Outcome.PARTIALLY_REFUNDED);
    }

    @Test
    void theAppealWindowClosesTheClaimWithTheRulingsOutcome() {
        Claim c = escalated();
        c.decide(AGENT, Ruling.REJECT, null, "no proof of a short shipment", "R-8.1", CostBearer.SELLER, PLENTY,
                CLOCK, at(5));
        c.onDeadline(CLOCK, c.appeal().until().minusSeconds(1));
        assertThat(c.status()).isEqualTo(ClaimStatus.DECIDED);
        c.onDeadline(CLOCK, c.appeal().until());
        assertThat(c.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(c.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(lastAction(c)).isEqualTo("CLOSED_AFTER_APPEAL_WINDOW");
        assertThatThrownBy(() -> c.appeal(BUYER, "late", CLOCK, c.appeal().until().plusSeconds(1)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.appeal");
    }

    @Test
    void appealsNeedAStatementAndTheClaimsOwnParties() {
        Claim c = escalated();
        c.decide(AGENT, Ruling.REJECT, null, "no proof", "R-8.1", CostBearer.SELLER, PLENTY, CLOCK, at(5));
        assertThatThrownBy(() -> c.appeal(BUYER, " ", CLOCK, at(6)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.appealStatement");
        assertThatThrownBy(() -> c.appeal(OTHER_BUYER, "me too", CLOCK, at(6)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.appeal");
        assertThatThrownBy(() -> c.appeal(AGENT2, "agent", CLOCK, at(6)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.appeal");
        assertThat(c.status()).isEqualTo(ClaimStatus.DECIDED);
    }

    @Test
    void agentMovesAreRefusedOutsideThePlatformsStatuses() {
        Claim c = ClaimTests.missingRefund();
        assertThatThrownBy(() -> c.requestEvidence(AGENT, Party.BUYER, "x", at(72), at(1)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.state");
        assertThatThrownBy(() -> c.decide(AGENT, Ruling.REJECT, null, "x", "R-8.1", CostBearer.SELLER, PLENTY,
                CLOCK, at(1))).hasFieldOrPropertyWithValue("messageKey", "claim.rejected.state");
        assertThatThrownBy(() -> c.answerEvidence(BUYER, "x", CLOCK, at(1)))
                .hasFieldOrPropertyWithValue("messageKey", "claim.rejected.state");
    }

    @Test
    void markingForReviewKeepsTheStatusAndWritesTheReasonOnTheTimeline() {
        Claim c = escalated();
        c.markForReview("return-abuse verdict: review", at(1));
        assertThat(c.reviewReason()).isEqualTo("return-abuse verdict: review");
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_AGENT);
        assertThat(lastAction(c)).isEqualTo("MARKED_FOR_REVIEW");
        assertThatThrownBy(() -> c.markForReview(" ", at(1))).isInstanceOf(TransitionRejected.class);
    }
}
