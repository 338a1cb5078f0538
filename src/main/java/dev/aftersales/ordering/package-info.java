/**
 * Ordering: orders as the storefront reports them (lines, payment, ship-by time), their append-only status
 * history and cancellations. Orders are never deleted. Other modules add to the order pages through
 * {@link dev.aftersales.ordering.OrderPageSection}, {@link dev.aftersales.ordering.OrderListNotes} and
 * {@link dev.aftersales.ordering.OrderLookup} without this module depending on them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog",
        "identity" })
package dev.aftersales.ordering;
