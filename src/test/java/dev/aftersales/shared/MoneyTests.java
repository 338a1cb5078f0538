package dev.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTests {

    static final Currency USD = Currency.getInstance("USD");

    @Test
    void yuanRenderWithTheYenSignAndTwoDecimals() {
        assertThat(Money.fen(1234).format()).isEqualTo("¥12.34");
        assertThat(Money.fen(5).format()).isEqualTo("¥0.05");
        assertThat(Money.fen(0).format()).isEqualTo("¥0.00");
        assertThat(Money.fen(100_000).format()).isEqualTo("¥1000.00");
        assertThat(Money.fen(-1234).format()).isEqualTo("-¥12.34");
        assertThat(Money.fen(1234)).hasToString("¥12.34");
        assertThat(new Money(1234, USD).format()).isEqualTo("USD 12.34");
    }

    @Test
    void arithmeticStaysInWholeFen() {
        assertThat(Money.fen(1999).plus(Money.fen(1))).isEqualTo(Money.fen(2000));
        assertThat(Money.fen(1000).minus(Money.fen(1234))).isEqualTo(Money.fen(-234));
        assertThat(Money.fen(990).times(3)).isEqualTo(Money.fen(2970));
        assertThat(Money.fen(300).min(Money.fen(200))).isEqualTo(Money.fen(200));
        assertThat(Money.fen(300).greaterThan(Money.fen(200))).isTrue();
        assertThat(Money.fen(0).isZero()).isTrue();
        assertThat(Money.fen(-1).isNegative()).isTrue();
        assertThat(Money.fen(1).isPositive()).isTrue();
    }

    @Test
    void decimalsParseExactlyAndTooManyDecimalsAreRefused() {
        assertThat(Money.parse("12.34", Money.CNY)).isEqualTo(Money.fen(1234));
        assertThat(Money.parse(" 0.1 ", Money.CNY)).isEqualTo(Money.fen(10));
        assertThat(Money.parse("7", Money.CNY)).isEqualTo(Money.fen(700));
        assertThatThrownBy(() -> Money.parse("0.001", Money.CNY)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void currenciesDoNotMixAndOverflowIsRefused() {
        assertThatThrownBy(() -> Money.fen(100).plus(new Money(100, USD))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.fen(100).compareTo(new Money(100, USD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).plus(Money.fen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
    }
}
