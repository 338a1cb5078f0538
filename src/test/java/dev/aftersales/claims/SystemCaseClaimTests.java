package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import dev.aftersales.claims.internal.Actor;
import dev.aftersales.payments.CostBearer;
import dev.aftersales.shared.Money;

/** The moves of the system-opened cases on the aggregate: allowed where they should be, refused elsewhere. */
class SystemCaseClaimTests {

    static final Instant T0 = ClaimTests.T0;
    static final Instant LATER = T0.plus(Duration.ofHours(1));
    static final ClaimClock CLOCK = ClaimTests.CLOCK;
    static final Actor BUYER = ClaimTests.BUYER;
    static final Actor SELLER = ClaimTests.SELLER;

    static Claim open(ClaimType type, ClaimReason reason, Remedy remedy, ClaimStatus start, Actor opener) {
        ClaimDraft draft = new ClaimDraft("AS2", 11L, "SO1", 5L, 7L, type, reason, remedy, null, Money.fen(6000),
                List.of(new ClaimDraft.Line(21L, "A", "Apple box", 2, 500, Money.fen(6000))), null, null);
        Claim claim = Claim.open(draft, opener, start, T0.plus(Duration.ofHours(48)), "rule", T0);
        ReflectionTestUtils.setField(claim, "id", 98L);
        return claim;
    }

    static Claim noTracking() {
        Claim c = open(ClaimType.NO_TRACKING, ClaimReason.NO_VALID_TRACKING, Remedy.SUPPLY_TRACKING,
                ClaimStatus.AWAITING_TRACKING, Actor.SYSTEM);
        c.offer(Money.fen(300), null, null);
        return c;
    }

    static Claim delisted(boolean substitute) {
        Claim c = open(ClaimType.DELISTED, ClaimReason.UNAVAILABLE, Remedy.REFUND, ClaimStatus.AWAITING_BUYER_CHOICE,
                SELLER);
        c.offer(Money.fen(500), substitute ? "C" : null, substitute ? "Cable" : null);
        return c;
    }

    @Test
    void aNoTrackingCaseWaitsForTheSellerAndTrackingResolvesItWithTheLateCompensation() {
        Claim c = noTracking();
        assertThat(c.partyToAct()).isEqualTo(Party.SELLER);
        assertThat(c.deadlineAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        c.drainEffects();
        c.trackingSupplied(SELLER, "SF1234567890123", LATER);
        assertThat(c.status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(c.outcome()).isEqualTo(Outcome.TRACKING_SUPPLIED);
        assertThat(c.drainEffects()).singleElement().isEqualTo(new ClaimEffect.Compensate("order-11-late-shipment",
                Money.fen(300), "LATE_SHIPMENT", CostBearer.SELLER));
        assertThatThrownBy(() -> c.trackingSupplied(SELLER, "SF1234567890123", LATER))
                .isInstanceOf(TransitionRejected.class);
    }

    @Test
    void aBuyerCannotSupplyTracking() {
        assertThatThrownBy(() -> noTracking().trackingSupplied(BUYER, "SF1", LATER))
                .isInstanceOf(TransitionRejected.class);
    }

    @Test
    void noTrackingPastItsDeadlineRefundsAndCompensates() {
        Claim c = noTracking();
        c.drainEffects();
        c.onDeadline(CLOCK, T0.plus(Duration.ofHours(47)));
        assertThat(c.status()).isEqualTo(ClaimStatus.AWAITING_TRACKING);
        c.onDeadline(CLOCK, T0.plus(Duration.ofHours(48)));
        assertThat(c.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(c.drainEffects()).hasSize(2).anySatisfy(e -> assertThat(e).isInstanceOf(ClaimEffect.Refund.class))
                .anySatisfy(e -> assertThat(e).isInstanceOf(ClaimEffect.Compensate.class));
        assertThat(c.timeline()).last().satisfies(t -> assertThat(t.rule()).isEqualTo("tracking-supply"));
    }

    @Test
    void theBuyerChoosesTheSubstituteOnlyWhenOneWasOffered() {
        Claim with = delisted(true);
        assertThat(with.proposal().remedy()).isEqualTo(Remedy.SUBSTITUTE);
        assertThat(with.proposal().note()).isEqualTo("Cable (C)");
        assertThatThrownBy(() -> with.chooseSubstitute(ClaimTests.OTHER_BUYER, LATER))
                .isInstanceOf(TransitionRejected.class);
        assertThatThrownBy(() -> with.chooseSubstitute(SELLER, LATER)).isInstanceOf(TransitionRejected.class);
        with.chooseSubstitute(BUYER, LATER);
        assertThat(with.outcome()).isEqualTo(Outcome.SUBSTITUTED);
        assertThat(with.remedy()).isEqualTo(Remedy.SUBSTITUTE);
        assertThatThrownBy(() -> with.chooseRefund(BUYER, CLOCK, LATER)).isInstanceOf(TransitionRejected.class);

        Claim without = delisted(false);
        assertThatThrownBy(() -> without.chooseSubstitute(BUYER, LATER)).isInstanceOfSatisfying(
                TransitionRejected.class, e -> assertThat(e.messageKey()).isEqualTo("watchers.rejected.noSubstitute"));
    }

    @Test
    void theRefundChoiceAndSilenceBothRefundTheCancelledUnits() {
        Claim chosen = delisted(true);
        chosen.chooseRefund(BUYER, CLOCK, LATER);
        assertThat(chosen.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(chosen.drainEffects()).singleElement().isInstanceOfSatisfying(ClaimEffect.Refund.class,
                r -> assertThat(r.amount()).isEqualTo(Money.fen(6000)));

        Claim silent = delisted(true);
        silent.onDeadline(CLOCK, T0.plus(Duration.ofHours(48)));
        assertThat(silent.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(silent.timeline()).last().satisfies(t -> {
            assertThat(t.action()).isEqualTo(TimelineAction.CHOICE_DEFAULTED);
            assertThat(t.rule()).isEqualTo("buyer-choice");
        });
    }

    @Test
    void anOversoldCancellationIsSettledOnceByThePlatform() {
        Claim c = open(ClaimType.ORDER_CANCELLED, ClaimReason.PLATFORM_CANCELLED, Remedy.REFUND,
                ClaimStatus.REFUND_PENDING, Actor.SYSTEM);
        c.offer(Money.fen(1000), null, null);
        c.settleCancellation();
        assertThat(c.drainEffects()).satisfiesExactly(
                e -> assertThat(e).isInstanceOfSatisfying(ClaimEffect.Refund.class,
                        r -> assertThat(r.costBearer()).isEqualTo(CostBearer.PLATFORM)),
                e -> assertThat(e).isEqualTo(new ClaimEffect.Compensate("order-11-oversold", Money.fen(1000),
                        "OVERSOLD", CostBearer.PLATFORM)));
        assertThatThrownBy(c::settleCancellation).isInstanceOf(TransitionRejected.class);
    }
}
