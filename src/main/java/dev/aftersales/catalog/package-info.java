/**
 * Catalog: shops with their after-sales policy (the platform defaults of docs/rules.md#shop-promises, which a shop may
 * only tighten on itself), and products/SKUs with price, unit weight and returnability.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *" })
package dev.aftersales.catalog;
