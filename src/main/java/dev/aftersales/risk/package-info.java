/**
 * Risk and supervision (docs/risk.md): each buyer's explainable return-abuse score with its signals and linked
 * accounts, each shop's scorecard over 30 and 90 days and the supervision it leads to, the buyers' ratings of how their
 * claims were handled, the run-time risk thresholds and the admin's policy page with holiday extensions. Its read
 * models are fed by the other modules' events (after commit); it never changes another module's data except through
 * their public API (a holiday extension asks claims and ordering to move due times). Templates include its panels with
 * {@code th:with="p=${@riskPanels.forAgent(buyerId, shopId)}"}, so modules that show them need no Java dependency on
 * risk.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "shared :: *", "catalog",
        "identity", "ordering", "shipping", "claims", "arbitration" })
package dev.aftersales.risk;
