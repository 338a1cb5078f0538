package dev.aftersales.claims;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.aftersales.shared.Money;

/**
 * What the claim form of one type needs: the lines with the units still claimable, the reasons and remedies, and
 * the deadlines that will apply, so the buyer knows before filing.
 */
public record ClaimForm(long orderId, String orderNumber, String shopName, ClaimType type,
        Availability availability, List<LineChoice> lines, List<ClaimReason> reasons, List<Remedy> remedies,
        Duration sellerAnswers, Duration buyerAnswers, Duration returnShipment, Duration sellerConfirmsReturn,
        Duration sellerReships, Instant windowClosesAt, Money fastTrackThreshold, boolean allLinesRequired,
        Money shippingFee) {

    /**
     * @param claimable  units that may still be claimed
     * @param openClaimNumber an open claim of this type on the line (the line cannot be claimed again now)
     * @param returnable whether the product may be returned without a reason
     */
    public record LineChoice(long orderLineId, String sku, String title, int ordered, int claimable,
            Money paidPerUnit, Money paid, Long openClaimId, String openClaimNumber, boolean returnable) {

        public boolean selectable() {
            return claimable > 0 && openClaimId == null;
        }
    }
}
