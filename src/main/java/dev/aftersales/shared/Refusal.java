package dev.aftersales.shared;

import java.util.List;

/**
 * A move refused for a reason its reader is told: the message key of the reason, its arguments and, when the reason
 * concerns one input, the field it is shown next to. Every refusal exception of the desk is one; the pages put it
 * next to the field (or above the page), the APIs into a problem.
 */
public interface Refusal {

    /** The form field at fault, or {@code null} when the reason concerns the whole form or no form. */
    default String field() {
        return null;
    }

    /** Why, as a message key. */
    String messageKey();

    /** The message's arguments (never null; raw values, formatted when shown). */
    default Object[] args() {
        return new Object[0];
    }

    /** Every reason of the refusal, each shown on its own (this one alone, unless it gathers several). */
    default List<? extends Refusal> reasons() {
        return List.of(this);
    }

    /** A reason that is not an exception: a check of the page itself, or another module's refusal put in words. */
    static Refusal of(String field, String messageKey, Object... args) {
        return new Reason(field, messageKey, args == null ? new Object[0] : args);
    }

    /** A reason as a value. */
    record Reason(String field, String messageKey, Object[] args) implements Refusal {
    }
}
