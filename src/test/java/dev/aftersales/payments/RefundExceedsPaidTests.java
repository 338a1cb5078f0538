package dev.aftersales.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.aftersales.shared.Money;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.support.Messages;

/** A refund above what was paid is refused at the amount, saying how much can still be refunded. */
class RefundExceedsPaidTests {

    static final Formats FORMATS = new Formats(ZoneId.of("Asia/Shanghai"),
            Clock.fixed(Instant.parse("2026-12-07T04:00:00Z"), ZoneOffset.UTC), Messages.real());

    @Test
    void aRefundAboveTheOrdersCapIsRefusedAtTheAmountWithWhatIsLeft() {
        Refusal refusal = new RefundExceedsPaid(Money.fen(5_000), Money.fen(1_200));

        assertThat(refusal.field()).isEqualTo("amount");
        assertThat(FORMATS.message(Locale.ENGLISH, refusal.messageKey(), refusal.args()))
                .isEqualTo("At most ¥12.00 of this order can still be refunded.");
        assertThat(FORMATS.message(Locale.SIMPLIFIED_CHINESE, refusal.messageKey(), refusal.args()))
                .isEqualTo("此订单最多还可退款 ¥12.00。");
    }

    @Test
    void aRefundAboveALinesCapSaysWhatIsLeftOnTheLine() {
        Refusal refusal = new RefundExceedsPaid(42L, "3 of 2 units", Money.fen(800));

        assertThat(refusal.field()).isEqualTo("amount");
        assertThat(FORMATS.message(Locale.ENGLISH, refusal.messageKey(), refusal.args()))
                .isEqualTo("At most ¥8.00 of this order can still be refunded.");
    }
}
