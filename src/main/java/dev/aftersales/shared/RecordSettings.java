package dev.aftersales.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;

/**
 * Settings kept as a record of durations and numbers (the platform policy, the risk thresholds) that an admin may
 * change at run time: the record's components are listed generically, so that a component someone adds appears on
 * the admin page without further work, and text values replace components by name.
 */
public final class RecordSettings {

    private RecordSettings() {
    }

    /**
     * One component: its name, its kind and its current value as text as it is stored ("48h", "2000"; an amount in
     * fen).
     */
    public record Entry(String name, Kind kind, String value) {

        /** The property name, e.g. {@code shipBy} → {@code ship-by}. */
        public String propertyName() {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }

        /** The value of a {@link Kind#NUMBER} or {@link Kind#MONEY} (in fen). */
        public long number() {
            return Long.parseLong(value);
        }
    }

    /** What a component holds. */
    public enum Kind {
        /** a duration such as "48h" */
        DURATION,
        /** a whole number */
        NUMBER,
        /** an amount of money, kept in fen (a component named {@code …Fen}), shown and typed in yuan */
        MONEY
    }

    public static List<Entry> entries(Record settings) {
        List<Entry> entries = new ArrayList<>();
        for (RecordComponent c : settings.getClass().getRecordComponents()) {
            Object value = read(settings, c);
            entries.add(new Entry(c.getName(), kindOf(c.getName(), c.getType()), format(value)));
        }
        return entries;
    }

    /** The kind of the component with this name and type, or {@code null} when this helper cannot change it. */
    public static Kind kindOf(String name, Class<?> type) {
        Kind kind = kindOf(type);
        return kind == Kind.NUMBER && name.endsWith("Fen") ? Kind.MONEY : kind;
    }

    /** The component's kind, or {@code null} when it is not a setting this helper can change. */
    public static Kind kindOf(Class<?> type) {
        if (type == Duration.class) {
            return Kind.DURATION;
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return Kind.NUMBER;
        }
        return null;
    }

    /** A copy of {@code base} with the named components replaced by the parsed texts; unknown names are ignored. */
    @SuppressWarnings("unchecked")
    public static <T extends Record> T with(T base, Map<String, String> values) {
        RecordComponent[] components = base.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String text = values.get(c.getName());
            args[i] = text == null ? read(base, c) : parse(c.getType(), text);
        }
        try {
            Constructor<?> canonical = base.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (T) canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot rebuild " + base.getClass().getSimpleName(), e);
        }
    }

    /** The component's type by name, or {@code null} when the record has no such component. */
    public static Class<?> typeOf(Class<? extends Record> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getType();
            }
        }
        return null;
    }

    /**
     * Parses a text for a component of this type: durations as "48h", "7d", "90m" or ISO-8601 ("PT48H"), numbers as
     * integers.
     *
     * @throws IllegalArgumentException when the text is not a value of the type
     */
    public static Object parse(Class<?> type, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (type == Duration.class) {
            return DurationStyle.detectAndParse(t);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(t);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(t);
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }

    /** "48h", "7d", "90m", or a number. */
    public static String format(Object value) {
        if (value instanceof Duration d) {
            if (d.isZero()) {
                return "0h";
            }
            if (d.toSeconds() % 86_400 == 0 && d.toHours() > 72) {
                return d.toDays() + "d";
            }
            if (d.toSeconds() % 3600 == 0) {
                return d.toHours() + "h";
            }
            if (d.toSeconds() % 60 == 0) {
                return d.toMinutes() + "m";
            }
            return d.toSeconds() + "s";
        }
        return String.valueOf(value);
    }

    private static Object read(Record settings, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
