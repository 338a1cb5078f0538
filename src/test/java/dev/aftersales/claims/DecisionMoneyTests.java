package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.aftersales.shared.Money;

/** The money of an agent's ruling, first and on appeal (docs/arbitration.md#decisions). */
class DecisionMoneyTests {

    private static final long REQUESTED = 10_000;
    private static final Money LINES = Money.fen(12_000);
    private static final Money PLENTY = Money.fen(50_000);
    private static final PlatformDecision NONE = PlatformDecision.NONE;

    private static PlatformDecision first(Ruling ruling, Long amount) {
        return new PlatformDecision(ruling, amount, "why", "R-1", Instant.EPOCH, 7L, "Agent", false);
    }

    @Test
    void aFirstFullRefundMovesWhatTheBuyerAskedFor() {
        DecisionMoney money = DecisionMoney.of(Ruling.FULL_REFUND, null, REQUESTED, LINES, NONE, false,
                PLENTY);
        assertThat(money).isEqualTo(new DecisionMoney(10_000, 10_000, 10_000L));
    }

    @Test
    void aFirstPartialRefundMovesTheAgentsAmountAndNeverMoreThanTheUnitsCost() {
        assertThat(DecisionMoney.of(Ruling.PARTIAL_REFUND, Money.fen(4_000), REQUESTED, LINES, NONE, false,
                PLENTY)).isEqualTo(new DecisionMoney(4_000, 4_000, 4_000L));
        assertThatThrownBy(() -> DecisionMoney.of(Ruling.PARTIAL_REFUND, Money.fen(12_001), REQUESTED, LINES,
                NONE, false, PLENTY)).isInstanceOfSatisfying(TransitionRejected.class,
                        r -> assertThat(r.messageKey()).isEqualTo("claim.rejected.partialAmount"));
        assertThatThrownBy(() -> DecisionMoney.of(Ruling.PARTIAL_REFUND, null, REQUESTED, LINES, NONE,
                false, PLENTY)).isInstanceOf(TransitionRejected.class);
    }

    @Test
    void rulingsWithoutMoneyMoveNothingAndShowNothing() {
        for (Ruling ruling : new Ruling[] { Ruling.REJECT, Ruling.RESHIP, Ruling.REFUND_AFTER_RETURN }) {
            assertThat(DecisionMoney.of(ruling, Money.fen(1), REQUESTED, LINES, NONE, false, PLENTY))
                    .isEqualTo(new DecisionMoney(0, 0, null));
        }
    }

    @Test
    void anAppealMovesOnlyTheDifferenceToTheFirstRuling() {
        PlatformDecision partial = first(Ruling.PARTIAL_REFUND, 4_000L);
        assertThat(DecisionMoney.of(Ruling.FULL_REFUND, null, REQUESTED, LINES, partial, true, PLENTY))
                .isEqualTo(new DecisionMoney(10_000, 6_000, 6_000L));
        // the appeal lowers the refund: part of it is taken back
        assertThat(DecisionMoney.of(Ruling.PARTIAL_REFUND, Money.fen(1_000), REQUESTED, LINES, partial, true, PLENTY))
                .isEqualTo(new DecisionMoney(1_000, -3_000, -3_000L));
        // the appeal rejects: all of it is taken back
        assertThat(DecisionMoney.of(Ruling.REJECT, null, REQUESTED, LINES, partial, true, PLENTY))
                .isEqualTo(new DecisionMoney(0, -4_000, -4_000L));
        // upheld: nothing moves, the ruled refund is shown
        assertThat(DecisionMoney.of(Ruling.PARTIAL_REFUND, Money.fen(4_000), REQUESTED, LINES, partial, true, PLENTY))
                .isEqualTo(new DecisionMoney(4_000, 0, 4_000L));
        // a first ruling without money: an appeal to a refund moves all of it
        assertThat(DecisionMoney.of(Ruling.FULL_REFUND, null, REQUESTED, LINES, first(Ruling.REJECT, null), true,
                PLENTY)).isEqualTo(new DecisionMoney(10_000, 10_000, 10_000L));
    }

    @Test
    void noRulingMovesMoreThanTheOrderCanStillRefund() {
        assertThatThrownBy(() -> DecisionMoney.of(Ruling.FULL_REFUND, null, REQUESTED, LINES, NONE, false,
                Money.fen(9_999))).isInstanceOfSatisfying(TransitionRejected.class,
                        r -> assertThat(r.messageKey()).isEqualTo("claim.rejected.refundCap"));
        // taking back is never capped by what is refundable
        assertThat(DecisionMoney.of(Ruling.REJECT, null, REQUESTED, LINES, first(Ruling.FULL_REFUND, 10_000L), true,
                Money.zero(Money.CNY)).movedMinor()).isEqualTo(-10_000);
    }

    @Test
    void theOutcomeFollowsTheRulingAndItsAmount() {
        assertThat(DecisionMoney.outcome(NONE, REQUESTED)).isEqualTo(Outcome.REJECTED);
        assertThat(DecisionMoney.outcome(first(Ruling.REJECT, null), REQUESTED)).isEqualTo(Outcome.REJECTED);
        assertThat(DecisionMoney.outcome(first(Ruling.FULL_REFUND, 10_000L), REQUESTED)).isEqualTo(Outcome.REFUNDED);
        assertThat(DecisionMoney.outcome(first(Ruling.PARTIAL_REFUND, 9_999L), REQUESTED))
                .isEqualTo(Outcome.PARTIALLY_REFUNDED);
    }
}
