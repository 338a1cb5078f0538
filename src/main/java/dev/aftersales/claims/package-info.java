/**
 * Claims: the after-sales case (the {@link dev.aftersales.claims.Claim} aggregate), its lifecycle, eligibility
 * windows, the parcel weight check, fast-track, messages, evidence, the timeline, and the deadlines with their
 * automatic consequences. Money moves through the payments module's ledger.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog",
        "identity", "ordering", "shipping", "payments" })
package dev.aftersales.claims;
