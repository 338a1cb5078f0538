/**
 * Shipping: parcels (outbound, and later return and reshipment legs), carriers and their tracking-number formats,
 * tracking events with the carrier-measured weight, and a status derived from the events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog",
        "ordering" })
package dev.aftersales.shipping;
