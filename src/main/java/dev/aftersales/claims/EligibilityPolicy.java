package dev.aftersales.claims;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.aftersales.ordering.OrderStatus;

/**
 * Whether a buyer may file a claim type for an order now (docs/rules.md#eligibility-windows). Each type has a small
 * policy; each answer is "allowed until ..." or "not now, because ..., from ..." so the page can say why and when.
 */
interface EligibilityPolicy {

    ClaimType type();

    Availability check(OrderFacts facts);

    /** The policies for the types buyers file, in the order the page lists them. */
    static List<EligibilityPolicy> all() {
        return List.of(new MissingItem(), new NotReceived(), new RefundOnly(), new ReturnRefund(), new Exchange());
    }

    /**
     * The policy of a type buyers file.
     *
     * @throws ClaimNotAllowed for a type only the platform opens
     */
    static EligibilityPolicy of(ClaimType type) {
        return all().stream().filter(p -> p.type() == type).findFirst()
                .orElseThrow(() -> new ClaimNotAllowed(FilingPolicy.TYPE_FILED_BY_BUYER, "type",
                        "claim.unavailable.type", new Object[0]));
    }

    /** Rules every buyer-filed type shares: the order is not cancelled and something is left to claim. */
    static Availability common(ClaimType type, OrderFacts facts) {
        if (facts.order().status() == OrderStatus.CANCELLED) {
            return Availability.refused(type, "claim.unavailable.cancelled");
        }
        if (!facts.anythingClaimable()) {
            return Availability.refused(type, "claim.unavailable.nothingLeft");
        }
        return null;
    }

    /** Types open for a window after delivery. */
    static Availability afterDelivery(ClaimType type, OrderFacts facts, Duration window) {
        Availability common = common(type, facts);
        if (common != null) {
            return common;
        }
        if (!facts.delivered()) {
            return Availability.refused(type, "claim.unavailable.notDelivered");
        }
        Instant closes = facts.order().deliveredAt().plus(window);
        if (!facts.now().isBefore(closes)) {
            return Availability.refused(type, "claim.unavailable.windowClosed", closes, window);
        }
        return Availability.open(type, closes);
    }

    /** Short shipment: within the missing-item window after delivery (7 days). */
    final class MissingItem implements EligibilityPolicy {

        @Override
        public ClaimType type() {
            return ClaimType.MISSING_ITEM;
        }

        @Override
        public Availability check(OrderFacts facts) {
            return afterDelivery(type(), facts, facts.policy().missingItemWindow());
        }
    }

    /**
     * Lost or stalled parcel: shipped, not delivered, and either no carrier movement for the stall period (72 h) or
     * shipped longer ago than the delivery period (10 days).
     */
    final class NotReceived implements EligibilityPolicy {

        @Override
        public ClaimType type() {
            return ClaimType.NOT_RECEIVED;
        }

        @Override
        public Availability check(OrderFacts facts) {
            Availability common = common(type(), facts);
            if (common != null) {
                return common;
            }
            if (facts.order().status() == OrderStatus.AWAITING_SHIPMENT) {
                return Availability.refused(type(), "claim.unavailable.notShipped");
            }
            if (facts.delivered()) {
                return Availability.refused(type(), "claim.unavailable.delivered", facts.order().deliveredAt());
            }
            Instant overdue = facts.order().shippedAt().plus(facts.policy().notReceivedAfterShipping());
            if (facts.stalled() || !facts.now().isBefore(overdue)) {
                return Availability.open(type(), null);
            }
            Instant stallAt = facts.lastMovement().plus(facts.policy().trackingStall());
            Instant opens = stallAt.isBefore(overdue) ? stallAt : overdue;
            return Availability.later(type(), "claim.unavailable.moving", opens);
        }
    }

    /** Quality / not as described without return: within the quality window (15 days). */
    final class RefundOnly implements EligibilityPolicy {

        @Override
        public ClaimType type() {
            return ClaimType.REFUND_ONLY;
        }

        @Override
        public Availability check(OrderFacts facts) {
            return afterDelivery(type(), facts, facts.policy().qualityWindow());
        }
    }

    /**
     * Return for refund: a no-reason return within its window (7 days) for returnable products, a quality return
     * within the quality window (15 days). The type is offered while either is open; the reason is checked on
     * filing.
     */
    final class ReturnRefund implements EligibilityPolicy {

        @Override
        public ClaimType type() {
            return ClaimType.RETURN_REFUND;
        }

        @Override
        public Availability check(OrderFacts facts) {
            Duration longest = facts.policy().qualityWindow().compareTo(facts.policy().noReasonReturnWindow()) >= 0
                    ? facts.policy().qualityWindow() : facts.policy().noReasonReturnWindow();
            return afterDelivery(type(), facts, longest);
        }
    }

    /** Exchange for the same SKU: within the quality window. */
    final class Exchange implements EligibilityPolicy {

        @Override
        public ClaimType type() {
            return ClaimType.EXCHANGE;
        }

        @Override
        public Availability check(OrderFacts facts) {
            return afterDelivery(type(), facts, facts.policy().qualityWindow());
        }
    }
}
