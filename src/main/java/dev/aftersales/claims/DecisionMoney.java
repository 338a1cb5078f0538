package dev.aftersales.claims;

import dev.aftersales.shared.Money;

/**
 * The money of a platform agent's ruling (docs/arbitration.md#decisions): what the ruling refunds, what it moves
 * now, and what the timeline shows. A first ruling moves its refund; a ruling on appeal moves only the difference to the first
 * ruling's refund (a further refund, or a reversal when negative), never more than the order can still refund.
 *
 * @param refundMinor what the ruling refunds in all, in fen (0 when it refunds nothing)
 * @param movedMinor  the money moved to the buyer by this ruling, in fen, negative when taken back
 * @param shownMinor  the amount written on the timeline, {@code null} when none
 */
record DecisionMoney(long refundMinor, long movedMinor, Long shownMinor) {

    /**
     * @param partial        the agent's amount of a partial refund (ignored otherwise)
     * @param requestedMinor what the buyer asked for
     * @param linesAmount    what the claimed units cost: no partial refund is above it
     * @param earlier        the ruling appealed, {@link PlatformDecision#NONE} on a first ruling
     * @param refundable     what the order can still refund
     */
    static DecisionMoney of(Ruling ruling, Money partial, long requestedMinor, Money linesAmount,
            PlatformDecision earlier, boolean onAppeal, Money refundable) {
        long refund = switch (ruling) {
            case FULL_REFUND -> requestedMinor;
            case PARTIAL_REFUND -> {
                if (partial == null || !partial.isPositive() || partial.greaterThan(linesAmount)) {
                    throw new TransitionRejected("claim.rejected.partialAmount", linesAmount.format());
                }
                yield partial.minor();
            }
            default -> 0;
        };
        long alreadyRuled = onAppeal ? earlier.refundedMinor() : 0;
        long moved = ruling.refunds() || onAppeal ? Math.subtractExact(refund, alreadyRuled) : 0;
        if (moved > 0 && moved > refundable.minor()) {
            throw new TransitionRejected("claim.rejected.refundCap", refundable.format());
        }
        Long shown = null;
        if (moved != 0) {
            shown = moved;
        } else if (ruling.refunds()) {
            shown = refund;
        }
        return new DecisionMoney(refund, moved, shown);
    }

    /** How a claim the platform ruled on ends: refunded in full, in part, or not at all. */
    static Outcome outcome(PlatformDecision decision, long requestedMinor) {
        if (decision.ruling() == null || decision.ruling() == Ruling.REJECT) {
            return Outcome.REJECTED;
        }
        return decision.amountMinor() != null && decision.amountMinor() >= requestedMinor ? Outcome.REFUNDED
                : Outcome.PARTIALLY_REFUNDED;
    }
}
