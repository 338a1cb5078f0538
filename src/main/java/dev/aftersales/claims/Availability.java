package dev.aftersales.claims;

import java.time.Instant;
import java.util.List;

/**
 * Whether a claim type can be filed for an order now, and if not, why and from when.
 *
 * @param reasonKey message key explaining a refusal ({@code null} when available)
 * @param args      the message's arguments
 * @param opensAt   when it becomes available (if it will), for "available from ..."
 * @param closesAt  until when an available type stays available
 */
public record Availability(ClaimType type, boolean available, String reasonKey, List<Object> args, Instant opensAt,
        Instant closesAt) {

    static Availability open(ClaimType type, Instant closesAt) {
        return new Availability(type, true, null, List.of(), null, closesAt);
    }

    static Availability refused(ClaimType type, String reasonKey, Object... args) {
        return new Availability(type, false, reasonKey, List.of(args), null, null);
    }

    static Availability later(ClaimType type, String reasonKey, Instant opensAt, Object... args) {
        return new Availability(type, false, reasonKey, List.of(args), opensAt, null);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
