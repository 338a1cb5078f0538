package dev.aftersales.shared.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Keyset ("seek") paging for the lists that can get deep: a page is the rows after (or before) the last (first) row of
 * the page the user came from, found with a row-value comparison on the list's sort key and the id, so PostgreSQL
 * starts reading at that position in an index instead of walking and discarding the rows of every earlier page.
 * <p>
 * A position travels in the links as a readable token, the sort key's values and the id joined by {@code ~}:
 * {@code 2026-11-02T10:00:00Z~12345}. A token that cannot be read gives the first page, marked {@link
 * Window#unreadable()} so the page can say so; it never reaches the database.
 */
public final class Keyset {

    /** The longest position token read; longer ones count as unreadable. */
    public static final int MAX_TOKEN = 120;

    private Keyset() {
    }

    /** The type of one part of a position. */
    public enum Part {
        TIME, NUMBER
    }

    /**
     * What a list's link asks for: the rows after a position (the next page), before one (the previous page), or
     * neither (the first page). {@code after} wins when both are given.
     */
    public record Request(String after, String before, int size) {

        public Request {
            size = Math.max(1, Math.min(size, 100));
            after = after == null || after.isBlank() ? null : after;
            before = after != null || before == null || before.isBlank() ? null : before;
        }

        public static Request first(int size) {
            return new Request(null, null, size);
        }

        public static Request of(String after, String before, int size) {
            return new Request(after, before, size);
        }

        boolean isFirst() {
            return after == null && before == null;
        }
    }

    /**
     * One page of a keyset-paged list.
     *
     * @param rows       the rows, in the list's order
     * @param previous   the token of the previous page's link ({@code before=}), or {@code null} on the first page
     * @param next       the token of the next page's link ({@code after=}), or {@code null} on the last page
     * @param first      whether this is the list's first page
     * @param unreadable whether the link's position could not be read (the first page is shown instead)
     */
    public record Window<T>(List<T> rows, String previous, String next, boolean first, boolean unreadable) {

        /** The same window with its rows mapped (in one go, so a mapper may load what the rows need at once). */
        public <R> Window<R> map(Function<List<T>, List<R>> mapper) {
            return new Window<>(rows.isEmpty() ? List.of() : mapper.apply(rows), previous, next, first, unreadable);
        }

        public boolean hasPrevious() {
            return previous != null;
        }

        public boolean hasNext() {
            return next != null;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        /** Whether the pager is worth drawing. */
        public boolean paged() {
            return hasPrevious() || hasNext() || !first;
        }

        public static <T> Window<T> empty() {
            return new Window<>(List.of(), null, null, true, false);
        }
    }

    /** The token of a position: its parts joined by {@code ~}. */
    public static String token(List<?> values) {
        StringBuilder token = new StringBuilder();
        for (Object v : values) {
            if (v == null) {
                return null;
            }
            if (!token.isEmpty()) {
                token.append('~');
            }
            token.append(v);
        }
        return token.toString();
    }

    /**
     * The values of a token of this shape, or {@code null} when it cannot be read: a part missing or too many, a time
     * or number that is none, a time outside what the desk keeps ({@link SaneInstant}), a token over
     * {@link #MAX_TOKEN} characters.
     */
    public static List<Object> parse(String token, List<Part> shape) {
        if (token == null || token.length() > MAX_TOKEN) {
            return null;
        }
        String[] parts = token.split("~", -1);
        if (parts.length != shape.size()) {
            return null;
        }
        List<Object> values = new ArrayList<>(parts.length);
        try {
            for (int i = 0; i < parts.length; i++) {
                Object value = switch (shape.get(i)) {
                    case TIME -> Instant.parse(parts[i]);
                    case NUMBER -> Long.valueOf(parts[i]);
                };
                // a time the desk cannot keep (SaneInstant) is no row's position; the database is never asked
                if (value instanceof Instant at
                        && (at.isBefore(SaneInstant.EARLIEST) || at.isAfter(SaneInstant.LATEST))) {
                    return null;
                }
                values.add(value);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
        return values;
    }

    /**
     * A list ordered by {@code keys} (sort expressions of the query's alias, the last one the id), all in one
     * direction.
     *
     * @param query      {@code select x from Entity x where …} (the list's filters, with named parameters)
     * @param keys       the sort expressions, e.g. {@code o.paidAt}, {@code o.id}
     * @param shape      the type of each key's value
     * @param descending whether the list runs from the largest key down
     * @param keyOf      the values of a row's keys, in the order of {@code keys}
     */
    public static <T> Window<T> fetch(EntityManager em, Class<T> type, String query, Map<String, ?> params,
            List<String> keys, List<Part> shape, boolean descending, Request request,
            Function<T, List<?>> keyOf) {
        List<Object> position = null;
        boolean backwards = false;
        boolean unreadable = false;
        if (!request.isFirst()) {
            backwards = request.after() == null;
            position = parse(backwards ? request.before() : request.after(), shape);
            if (position == null) {
                unreadable = true;
                backwards = false;
            }
        }
        // the order the rows are read in: the list's own, or its reverse when reading back from a position
        boolean readDescending = descending != backwards;
        StringBuilder jpql = new StringBuilder(query);
        if (position != null) {
            jpql.append(" and (").append(String.join(", ", keys)).append(readDescending ? ") < (" : ") > (");
            for (int i = 0; i < keys.size(); i++) {
                jpql.append(i == 0 ? "" : ", ").append(":seek").append(i);
            }
            jpql.append(')');
        }
        jpql.append(" order by ");
        for (int i = 0; i < keys.size(); i++) {
            jpql.append(i == 0 ? "" : ", ").append(keys.get(i)).append(readDescending ? " desc" : " asc");
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        params.forEach(q::setParameter);
        if (position != null) {
            for (int i = 0; i < keys.size(); i++) {
                q.setParameter("seek" + i, position.get(i));
            }
        }
        q.setMaxResults(request.size() + 1);
        List<T> read = new ArrayList<>(q.getResultList());
        boolean more = read.size() > request.size();
        if (more) {
            read.remove(read.size() - 1);
        }
        if (backwards) {
            Collections.reverse(read);
        }
        String firstKey = read.isEmpty() ? null : token(keyOf.apply(read.get(0)));
        String lastKey = read.isEmpty() ? null : token(keyOf.apply(read.get(read.size() - 1)));
        if (position == null) {
            return new Window<>(read, null, more ? lastKey : null, true, unreadable);
        }
        if (backwards) {
            // reading back from a position: the row at that position (and so a next page) exists
            return new Window<>(read, more ? firstKey : null, lastKey == null ? request.before() : lastKey,
                    !more, false);
        }
        // reading on from a position: the row at that position (and so a previous page) exists
        return new Window<>(read, firstKey == null ? request.after() : firstKey, more ? lastKey : null, false, false);
    }
}
