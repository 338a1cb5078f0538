package dev.aftersales.shared.web;

import java.math.BigDecimal;
import java.util.Currency;

import dev.aftersales.shared.Money;

/**
 * Reads an amount typed into a form ("12.50" yuan). The text is looked at before it is read as a number: more than
 * {@link InputLimits#AMOUNT_CHARS} characters, anything but digits with one decimal point, more decimals than the
 * currency has, or more than {@link InputLimits#MAX_AMOUNT_MINOR} is refused, so no typed amount can hold the desk up
 * or overflow.
 */
public final class Amounts {

    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern
            .compile("-?([0-9]{1,13}(\\.[0-9]{0,4})?|\\.[0-9]{1,4})");

    private Amounts() {
    }

    /** The amount in yuan, or {@code null} when blank or not an amount the desk accepts. */
    public static Money parse(String text) {
        return parse(text, Money.CNY);
    }

    /** The amount in the currency, or {@code null} when blank or not an amount the desk accepts. */
    public static Money parse(String text, Currency currency) {
        if (text == null || text.isBlank() || text.length() > InputLimits.AMOUNT_CHARS) {
            return null;
        }
        // full-width digits and points as a Chinese input method types them read as their ASCII forms
        String trimmed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(trimmed);
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            long minor = value.movePointRight(digits).longValueExact();
            if (Math.abs(minor) > InputLimits.MAX_AMOUNT_MINOR) {
                return null;
            }
            return new Money(minor, currency);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** Whether the text is blank (no amount given). */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
