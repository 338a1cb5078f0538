package dev.aftersales.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.aftersales.shared.Money;

/**
 * Formatting used by every page, reachable in templates as {@code @fmt}. Times are shown in the marketplace's zone
 * (Asia/Shanghai unless configured), durations in the reader's language.
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

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** ISO-8601 instant for machine use (countdown script, {@code <time datetime>}). */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String money(Money money) {
        return money == null ? "" : money.format();
    }

    /** An amount in fen as "¥12.34". */
    public String fen(long fen) {
        return Money.fen(fen).format();
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
        Duration remaining = Duration.between(clock.instant(), due);
        String span = span(remaining.abs());
        String key = remaining.isNegative() || remaining.isZero() ? "time.overdue" : "time.left";
        return messages.getMessage(key, new Object[] { span }, LocaleContextHolder.getLocale());
    }

    /** A duration in days, hours and minutes ("2 d 3 h", "45 min"). */
    public String span(Duration duration) {
        long minutes = Math.max(duration.toMinutes(), 0);
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        var locale = LocaleContextHolder.getLocale();
        if (days > 0) {
            return messages.getMessage("time.span.dh", new Object[] { days, hours }, locale);
        }
        if (hours > 0) {
            return messages.getMessage("time.span.hm", new Object[] { hours, mins }, locale);
        }
        return messages.getMessage("time.span.m", new Object[] { mins }, locale);
    }

    /** Grams as "1,230 g". */
    public String grams(Integer grams) {
        return grams == null ? "" : String.format("%,d g", grams);
    }
}
