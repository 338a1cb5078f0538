/**
 * Product quality (docs/quality.md): which products and SKUs of a shop cause claims and refunds, by reason, over the
 * last 30 or 90 days, the quality-refund rate against the units sold, short shipments the parcel weight
 * corroborates, the daily or weekly trend, and the products whose quality-refund rate jumps above the shop's normal.
 * Its figures come from daily counters kept as claims are filed, refunds paid and orders placed or cancelled (the
 * other modules' events, after commit, each counted once); its pages read only those counters. It uses identity
 * only for its demo data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog",
        "identity", "ordering", "claims", "payments" })
package dev.aftersales.quality;
