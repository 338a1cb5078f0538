package dev.aftersales.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Arguments of a text that is stored now and put into words later, in its reader's language (inbox items, emails,
 * text messages; see {@link NoticeRequested}). Each argument is a string:
 * <ul>
 * <li>plain text is shown as it is (order and claim numbers, names);</li>
 * <li>{@code #some.key} is itself a message (a status, a rule) and is translated;</li>
 * <li>{@code #@2026-12-07T01:13:00Z} a time, {@code #~PT48H} a duration, {@code #$1234 CNY} an amount,
 * {@code #^3021} a weight in grams: written when the text is read, by the one formatter of the desk (display zone,
 * the reader's language, relative words);</li>
 * <li>a text that itself starts with {@code #} is stored with a second {@code #}.</li>
 * </ul>
 * {@link #decode} turns a stored argument back into the value the formatter takes.
 */
public final class MessageArgs {

    private MessageArgs() {
    }

    /** An argument that is translated: the message with this code. */
    public static String message(String code) {
        return "#" + code;
    }

    /** An argument shown as it is. */
    public static String literal(String value) {
        if (value == null) {
            return "";
        }
        return value.startsWith("#") ? "#" + value : value;
    }

    public static String instant(Instant instant) {
        return instant == null ? "" : "#@" + instant;
    }

    public static String duration(Duration duration) {
        return duration == null ? "" : "#~" + duration;
    }

    public static String money(Money money) {
        return money == null ? "" : "#$" + money.minor() + " " + money.currency().getCurrencyCode();
    }

    public static String grams(Integer grams) {
        return grams == null ? "" : "#^" + grams;
    }

    /** Whether the argument is a time, a duration, an amount or a weight written by this class. */
    public static boolean isTyped(String arg) {
        return arg != null && arg.length() > 2 && arg.charAt(0) == '#' && "@~$^".indexOf(arg.charAt(1)) >= 0;
    }

    /**
     * A stored argument as a value: {@link Instant}, {@link Duration}, {@link Money}, {@link Grams}, a resolvable
     * message (falling back to the code's last part), or the text itself.
     */
    public static Object decode(String arg) {
        if (arg == null) {
            return "";
        }
        if (arg.startsWith("##")) {
            return arg.substring(1);
        }
        if (!arg.startsWith("#") || arg.length() < 2) {
            return arg;
        }
        String rest = arg.substring(2);
        try {
            switch (arg.charAt(1)) {
                case '@':
                    return Instant.parse(rest);
                case '~':
                    return Duration.parse(rest);
                case '$': {
                    int space = rest.indexOf(' ');
                    return new Money(Long.parseLong(rest.substring(0, space)),
                            Currency.getInstance(rest.substring(space + 1)));
                }
                case '^':
                    return new Grams(Integer.parseInt(rest));
                default:
                    break;
            }
        } catch (RuntimeException unreadable) {
            return arg.substring(1);
        }
        String key = arg.substring(1);
        return new DefaultMessageSourceResolvable(new String[] { key }, null, key.substring(key.lastIndexOf('.') + 1));
    }
}
