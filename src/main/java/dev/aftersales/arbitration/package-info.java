/**
 * Arbitration: platform intervention in escalated claims. The agent queue and workspace, exclusive assignment,
 * evidence requests, decisions whose money moves through the payments ledger, seller penalties and buyer abuse flags,
 * appeals decided by a second agent, and the oversight dashboard. It drives claims through the claims module's API;
 * the events below are what other modules (risk, notifications) learn from it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog",
        "identity", "ordering", "shipping", "payments", "claims" })
package dev.aftersales.arbitration;
