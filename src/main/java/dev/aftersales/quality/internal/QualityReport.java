package dev.aftersales.quality.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.aftersales.claims.ClaimReason;
import dev.aftersales.shared.Money;

/**
 * A shop's product-quality report (docs/quality.md).
 *
 * @param days          the window: the last 30 or 90 days, {@code from}…{@code to} (calendar days, display zone)
 * @param weekly        the trend is weekly (90 days) instead of daily (30 days)
 * @param products      the SKUs with figures in the window, flagged ones first
 * @param trend         the window's days or weeks, oldest first
 * @param qualityReasons the claim reasons whose refunds count as quality refunds
 */
public record QualityReport(long shopId, String shopName, int days, LocalDate from, LocalDate to, boolean weekly,
        Totals totals, List<ProductRow> products, List<TrendPoint> trend, List<ClaimReason> qualityReasons,
        double flagRatio, int flagMinRefunds) {

    public List<ProductRow> flagged() {
        return products.stream().filter(ProductRow::flagged).toList();
    }

    public boolean hasReasonRows() {
        return products.stream().anyMatch(p -> !p.reasons().isEmpty());
    }

    /**
     * The shop's figures in the window.
     *
     * @param qualityRate    quality-refunded units per 100 units sold in the window ({@code null}: nothing sold)
     * @param normalRate     the same over the last 90 days: the shop's normal the flags compare with
     */
    public record Totals(long unitsSold, long claims, long qualityClaims, long refunds, long refundedUnits,
            Money refunded, long qualityRefunds, long qualityRefundedUnits, long shortCorroborated,
            BigDecimal qualityRate, BigDecimal normalRate) {
    }

    /**
     * One SKU (a product of the shop's catalog, or a SKU the catalog does not know) in the window.
     *
     * @param unitsSold            units on orders paid in the window, less those of orders cancelled since
     * @param claims               claims filed in the window that claim units of this SKU
     * @param qualityClaims        of those, with a quality reason
     * @param refunds              refund payments executed in the window that cover this SKU
     * @param refundedUnits        units those refunds cover
     * @param refunded             what those refunds paid for this SKU (less reversals)
     * @param qualityRefunds       refunds of claims with a quality reason
     * @param qualityRefundedUnits units those quality refunds cover
     * @param shortCorroborated    missing-item claims whose parcel weight corroborated them
     * @param qualityRate          quality-refunded units per 100 units sold ({@code null}: nothing sold)
     * @param flagged              the 30-day quality-refund rate jumped above the shop's normal
     * @param rate30               the 30-day rate the flag looked at
     * @param qualityRefunds30     the 30-day quality refunds the flag looked at
     */
    public record ProductRow(String sku, Long productId, String title, long unitsSold, long orders, long claims,
            long qualityClaims, long refunds, long refundedUnits, Money refunded, long qualityRefunds,
            long qualityRefundedUnits, long shortCorroborated, BigDecimal qualityRate, boolean flagged,
            BigDecimal rate30, long qualityRefunds30, List<ReasonRow> reasons) {
    }

    /** One SKU's claims and refunds of one reason in the window. */
    public record ReasonRow(ClaimReason reason, boolean quality, long claims, long claimedUnits, long refunds,
            long refundedUnits, Money refunded) {
    }

    /** One day (30-day window) or week (90-day window) of the trend. */
    public record TrendPoint(LocalDate first, LocalDate last, long unitsSold, long claims, long qualityClaims,
            long qualityRefunds, long qualityRefundedUnits, BigDecimal qualityRate) {
    }

    /** One claim behind a SKU's figures. */
    public record ClaimRow(long claimId, String claimNumber, String type, ClaimReason reason, boolean quality,
            int units, boolean shortCorroborated, Instant filedAt) {
    }
}
