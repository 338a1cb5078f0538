package dev.aftersales.claims;

import static dev.aftersales.claims.EligibilityPolicyTests.DELIVERED;
import static dev.aftersales.claims.EligibilityPolicyTests.SHIPPED;
import static dev.aftersales.claims.EligibilityPolicyTests.facts;
import static dev.aftersales.claims.EligibilityPolicyTests.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.internal.ClaimRepository;
import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.Money;
import dev.aftersales.shared.NotFound;

/**
 * The filing rules as one chain (docs/rules.md#filing-rules): a filing that passes gets its lines and amount, a
 * refused one names the rule, with the same field, message and arguments the form shows.
 */
class FilingPolicyTests {

    /** The order of {@link EligibilityPolicyTests}: line 21, 2 × Apple at 30.00 paid 60.00, delivered. */
    static final Instant NOW = DELIVERED.plus(Duration.ofDays(2));

    static final Supplier<Money> UNREAD = () -> {
        throw new AssertionError("read although no rule needs it");
    };

    static FileClaim claim(ClaimType type, ClaimReason reason, Remedy remedy, Map<Long, Integer> units,
            Money amount) {
        return new FileClaim(1L, type, reason, remedy, "details", units, amount, null, List.of());
    }

    static FilingPolicy.Filing filing(FileClaim command, Instant now, int claimable,
            Map<Long, ClaimRepository.OpenClaim> open, Supplier<Money> refundable) {
        return new FilingPolicy.Filing(command, facts(order(OrderStatus.DELIVERED, SHIPPED, DELIVERED), List.of(),
                now, claimable), open, () -> Money.fen(0), refundable);
    }

    static FilingPolicy.Filing refundOnly(Map<Long, Integer> units, Money amount, Supplier<Money> refundable) {
        return filing(claim(ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND, units, amount), NOW, 2,
                Map.of(), refundable);
    }

    static ClaimNotAllowed refusal(FilingPolicy.Filing filing) {
        try {
            FilingPolicy.check(filing);
        } catch (ClaimNotAllowed refused) {
            return refused;
        }
        throw new AssertionError("the filing passed");
    }

    @Test
    void aFilingThatPassesEveryRuleGetsItsLinesAndTheirValue() {
        FilingPolicy.Passed passed = FilingPolicy.check(refundOnly(Map.of(21L, 2), null, () -> Money.fen(11000)));
        assertThat(passed.lines()).singleElement().satisfies(line -> {
            assertThat(line.orderLineId()).isEqualTo(21L);
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.amount()).isEqualTo(Money.fen(6000));
        });
        assertThat(passed.requested()).isEqualTo(Money.fen(6000));
    }

    @Test
    void aPartialAmountIsAskedForWhenItIsWithinTheValue() {
        FilingPolicy.Passed passed = FilingPolicy.check(refundOnly(Map.of(21L, 1), Money.fen(1200),
                () -> Money.fen(11000)));
        assertThat(passed.requested()).isEqualTo(Money.fen(1200));
    }

    @Test
    void moreUnitsThanClaimableAreRefusedByTheUnitsRuleOnTheLinesField() {
        ClaimNotAllowed refused = refusal(filing(claim(ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                Map.of(21L, 2), null), NOW, 1, Map.of(), UNREAD));
        assertThat(refused.rule()).isEqualTo("units-claimable");
        assertThat(refused.field()).isEqualTo("units[21]");
        assertThat(refused.messageKey()).isEqualTo("claim.form.error.units");
        assertThat(refused.args()).containsExactly("Apple", 1);
    }

    @Test
    void aRefundAboveWhatIsLeftOnTheOrderIsRefusedByTheRefundCap() {
        ClaimNotAllowed refused = refusal(refundOnly(Map.of(21L, 2), null, () -> Money.fen(5000)));
        assertThat(refused.rule()).isEqualTo("refund-cap");
        assertThat(refused.field()).isEqualTo("requestedAmount");
        assertThat(refused.messageKey()).isEqualTo("claim.form.error.refundable");
        assertThat(refused.args()).containsExactly(Money.fen(5000).format());
    }

    @Test
    void aPartialAmountAboveTheValueIsRefusedBeforeTheRefundCapIsRead() {
        ClaimNotAllowed refused = refusal(refundOnly(Map.of(21L, 1), Money.fen(3001), UNREAD));
        assertThat(refused.rule()).isEqualTo("amount-within-value");
        assertThat(refused.messageKey()).isEqualTo("claim.form.error.amount");
        assertThat(refused.args()).containsExactly(Money.fen(3000).format());
        assertThat(refusal(refundOnly(Map.of(21L, 1), Money.fen(0), UNREAD)).rule())
                .isEqualTo("amount-within-value");
    }

    @Test
    void aRemedyWithoutRefundNeverReadsWhatIsRefundable() {
        FilingPolicy.Passed passed = FilingPolicy.check(filing(claim(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING,
                Remedy.RESHIP, Map.of(21L, 1), null), NOW, 2, Map.of(), UNREAD));
        assertThat(passed.lines()).hasSize(1);
    }

    @Test
    void anOpenClaimOfTheTypeOnTheLineIsADuplicateNamingItsRule() {
        FilingPolicy.Filing filing = filing(claim(ClaimType.REFUND_ONLY, ClaimReason.QUALITY, Remedy.REFUND,
                Map.of(21L, 1), null), NOW, 2, Map.of(21L, new ClaimRepository.OpenClaim(9L, "AS9")), UNREAD);
        assertThatThrownBy(() -> FilingPolicy.check(filing)).isInstanceOfSatisfying(DuplicateClaim.class, d -> {
            assertThat(d.rule()).isEqualTo("one-open-claim-per-line");
            assertThat(d.claimNumber()).isEqualTo("AS9");
        });
    }

    @Test
    void theWholeFilingIsCheckedBeforeItsLines() {
        ClaimNotAllowed platformType = refusal(filing(claim(ClaimType.NO_TRACKING, ClaimReason.QUALITY,
                Remedy.SUPPLY_TRACKING, Map.of(21L, 9), null), NOW, 2, Map.of(), UNREAD));
        assertThat(platformType.rule()).isEqualTo("type-filed-by-buyer");
        assertThat(platformType.field()).isEqualTo("type");

        ClaimNotAllowed closed = refusal(filing(claim(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING,
                Remedy.REFUND, Map.of(21L, 9), null), DELIVERED.plus(Duration.ofDays(7)), 2, Map.of(), UNREAD));
        assertThat(closed.rule()).isEqualTo("type-available");
        assertThat(closed.field()).isNull();
        assertThat(closed.messageKey()).isEqualTo("claim.unavailable.windowClosed");

        ClaimNotAllowed reason = refusal(filing(claim(ClaimType.MISSING_ITEM, ClaimReason.QUALITY, Remedy.REFUND,
                Map.of(21L, 9), null), NOW, 2, Map.of(), UNREAD));
        assertThat(reason.rule()).isEqualTo("reason-allowed");

        ClaimNotAllowed remedy = refusal(filing(claim(ClaimType.MISSING_ITEM, ClaimReason.ITEMS_MISSING,
                Remedy.EXCHANGE, Map.of(21L, 9), null), NOW, 2, Map.of(), UNREAD));
        assertThat(remedy.rule()).isEqualTo("remedy-allowed");
        assertThat(remedy.field()).isEqualTo("remedy");
    }

    @Test
    void noUnitsAndUnknownLinesAreRefused() {
        ClaimNotAllowed none = refusal(refundOnly(Map.of(21L, 0), null, UNREAD));
        assertThat(none.rule()).isEqualTo("some-units");
        assertThat(none.messageKey()).isEqualTo("claim.form.error.noUnits");
        assertThatThrownBy(() -> FilingPolicy.check(refundOnly(Map.of(21L, 1, 99L, 1), null, UNREAD)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aNoReasonReturnClosesSevenDaysAfterDeliveryWhileQualityReturnsStayOpen() {
        Instant eighthDay = DELIVERED.plus(Duration.ofDays(7));
        ClaimNotAllowed refused = refusal(filing(claim(ClaimType.RETURN_REFUND, ClaimReason.NO_REASON,
                Remedy.RETURN_AND_REFUND, Map.of(21L, 1), null), eighthDay, 2, Map.of(), () -> Money.fen(11000)));
        assertThat(refused.rule()).isEqualTo("no-reason-window");
        assertThat(refused.messageKey()).isEqualTo("claim.form.error.noReasonWindow");
        assertThat(refused.args()).containsExactly(eighthDay);
        assertThat(FilingPolicy.check(filing(claim(ClaimType.RETURN_REFUND, ClaimReason.QUALITY,
                Remedy.RETURN_AND_REFUND, Map.of(21L, 1), null), eighthDay, 2, Map.of(), () -> Money.fen(11000)))
                .requested()).isEqualTo(Money.fen(3000));
    }

    @Test
    void everyRuleHasItsOwnNameInTheOrderTheChainChecksThem() {
        assertThat(FilingPolicy.ruleNames()).doesNotHaveDuplicates().containsExactly("type-filed-by-buyer",
                "type-available", "reason-allowed", "remedy-allowed", "description-length",
                "one-open-claim-per-line", "units-claimable", "no-reason-returnable", "some-units", "known-lines",
                "no-reason-window", "amount-within-value", "refund-cap");
    }
}
