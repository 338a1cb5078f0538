package dev.aftersales.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.aftersales.ordering.OrderStatus;
import dev.aftersales.shared.Refusal;
import dev.aftersales.shared.web.Formats;
import dev.aftersales.support.Messages;

/** Shipping's refusals say themselves where they belong and why, in both languages, as the ship page words them. */
class ShippingRefusalsTests {

    static final Formats FORMATS = new Formats(ZoneId.of("Asia/Shanghai"),
            Clock.fixed(Instant.parse("2026-12-07T04:00:00Z"), ZoneOffset.UTC), Messages.real());

    static String said(Refusal refusal, Locale locale) {
        return FORMATS.message(locale, refusal.messageKey(), refusal.args());
    }

    @Test
    void aNumberOfAnotherFormatIsRefusedAtTheNumberNamingTheCarrierAndANumberOfItsFormat() {
        Refusal refusal = new InvalidTrackingNumber(Carrier.SF, "SF12345");

        assertThat(refusal.field()).isEqualTo("trackingNumber");
        assertThat(said(refusal, Locale.ENGLISH))
                .isEqualTo("This is not a SF Express tracking number. It looks like SF1234567890123.");
        assertThat(said(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo("这不是有效的 顺丰速运 运单号，格式应类似 SF1234567890123。");
    }

    @Test
    void aNumberAlreadyOnAnotherParcelIsRefusedAtTheNumber() {
        Refusal refusal = new TrackingNumberInUse("SF1234567890123");

        assertThat(refusal.field()).isEqualTo("trackingNumber");
        assertThat(said(refusal, Locale.ENGLISH)).isEqualTo("This tracking number is already used on another order.");
        assertThat(said(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo("该运单号已用于其他订单。");
    }

    @Test
    void anOrderThatNoLongerTakesAParcelIsRefusedForTheWholeForm() {
        Refusal refusal = new OrderNotAwaitingShipment(OrderStatus.CANCELLED);

        assertThat(refusal.field()).isNull();
        assertThat(said(refusal, Locale.ENGLISH)).isEqualTo("This order can no longer be shipped.");
        assertThat(said(refusal, Locale.SIMPLIFIED_CHINESE)).isEqualTo("此订单已无法发货。");
    }
}
