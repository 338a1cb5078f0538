package dev.aftersales.ordering;

import java.time.Instant;
import java.util.List;

/**
 * An order as the storefront reports it. Amounts are in minor units (fen).
 *
 * @param orderNumber     the storefront's order number, unique
 * @param shopCode        the shop's code
 * @param buyerRef        the storefront's id of the buyer
 * @param buyerName       the buyer's name
 * @param buyerPhone      the buyer's phone
 * @param currency        ISO currency code
 * @param paidMinor       what the buyer paid in all (lines plus shipping fee)
 * @param shippingFeeMinor the shipping fee within the paid amount
 * @param paidAt          when the payment succeeded
 * @param recipientName   who receives the parcel
 * @param recipientPhone  the recipient's phone
 * @param address         the delivery address
 * @param lines           the lines
 */
public record StorefrontOrder(String orderNumber, String shopCode, String buyerRef, String buyerName,
        String buyerPhone, String currency, long paidMinor, long shippingFeeMinor, Instant paidAt,
        String recipientName, String recipientPhone, String address, List<Line> lines) {

    /**
     * @param paidMinor what was paid for the line; {@code null} means quantity times unit price
     */
    public record Line(String sku, String title, int quantity, long unitPriceMinor, Long paidMinor) {

        long effectivePaid() {
            return paidMinor != null ? paidMinor : Math.multiplyExact(unitPriceMinor, (long) quantity);
        }
    }
}
