package dev.aftersales.ordering;

/** Why a paid order was cancelled. */
public enum CancellationReason {
    /** The storefront sold more than it had: the platform cancelled the order. */
    OVERSOLD,
    /** The items were delisted after payment. */
    DELISTED,
    /** The items ran out of stock after payment. */
    OUT_OF_STOCK,
    /** The buyer asked before shipment. */
    BUYER_REQUEST,
    /** The storefront's risk control stopped the order. */
    RISK_CONTROL,
    /** Any other reason the storefront gives; the note says which. */
    OTHER
}
