package dev.aftersales.webhooks.internal;

import java.util.List;

import dev.aftersales.shared.Refusal;

/** An endpoint's address or event choice is refused; the page shows each reason next to its field. */
public class InvalidEndpoint extends RuntimeException implements Refusal {

    private final List<Reason> reasons;

    InvalidEndpoint(String field, String messageKey) {
        this(List.of(new Reason(field, messageKey)));
    }

    InvalidEndpoint(List<Reason> reasons) {
        super(reasons.toString());
        this.reasons = List.copyOf(reasons);
    }

    /** Every reason, one per refused field. */
    @Override
    public List<Reason> reasons() {
        return reasons;
    }

    /** The form field of the first reason ({@code url} or {@code eventTypes}). */
    public String field() {
        return reasons.get(0).field();
    }

    public String messageKey() {
        return reasons.get(0).messageKey();
    }

    /** Why one field is refused. */
    public record Reason(String field, String messageKey) implements Refusal {
    }
}
