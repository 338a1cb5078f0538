package dev.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import dev.aftersales.catalog.ShopPolicy;
import dev.aftersales.shared.Money;

/** The fast-track rule: small, not contradicted, from a buyer in good standing; every fact written down. */
class FastTrackTests {

    static final ShopPolicy POLICY = EligibilityPolicyTests.POLICY; // threshold ¥20.00
    static final BuyerStanding.Standing GOOD = new BuyerStanding.Standing(true, "claim.standing.good",
            List.of(1L, 0L, 3));
    static final BuyerStanding.Standing NOT_GOOD = new BuyerStanding.Standing(false, "claim.standing.notGood",
            List.of(5L, 0L, 3));

    static Claim claim(ClaimType type, Remedy remedy, ClaimReason reason, long amountFen) {
        ClaimDraft draft = new ClaimDraft("AS1", 1L, "SO1", 5L, 7L, type, reason, remedy, null, Money.fen(amountFen),
                List.of(new ClaimDraft.Line(21L, "A", "A", 1, 100, Money.fen(amountFen))), null, null);
        Claim claim = Claim.file(draft, ClaimTests.BUYER, ClaimTests.CLOCK, ClaimTests.T0);
        ReflectionTestUtils.setField(claim, "id", 1L);
        return claim;
    }

    static WeightCheck weight(WeightVerdict verdict) {
        return new WeightCheck(1200, 600, 600, 60, verdict, "x");
    }

    @Test
    void aSmallCorroboratedMissingItemRefundFromAGoodBuyerIsFastTracked() {
        Claim claim = claim(ClaimType.MISSING_ITEM, Remedy.REFUND, ClaimReason.ITEMS_MISSING, 2000);
        FastTrack.Decision decision = FastTrack.decide(claim, weight(WeightVerdict.CORROBORATES), POLICY, GOOD);
        assertThat(decision.applies()).isTrue();
        assertThat(decision.explanation()).isEqualTo("¥20.00|¥20.00|CORROBORATES|claim.standing.good|1|0");
        claim.fastTrack(decision.explanation(), ClaimTests.T0.plus(Duration.ofSeconds(1)));
        assertThat(claim.status()).isEqualTo(ClaimStatus.REFUND_PENDING);
        assertThat(claim.fastTracked()).isTrue();
        assertThat(claim.timeline()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(TimelineAction.FAST_TRACKED);
            assertThat(e.rule()).isEqualTo("fast-track");
            assertThat(e.note()).isEqualTo(decision.explanation());
        });
    }

    @Test
    void aRefundOnlyClaimNeedsNoWeight() {
        assertThat(FastTrack.decide(claim(ClaimType.REFUND_ONLY, Remedy.REFUND, ClaimReason.QUALITY, 1500), null,
                POLICY, GOOD).applies()).isTrue();
    }

    @Test
    void itIsWithheldAboveTheThresholdWhenContradictedFromABuyerNotInGoodStandingOrForOtherRemedies() {
        assertThat(FastTrack.decide(claim(ClaimType.REFUND_ONLY, Remedy.REFUND, ClaimReason.QUALITY, 2001), null,
                POLICY, GOOD).applies()).isFalse();
        assertThat(FastTrack.decide(claim(ClaimType.MISSING_ITEM, Remedy.REFUND, ClaimReason.ITEMS_MISSING, 500),
                weight(WeightVerdict.CONTRADICTS), POLICY, GOOD).applies()).isFalse();
        assertThat(FastTrack.decide(claim(ClaimType.MISSING_ITEM, Remedy.REFUND, ClaimReason.ITEMS_MISSING, 500),
                weight(WeightVerdict.INCONCLUSIVE), POLICY, GOOD).applies()).isTrue();
        assertThat(FastTrack.decide(claim(ClaimType.REFUND_ONLY, Remedy.REFUND, ClaimReason.QUALITY, 500), null,
                POLICY, NOT_GOOD).applies()).isFalse();
        assertThat(FastTrack.decide(claim(ClaimType.MISSING_ITEM, Remedy.RESHIP, ClaimReason.ITEMS_MISSING, 500),
                weight(WeightVerdict.CORROBORATES), POLICY, GOOD).applies()).isFalse();
        assertThat(FastTrack.decide(claim(ClaimType.RETURN_REFUND, Remedy.RETURN_AND_REFUND,
                ClaimReason.NO_REASON, 500), null, POLICY, GOOD).applies()).isFalse();
    }
}
