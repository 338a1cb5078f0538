package dev.aftersales.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.aftersales.shared.Grams;
import dev.aftersales.shared.Money;

/**
 * The one way the desk writes times, durations, money and weights for a person to read, reachable in templates as
 * {@code @fmt}: every page, email, text message and inbox item goes through it. Times are shown in the display zone
 * ({@code aftersales.display-zone}, Asia/Shanghai unless configured) as "2026-12-07 01:13", with relative words where
 * they help ("1 day ago", "in 3 hours"); durations, relative words and weights in the reader's language; money as
 * "¥12.34".
 * <p>
 * Message arguments go through {@link #args(Object...)} (or {@link #message(String, Object...)}) before they reach a
 * message, so that no text ever shows an {@code Instant}'s or a {@code Duration}'s {@code toString()}.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;
    private final Clock clock;
    private final MessageSource messages;

    public Formats(@Value("${aftersales.display-zone:Asia/Shanghai}") ZoneId zone, Clock clock,
            MessageSource messages) {
        this.zone = zone;
        this.clock = clock;
        this.messages = messages;
    }

    public ZoneId zone() {
        return zone;
    }

    // ------------------------------------------------------------------------------------------ times

    /** "2026-12-07 01:13" in the display zone: the style of every timeline. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** "2026-12-07" in the display zone. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** ISO-8601 instant for machines only (the countdown script, {@code <time datetime>}), never for reading. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "2026-12-07 01:13 (1 day ago)", "2026-12-09 10:00 (in 3 hours)": a time with relative words. */
    public String when(Instant instant) {
        return when(instant, LocaleContextHolder.getLocale());
    }

    public String when(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return messages.getMessage("time.when", new Object[] { dateTime(instant), relative(instant, locale) },
                locale);
    }

    /** "1 day ago", "in 3 hours", "just now", measured against the desk's clock. */
    public String relative(Instant instant) {
        return relative(instant, LocaleContextHolder.getLocale());
    }

    public String relative(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        Duration between = Duration.between(clock.instant(), instant);
        if (between.abs().compareTo(Duration.ofMinutes(1)) < 0) {
            return messages.getMessage("time.relative.now", null, locale);
        }
        String amount = coarse(between.abs(), locale);
        return messages.getMessage(between.isNegative() ? "time.relative.past" : "time.relative.future",
                new Object[] { amount }, locale);
    }

    /** The largest whole unit of a duration: "3 days", "1 hour", "45 minutes". */
    private String coarse(Duration duration, Locale locale) {
        long days = duration.toDays();
        if (days > 0) {
            return messages.getMessage("time.unit.days", new Object[] { days }, locale);
        }
        long hours = duration.toHours();
        if (hours > 0) {
            return messages.getMessage("time.unit.hours", new Object[] { hours }, locale);
        }
        return messages.getMessage("time.unit.minutes", new Object[] { duration.toMinutes() }, locale);
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean isPast(Instant instant) {
        return instant != null && !instant.isAfter(clock.instant());
    }

    /** "2 d 3 h left" or "overdue by 5 h", in the reader's language, measured against the desk's clock. */
    public String countdown(Instant due) {
        if (due == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Duration remaining = Duration.between(clock.instant(), due);
        String key = remaining.isNegative() || remaining.isZero() ? "time.overdue" : "time.left";
        return messages.getMessage(key, new Object[] { clockSpan(remaining.abs(), locale) }, locale);
    }

    /** The countdown's span, exactly as app.js keeps it current: "2 d 0 h", "3 h 5 min", "45 min". */
    private String clockSpan(Duration duration, Locale locale) {
        long minutes = Math.max(duration.toMinutes(), 0);
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        if (days > 0) {
            return messages.getMessage("time.span.dh", new Object[] { days, hours }, locale);
        }
        if (hours > 0) {
            return messages.getMessage("time.span.hm", new Object[] { hours, minutes % 60 }, locale);
        }
        return messages.getMessage("time.span.m", new Object[] { minutes }, locale);
    }

    /** A duration in days, hours and minutes, without zero parts: "7 d", "2 d 3 h", "3 h", "3 h 5 min", "45 min". */
    public String span(Duration duration) {
        return span(duration, LocaleContextHolder.getLocale());
    }

    public String span(Duration duration, Locale locale) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(duration.toMinutes(), 0);
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0 && hours == 0 && mins == 0) {
            return messages.getMessage("time.span.d", new Object[] { days }, locale);
        }
        if (days > 0) {
            return messages.getMessage("time.span.dh", new Object[] { days, hours }, locale);
        }
        if (hours > 0 && mins == 0) {
            return messages.getMessage("time.span.h", new Object[] { hours }, locale);
        }
        if (hours > 0) {
            return messages.getMessage("time.span.hm", new Object[] { hours, mins }, locale);
        }
        return messages.getMessage("time.span.m", new Object[] { mins }, locale);
    }

    // ------------------------------------------------------------------------------------------ money, weight

    /** "¥12.34": two decimals, the same in every language. */
    public String money(Money money) {
        return money == null ? "" : money.format();
    }

    /** An amount in fen as "¥12.34". */
    public String fen(long fen) {
        return Money.fen(fen).format();
    }

    /** An amount in fen as the yuan a person types: "20.00". */
    public String yuan(long fen) {
        return Money.fen(fen).toDecimal().toPlainString();
    }

    /** Grams with grouping and unit: "1,230 g", "1,230 克". */
    public String grams(Integer grams) {
        return grams(grams, LocaleContextHolder.getLocale());
    }

    public String grams(Integer grams, Locale locale) {
        if (grams == null) {
            return "";
        }
        return messages.getMessage("format.grams", new Object[] { String.format(Locale.ROOT, "%,d", grams) },
                locale);
    }

    // ------------------------------------------------------------------------------------------ message arguments

    /**
     * Message arguments as the reader sees them: instants as {@link #when}, durations as {@link #span}, money as
     * {@link #money}, {@link Grams} as {@link #grams}; texts, numbers and resolvable messages stay as they are.
     */
    public Object[] args(Object... args) {
        return args(LocaleContextHolder.getLocale(), args);
    }

    public Object[] args(Locale locale, Object... args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = arg(args[i], locale);
        }
        return out;
    }

    private Object arg(Object a, Locale locale) {
        if (a instanceof Instant t) {
            return when(t, locale);
        }
        if (a instanceof Duration d) {
            return span(d, locale);
        }
        if (a instanceof Money m) {
            return money(m);
        }
        if (a instanceof Grams g) {
            return grams(g.value(), locale);
        }
        if (a instanceof MessageSourceResolvable r) {
            return messages.getMessage(r, locale);
        }
        return a;
    }

    /**
     * The first code of a reason that the messages know in the reader's language (a form's binding names several,
     * the most specific first), else its last.
     */
    public String code(MessageSourceResolvable reason) {
        String[] codes = reason.getCodes();
        if (codes == null || codes.length == 0) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (String code : codes) {
            if (messages.getMessage(code, null, null, locale) != null) {
                return code;
            }
        }
        return codes[codes.length - 1];
    }

    /** The message with its arguments formatted by {@link #args(Object...)}, in the reader's language. */
    public String message(String key, Object... args) {
        return message(LocaleContextHolder.getLocale(), key, args);
    }

    public String message(Locale locale, String key, Object... args) {
        if (key == null) {
            return "";
        }
        return messages.getMessage(key, args(locale, args), "??" + key + "??", locale);
    }
}
