package dev.aftersales.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import dev.aftersales.shared.Grams;
import dev.aftersales.shared.Money;
import dev.aftersales.support.Messages;

/**
 * The one formatting path of the desk: times in the display zone with relative words in both directions, durations,
 * money with two decimals and weights with grouping, in English and Simplified Chinese, and message arguments that
 * never reach a text as {@code toString()}.
 */
class FormatsTests {

    static final Locale EN = Locale.ENGLISH;
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Instant NOW = Instant.parse("2026-12-07T17:13:56.237931Z");
    static final Formats FORMATS = new Formats(ZoneId.of("Asia/Shanghai"), Clock.fixed(NOW, ZoneOffset.UTC),
            Messages.real());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anInstantIsShownInTheDisplayZoneToTheMinute() {
        // 17:13 UTC is 01:13 the next day in Shanghai
        assertThat(FORMATS.dateTime(Instant.parse("2026-12-06T17:13:56.237931Z"))).isEqualTo("2026-12-07 01:13");
        assertThat(FORMATS.date(Instant.parse("2026-12-06T17:13:56Z"))).isEqualTo("2026-12-07");
        assertThat(FORMATS.dateTime(null)).isEmpty();
    }

    @Test
    void aTimeInThePastSaysHowLongAgoInBothLanguages() {
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        assertThat(FORMATS.when(dayAgo, EN)).isEqualTo("2026-12-07 01:13 (1 day ago)");
        assertThat(FORMATS.when(dayAgo, ZH)).isEqualTo("2026-12-07 01:13（1 天前）");
        assertThat(FORMATS.relative(NOW.minus(Duration.ofDays(8).plusHours(5)), EN)).isEqualTo("8 days ago");
        assertThat(FORMATS.relative(NOW.minus(Duration.ofMinutes(1)), EN)).isEqualTo("1 minute ago");
        assertThat(FORMATS.relative(NOW.minus(Duration.ofMinutes(59)), ZH)).isEqualTo("59 分钟前");
    }

    @Test
    void aTimeInTheFutureSaysInHowLongInBothLanguages() {
        Instant inThreeHours = NOW.plus(Duration.ofHours(3).plusMinutes(20));
        assertThat(FORMATS.relative(inThreeHours, EN)).isEqualTo("in 3 hours");
        assertThat(FORMATS.relative(inThreeHours, ZH)).isEqualTo("3 小时后");
        assertThat(FORMATS.relative(NOW.plus(Duration.ofHours(1)), EN)).isEqualTo("in 1 hour");
        assertThat(FORMATS.when(NOW.plus(Duration.ofDays(2)), EN)).isEqualTo("2026-12-10 01:13 (in 2 days)");
    }

    @Test
    void withinAMinuteIsJustNow() {
        assertThat(FORMATS.relative(NOW.plusSeconds(30), EN)).isEqualTo("just now");
        assertThat(FORMATS.relative(NOW.minusSeconds(59), ZH)).isEqualTo("刚刚");
    }

    @Test
    void durationsLeaveOutZeroParts() {
        assertThat(FORMATS.span(Duration.ofDays(7), EN)).isEqualTo("7 d");
        assertThat(FORMATS.span(Duration.ofHours(51), EN)).isEqualTo("2 d 3 h");
        assertThat(FORMATS.span(Duration.ofHours(48), ZH)).isEqualTo("2 天");
        assertThat(FORMATS.span(Duration.ofMinutes(185), ZH)).isEqualTo("3 小时 5 分钟");
        assertThat(FORMATS.span(Duration.ofHours(3), EN)).isEqualTo("3 h");
        assertThat(FORMATS.span(Duration.ofMinutes(45), EN)).isEqualTo("45 min");
    }

    @Test
    void theCountdownReadsLikeTheScriptThatKeepsItCurrent() {
        LocaleContextHolder.setLocale(EN);
        assertThat(FORMATS.countdown(NOW.plus(Duration.ofDays(2)))).isEqualTo("2 d 0 h left");
        assertThat(FORMATS.countdown(NOW.minus(Duration.ofMinutes(90)))).isEqualTo("overdue by 1 h 30 min");
    }

    @Test
    void moneyHasTheYuanSignAndTwoDecimalsInEveryLanguage() {
        assertThat(FORMATS.money(Money.fen(2100))).isEqualTo("¥21.00");
        assertThat(FORMATS.money(Money.fen(5))).isEqualTo("¥0.05");
        assertThat(FORMATS.money(Money.fen(-350))).isEqualTo("-¥3.50");
        assertThat(FORMATS.fen(123_456)).isEqualTo("¥1234.56");
        assertThat(FORMATS.yuan(2000)).isEqualTo("20.00");
    }

    @Test
    void weightsAreGroupedWithTheirUnitInEachLanguage() {
        assertThat(FORMATS.grams(3021, EN)).isEqualTo("3,021 g");
        assertThat(FORMATS.grams(3021, ZH)).isEqualTo("3,021 克");
        assertThat(FORMATS.grams(1_234_567, EN)).isEqualTo("1,234,567 g");
        assertThat(FORMATS.grams(0, EN)).isEqualTo("0 g");
        assertThat(FORMATS.grams(null, EN)).isEmpty();
    }

    @Test
    void messageArgumentsAreFormattedNeverPrintedRaw() {
        Instant closed = NOW.minus(Duration.ofDays(1));
        Object[] en = FORMATS.args(EN, closed, Duration.ofDays(7), Money.fen(3500), new Grams(3762), "SO100151", 3,
                new DefaultMessageSourceResolvable(new String[] { "claim.status.RESOLVED" }, "RESOLVED"));
        assertThat(en).containsExactly("2026-12-07 01:13 (1 day ago)", "7 d", "¥35.00", "3,762 g", "SO100151", 3,
                "Resolved");
        Object[] zh = FORMATS.args(ZH, closed, Duration.ofDays(7), new Grams(3762));
        assertThat(zh).containsExactly("2026-12-07 01:13（1 天前）", "7 天", "3,762 克");
        assertThat(FORMATS.args(EN, (Object[]) null)).isEmpty();
    }

    @Test
    void theClosedWindowSentenceReadsInTheDisplayZoneInBothLanguages() {
        Instant closed = Instant.parse("2026-12-06T17:13:56.237931Z");
        Instant delivered = Instant.parse("2026-11-29T17:13:56.237931Z");
        assertThat(FORMATS.message(EN, "claim.unavailable.windowClosed", closed, Duration.ofDays(7)))
                .isEqualTo("The window closed on 2026-12-07 01:13 (1 day ago), 7 d after delivery.");
        assertThat(FORMATS.message(ZH, "claim.unavailable.windowClosed", closed, Duration.ofDays(7)))
                .isEqualTo("申请期限为签收后 7 天，已于 2026-12-07 01:13（1 天前）结束。");
        assertThat(FORMATS.message(EN, "claim.unavailable.delivered", delivered))
                .isEqualTo("The parcel was delivered on 2026-11-30 01:13 (8 days ago).");
        LocaleContextHolder.setLocale(ZH);
        assertThat(FORMATS.message("claim.unavailable.delivered", delivered))
                .isEqualTo("包裹已于 2026-11-30 01:13（8 天前）签收。");
    }

    @Test
    void anUnknownKeyIsVisibleAsSuchInsteadOfFailingThePage() {
        assertThat(FORMATS.message(EN, "no.such.key")).isEqualTo("??no.such.key??");
    }
}
