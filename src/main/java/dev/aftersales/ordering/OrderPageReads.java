package dev.aftersales.ordering;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the sections of one order page read about the order when more than one of them needs it (its parcels, which
 * claims its lines still allow): the first section that needs it reads it, the later ones get what it read, so the
 * page reads each once. One per page view, handed to every {@link OrderPageSection}. The sections read in their own
 * transactions, a few milliseconds apart: a later section shows what the first read at the start of the view, as the
 * first section does, so the page's sections agree with each other.
 */
public final class OrderPageReads {

    private final Map<Key<?>, Object> read = new HashMap<>();

    /** What {@code key} names on this page: read by {@code read} the first time, the same object after. */
    @SuppressWarnings("unchecked")
    public <T> T once(Key<T> key, Supplier<? extends T> read) {
        Object value = this.read.get(key);
        if (value == null) {
            value = read.get();
            this.read.put(key, value);
        }
        return (T) value;
    }

    /**
     * Names one thing read for the page, of type {@code T}; the module that reads it owns the key.
     *
     * @param <T> what is read
     */
    public static final class Key<T> {

        private final String name;

        public Key(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
