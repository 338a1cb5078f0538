package dev.aftersales.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;

import org.junit.jupiter.api.Test;

import dev.aftersales.shared.Money;

class AmountsTests {

    @Test
    void readsYuanWithUpToTwoDecimalsAndFullWidthDigits() {
        assertThat(Amounts.parse("12.50")).isEqualTo(Money.fen(1250));
        assertThat(Amounts.parse(" 7 ")).isEqualTo(Money.fen(700));
        assertThat(Amounts.parse(".5")).isEqualTo(Money.fen(50));
        assertThat(Amounts.parse("１２．５")).isEqualTo(Money.fen(1250));
        assertThat(Amounts.parse("-3")).isEqualTo(Money.fen(-300));
        assertThat(Amounts.parse("1000000000.00")).isEqualTo(Money.fen(InputLimits.MAX_AMOUNT_MINOR));
        assertThat(Amounts.parse("5", Currency.getInstance("JPY"))).isEqualTo(new Money(5, Currency.getInstance("JPY")));
    }

    @Test
    void refusesWhatIsNotAnAmountTheDeskKeeps() {
        for (String text : new String[] { "", " ", "abc", "1e5", "NaN", "Infinity", "12.345", "1,000", "0x10",
                "1000000000.01", "99999999999999", "1.2.3", "--1", "+5", "1".repeat(21) }) {
            assertThat(Amounts.parse(text)).as(text).isNull();
        }
        assertThat(Amounts.parse(null)).isNull();
    }

    @Test
    void refusesAMillionDigitsByTheirLengthWithoutReadingThem() {
        assertThat(Amounts.parse("9".repeat(1_000_000))).isNull();
        assertThat(Amounts.parse("0".repeat(20) + "1")).isNull();
    }
}
