package dev.aftersales.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An amount of money in integer minor units (fen for CNY) with its currency. Never a floating point number.
 */
@Embeddable
public record Money(@Column(name = "amount_minor") long minor, @Column(name = "currency") Currency currency)
        implements Comparable<Money> {

    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money fen(long fen) {
        return new Money(fen, CNY);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Parses a decimal amount such as "12.34" in the currency's minor units; more decimals than allowed are refused. */
    public static Money parse(String decimal, Currency currency) {
        BigDecimal value = new BigDecimal(decimal.trim());
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    /** "¥12.34" for yuan, "USD 12.34" for other currencies; the same in every language of the desk. */
    public String format() {
        String amount = toDecimal().abs().toPlainString();
        String sign = minor < 0 ? "-" : "";
        if (CNY.equals(currency)) {
            return sign + "¥" + amount;
        }
        return sign + currency.getCurrencyCode() + " " + amount;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return format();
    }
}
