package dev.aftersales.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.ClaimType;
import dev.aftersales.claims.InspectionResult;
import dev.aftersales.claims.WeightVerdict;
import dev.aftersales.risk.BuyerRisk;

/** The return-abuse score on generated histories whose answer is worked out by hand from the written rule. */
class ReturnAbuseScoreTests {

    static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    static final RiskSettings SETTINGS = new RiskSettings(40, 70, 5, 20, 10, 3, 3, 3, 80, Duration.ofHours(24), 30,
            3, 30);

    static ReturnAbuseScore.ClaimRow claim(ClaimType type, InspectionResult inspection, WeightVerdict weight,
            Duration afterDelivery) {
        Instant delivered = NOW.minus(Duration.ofDays(10));
        return new ReturnAbuseScore.ClaimRow(1, type, delivered.plus(afterDelivery), true, inspection, weight,
                delivered);
    }

    static Map<String, Integer> points(BuyerRisk risk) {
        return risk.signals().stream().collect(Collectors.toMap(BuyerRisk.Signal::code, BuyerRisk.Signal::points));
    }

    @Test
    void anOrdinaryBuyerWithOneClaimScoresZeroAndIsNormal() {
        BuyerRisk risk = ReturnAbuseScore.compute(new ReturnAbuseScore.History(7, 12,
                List.of(claim(ClaimType.MISSING_ITEM, null, WeightVerdict.CORROBORATES, Duration.ofHours(30))), 0,
                List.of()), SETTINGS, NOW);

        assertThat(risk.score()).isZero();
        assertThat(risk.verdict()).isEqualTo(BuyerRisk.Verdict.NORMAL);
        assertThat(risk.signals()).extracting(BuyerRisk.Signal::code).containsExactly("CLAIM_RATE", "RETURNS",
                "INSPECTED", "WEIGHT", "FLAGS", "QUICK_CLAIMS", "LINKED");
        BuyerRisk.Signal rate = risk.signals().get(0);
        assertThat(rate.args()).containsExactly(1, 12, 8);
        assertThat(risk.signals().get(5).args()).containsExactly(0L, java.time.Duration.ofHours(30));
    }

    @Test
    void aProfessionalReturnerReachesReviewWithEverySignalCounted() {
        // 6 orders, 6 claims: 4 returns (3 inspected as used/damaged/wrong), 2 missing-item claims the weight
        // contradicts, 3 filed within an hour of delivery, one agent flag, one linked account
        List<ReturnAbuseScore.ClaimRow> claims = new ArrayList<>();
        claims.add(claim(ClaimType.RETURN_REFUND, InspectionResult.USED, null, Duration.ofMinutes(30)));
        claims.add(claim(ClaimType.RETURN_REFUND, InspectionResult.DAMAGED, null, Duration.ofMinutes(40)));
        claims.add(claim(ClaimType.EXCHANGE, InspectionResult.WRONG_ITEM, null, Duration.ofMinutes(50)));
        claims.add(claim(ClaimType.RETURN_REFUND, InspectionResult.AS_SOLD, null, Duration.ofHours(20)));
        claims.add(claim(ClaimType.MISSING_ITEM, null, WeightVerdict.CONTRADICTS, Duration.ofHours(5)));
        claims.add(claim(ClaimType.MISSING_ITEM, null, WeightVerdict.CONTRADICTS, Duration.ofHours(6)));
        List<BuyerRisk.LinkedAccount> links = List.of(new BuyerRisk.LinkedAccount(9, "twin", "Twin", "PHONE",
                "13900000009", 20));

        BuyerRisk risk = ReturnAbuseScore.compute(new ReturnAbuseScore.History(8, 6, claims, 1, links), SETTINGS,
                NOW);

        Map<String, Integer> p = points(risk);
        assertThat(p).containsEntry("CLAIM_RATE", 25) // 6 / 6 × 25
                .containsEntry("RETURNS", 9) // 3 × (4 − 1)
                .containsEntry("INSPECTED", 30) // 3 × 15, capped at 30
                .containsEntry("WEIGHT", 30) // 2 × 15
                .containsEntry("FLAGS", 20) // 1 × 20
                .containsEntry("QUICK_CLAIMS", 10) // 5 × (3 − 1)
                .containsEntry("LINKED", 10); // 1 × 10
        assertThat(risk.score()).isEqualTo(100); // 134 capped
        assertThat(risk.verdict()).isEqualTo(BuyerRisk.Verdict.REVIEW);
        assertThat(risk.links()).extracting(BuyerRisk.LinkedAccount::username).containsExactly("twin");
    }

    @Test
    void aMiddlingHistoryIsWatchedButNotReviewed() {
        // 3 claims on 10 orders: rate 30 % → round(25 × 0.3) = 8; one weight contradiction 15; two linked 20 → 43
        List<ReturnAbuseScore.ClaimRow> claims = List.of(
                claim(ClaimType.REFUND_ONLY, null, null, Duration.ofDays(2)),
                claim(ClaimType.REFUND_ONLY, null, null, Duration.ofDays(3)),
                claim(ClaimType.MISSING_ITEM, null, WeightVerdict.CONTRADICTS, Duration.ofDays(1)));
        List<BuyerRisk.LinkedAccount> links = List.of(
                new BuyerRisk.LinkedAccount(1, "a", "A", "PHONE", "1", null),
                new BuyerRisk.LinkedAccount(2, "b", "B", "ADDRESS", "x", null));

        BuyerRisk risk = ReturnAbuseScore.compute(new ReturnAbuseScore.History(3, 10, claims, 0, links), SETTINGS,
                NOW);

        assertThat(points(risk)).containsEntry("CLAIM_RATE", 8).containsEntry("WEIGHT", 15)
                .containsEntry("LINKED", 20).containsEntry("RETURNS", 0).containsEntry("QUICK_CLAIMS", 0);
        assertThat(risk.score()).isEqualTo(43);
        assertThat(risk.verdict()).isEqualTo(BuyerRisk.Verdict.WATCH);
    }

    @Test
    void claimsTheSystemOpenedDoNotCountAgainstTheBuyer() {
        List<ReturnAbuseScore.ClaimRow> claims = List.of(
                new ReturnAbuseScore.ClaimRow(1, ClaimType.NO_TRACKING, NOW, false, null, null, null),
                new ReturnAbuseScore.ClaimRow(2, ClaimType.DELISTED, NOW, false, null, null, null),
                new ReturnAbuseScore.ClaimRow(3, ClaimType.ORDER_CANCELLED, NOW, false, null, null, null));

        BuyerRisk risk = ReturnAbuseScore.compute(new ReturnAbuseScore.History(3, 3, claims, 0, List.of()),
                SETTINGS, NOW);

        assertThat(risk.score()).isZero();
        assertThat(risk.signals().get(0).args()).containsExactly(0, 3, 0);
    }

    @Test
    void thresholdsDecideTheVerdict() {
        RiskSettings strict = new RiskSettings(10, 20, 5, 20, 10, 3, 3, 3, 80, Duration.ofHours(24), 30, 3, 30);
        assertThat(ReturnAbuseScore.verdict(9, strict)).isEqualTo(BuyerRisk.Verdict.NORMAL);
        assertThat(ReturnAbuseScore.verdict(10, strict)).isEqualTo(BuyerRisk.Verdict.WATCH);
        assertThat(ReturnAbuseScore.verdict(20, strict)).isEqualTo(BuyerRisk.Verdict.REVIEW);
        assertThat(ReturnAbuseScore.verdict(69, SETTINGS)).isEqualTo(BuyerRisk.Verdict.WATCH);
        assertThat(ReturnAbuseScore.verdict(70, SETTINGS)).isEqualTo(BuyerRisk.Verdict.REVIEW);
    }

}
